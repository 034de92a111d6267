import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { FastifyRequest } from 'fastify';
import { prettyLogStream } from './pretty-log';

/**
 * Logs through pino. Requests are logged with method, path (never the query: it can carry a
 * child's name), status, time and request id. No bodies, no headers, no personal data.
 * `json`: pino's JSON lines on stdout, for machines; `pretty`: the same entries as short lines.
 */
export function createLogger(level: string, format: 'pretty' | 'json' = 'json'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'child-protection-cms' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers', 'password', '*.password', 'authorization'], remove: true },
    serializers: {
      req: (request: FastifyRequest) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
  return format === 'pretty' ? pino(options, prettyLogStream()) : pino(options);
}

/** Nest's own messages go to the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: unknown): void {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context); the stack stays out unless it is an Error's own.
    this.write('error', message, rest[rest.length - 1]);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
}
