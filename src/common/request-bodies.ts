import { HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { bodyPolicy, CSV_ROUTES, mediaType } from './body-policy';
import { inputShapeErrors } from './input-shape';
import { InvalidInput, ProblemException } from './problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    acceptsCsv?: boolean;
  }
}

/** A parsed body or query whose shape no DTO should see is a 400 here, before validation. */
function rejectHostileShape(request: FastifyRequest): void {
  const errors = [...inputShapeErrors(request.body), ...inputShapeErrors(request.query)];
  if (errors.length) throw new InvalidInput(errors);
}

/**
 * How the service reads request bodies; called right after `NestFactory.create` (with
 * `bodyParser: false`), before Nest registers its routes.
 * - JSON on every route, CSV only on the imports (`CSV_ROUTES`); anything else is a 415.
 * - Each route's size limit (`bodyPolicy`): a body announced or found larger is a 413.
 * - A CSV body to another route is refused before a byte of it is read.
 * - Keys that are not data and too deep nesting are 400s before any DTO transformation.
 */
export function configureRequestBodies(app: NestFastifyApplication, prefix: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  const root = `/${prefix.replace(/^\/+|\/+$/g, '')}`;

  fastify.addHook('onRoute', (route) => {
    const path = route.url.startsWith(root) ? route.url.slice(root.length) : route.url;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const policies = methods.map((method) => bodyPolicy(method, path));
    route.bodyLimit = Math.max(...policies.map((policy) => policy.limit));
    route.config = { ...route.config, acceptsCsv: policies.some((policy) => policy.acceptsCsv) };
  });

  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (
      mediaType(request.headers['content-type']) === 'text/csv' &&
      !request.is404 &&
      !request.routeOptions.config.acceptsCsv
    ) {
      throw new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        `text/csv is accepted only by ${CSV_ROUTES.join(' and ')}; send JSON`,
      );
    }
    return payload;
  });

  // Fastify's own JSON parser (empty and malformed bodies are its 400s), without its prototype
  // checks: rejectHostileShape refuses those keys and more, naming their field.
  const parseJson = fastify.getDefaultJsonParser('ignore', 'ignore');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  fastify.removeContentTypeParser('text/plain');

  fastify.addHook('preValidation', async (request) => rejectHostileShape(request));
}
