import type { FastifyInstance } from 'fastify';

/**
 * Nothing the API answers may be kept by a browser or a proxy: case data, tokens and errors of an
 * authenticated call alike. A route that may be cached says so itself (its header is kept).
 */
export function neverCacheApiResponses(fastify: FastifyInstance, apiPrefix: string): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(apiPrefix) && !reply.hasHeader('cache-control'))
      void reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
