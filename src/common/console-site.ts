import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The web console's pages: no inline script or style, nothing from elsewhere, never framed. Its own
 * API calls go to the same origin. /docs (Swagger UI) keeps the looser policy it needs.
 */
export const CONSOLE_CSP_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: [`'self'`],
  scriptSrc: [`'self'`],
  scriptSrcAttr: [`'none'`],
  styleSrc: [`'self'`],
  imgSrc: [`'self'`, 'data:', 'blob:'],
  connectSrc: [`'self'`],
  fontSrc: [`'self'`],
  objectSrc: [`'none'`],
  baseUri: [`'none'`],
  formAction: [`'self'`],
  frameAncestors: [`'none'`],
};

/** Where `npm run build` puts the console (dist/console), from src/common (tests) or dist/src/common (npm start). */
export function consoleBuildFolder(from = __dirname): string {
  const above = dirname(dirname(from));
  const root = basename(above) === 'dist' ? dirname(above) : above;
  return join(root, 'dist', 'console');
}

/**
 * Serves the built console at `/` beside the API: index.html is checked on every load (no-cache) so a
 * new build is picked up; the hashed assets never change under their names. The console keeps no
 * data of its own: everything it shows comes from the API, whose answers are never cached.
 */
export async function serveConsole(app: NestFastifyApplication, folder = consoleBuildFolder()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(folder, 'index.html'))) {
    fastify.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(
          'The web console is not built: run `npm run build` (npm start does it). The API is at /api/v1, its docs at /docs.\n',
        ),
    );
    return;
  }
  // @fastify/helmet reads a route's own policy from its config: the console's routes get the strict one.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') || route.url.startsWith('/docs')) return;
    route.config = {
      ...(route.config as object),
      helmet: { contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP_DIRECTIVES } },
    } as typeof route.config;
  });
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    // The build writes a .gz beside each file: a commune's connection gets the compressed one.
    preCompressed: true,
    setHeaders: (reply, path) => {
      void reply.header(
        'Cache-Control',
        path.includes(`${join(folder, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
