import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Problem, problemTitle, problemType } from './problem';

const BY_CODE: Record<string, [status: number, detail: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers are too large (a query string of more than about 16 kB?)'],
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (headers or query string
 * too large, malformed) never reaches a route, and is answered here with problem+json too.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = BY_CODE[error.code ?? ''] ?? [400, 'The request is not valid HTTP'];
  const problem: Problem = { type: problemType(status), title: problemTitle(status), status, detail };
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
