import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TestApp } from './support/test-app';

/**
 * The served OpenAPI document passes `redocly lint` (the recommended rules and redocly.yaml at the
 * repository root) with no error and no warning: what a client generator reads stays clean.
 */
const ROOT = join(__dirname, '..');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer?: string }[];
}

let t: TestApp;
let folder: string;
beforeAll(async () => {
  t = await TestApp.start();
  folder = await mkdtemp(join(tmpdir(), 'openapi-lint-'));
});
afterAll(async () => {
  await t.close();
  await rm(folder, { recursive: true, force: true });
});

/** `redocly lint --format json` on `file`: its problems, whatever their severity. */
async function redoclyLint(file: string): Promise<LintProblem[]> {
  const run = promisify(execFile)(
    process.execPath,
    [REDOCLY, 'lint', '--config', join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000', file],
    // No telemetry, no update check: the test must not reach the network.
    { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  // redocly exits 1 when it finds an error; its report is on stdout either way.
  const { stdout } = await run.catch((error: { stdout?: string; stderr?: string }) => {
    if (!error.stdout) throw new Error(`redocly lint did not run: ${error.stderr ?? String(error)}`);
    return { stdout: error.stdout };
  });
  return (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
}

describe('the OpenAPI document, linted by redocly', () => {
  it('has no error and no warning under the recommended rules', async () => {
    const served = await t.get('/openapi.json');
    expect(served.status).toBe(200);
    const file = join(folder, 'openapi.json');
    await writeFile(file, JSON.stringify(served.body, null, 2));
    const problems = (await redoclyLint(file)).map(
      ({ severity, ruleId, message, location }) =>
        `${severity} ${ruleId} at ${location.map((l) => l.pointer).join(', ')}: ${message}`,
    );
    expect(problems).toEqual([]);
  });
});
