import 'reflect-metadata';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { loginRateLimitOptions } from './auth/login-rate-limit';
import { DEFAULT_BODY_LIMIT } from './common/body-policy';
import { answerClientError } from './common/client-errors';
import { answerFrameworkError } from './common/framework-errors';
import { configureOpenApi } from './common/openapi';
import { serveConsole } from './common/console-site';
import { createLogger, PinoNestLogger } from './common/logging';
import { neverCacheApiResponses } from './common/no-store';
import { ProblemFilter } from './common/problem.filter';
import { serverRequestId } from './common/request-id';
import { configureRequestBodies } from './common/request-bodies';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';

export const API_PREFIX = 'api/v1';

/** Builds the whole HTTP application; `main.ts` and the end-to-end tests share it. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel, config.logFormat);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: serverRequestId,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Off by default: with it on, any client can name its own address in X-Forwarded-For.
    trustProxy: config.trustProxy,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
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
  neverCacheApiResponses(fastify, `/${API_PREFIX}/`);
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
  // Before the routes exist: the plugin's onRoute hook picks out the routes marked LOGIN_THROTTLED.
  await app.register(rateLimit, loginRateLimitOptions(config));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  configureOpenApi(app);
  await serveConsole(app);
  return app;
}
