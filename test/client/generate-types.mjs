// Prints the TypeScript types of an OpenAPI document (a JSON file) through openapi-typescript's
// Node API. A plain Node process: Jest's module loader cannot load openapi-typescript's ES-module
// dependencies on Node 20. Used by test/client-journey.e2e-spec.ts.
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import openapiTS, { astToString } from 'openapi-typescript';

const document = JSON.parse(await readFile(process.argv[2], 'utf8'));
process.stdout.write(astToString(await openapiTS(document)));
