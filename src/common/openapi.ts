import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { declarePathProblems } from './openapi-path-problems';

/** Every tag a controller uses, with what its operations are about (redocly: operation-tag-defined). */
const TAGS: Record<string, string> = {
  areas: 'Administrative areas: country, provinces, districts, communes; mergers and CSV import (admin)',
  audit: 'The append-only access and change log (auditor)',
  auth: 'Signing in and choosing one’s own password',
  calendar: 'Public holidays that working-day deadlines skip',
  calls: 'Calls to the 111 and provincial hotlines, reports or not, and their protected counts',
  'case workflow': 'The Decree 56 steps of a case, and the open deadlines',
  cases: 'Case files as the caller’s role may see them, their corrections and history, who read them; children merged',
  codes: 'Every code list the API uses, with Vietnamese and English labels',
  'consent and disclosure': 'Consent of the child and the guardian, and every disclosure of case data',
  health: 'Whether the service and its database answer',
  intake: 'Reports (Mẫu 01) from 111 and the other channels: one case per child',
  interventions: 'Work of police, health, justice, education and social agencies on a case',
  notifications: 'The inbox of case roles and agency staff: what needs them, by ids, codes and times only',
  population: 'Children by commune, year, sex and age: the denominators of the rates',
  statistics: 'Anonymized incidence rates per 100,000 children, exports and plan targets',
  users: 'User accounts, roles and areas (admin), and the signed-in user',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `CasesController.view` → `casesView`: unique (one method per name in a controller) and URL-safe. */
export const operationId = (controllerKey: string, methodKey: string) =>
  `${lowerFirst(controllerKey.replace(/Controller$/, ''))}${upperFirst(methodKey)}`;

/** The OpenAPI document at /api/v1/openapi.json and interactive docs at /docs. */
export function configureOpenApi(app: NestFastifyApplication): void {
  const builder = new DocumentBuilder()
    .setTitle('Child protection case management')
    .setDescription(
      'Abuse, injury and child-labour cases from the first report to closure (Law on Children 2016, Decree 56/2017), ' +
        'with privacy by construction and incidence rates per 100,000 children. Errors are application/problem+json.',
    )
    .setVersion('1')
    // Every path carries the /api/v1 prefix, so the server is the origin the document is served from.
    .addServer('/', 'This service (paths include /api/v1)')
    .addBearerAuth();
  for (const name of Object.keys(TAGS).sort()) builder.addTag(name, TAGS[name]);
  const config = builder.build();
  // As package.json says: no licence is granted to anyone outside the service's owner.
  config.info.license = { name: 'UNLICENSED' };
  delete config.info.contact; // DocumentBuilder's empty default says nothing
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  declarePathProblems(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'api/v1/openapi.json', raw: ['json'] });
}
