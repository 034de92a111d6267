import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { DEFAULT_BODY_LIMIT } from './common/body-policy';
import { answerClientError } from './common/client-errors';
import { configureOpenApi } from './common/openapi';
import { createLogger, PinoNestLogger } from './common/logging';
import { ProblemFilter } from './common/problem.filter';
import { configureRequestBodies } from './common/request-bodies';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';

export const API_PREFIX = 'api/v1';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** A caller's X-Request-Id is kept when it is a sane token; otherwise the service makes one. */
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds the whole HTTP application; `main.ts` and the end-to-end tests share it. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: requestId,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: true,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  configureRequestBodies(app, API_PREFIX);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  configureOpenApi(app);
  return app;
}
