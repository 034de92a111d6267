import { connect } from 'node:net';

/**
 * Sends only the head of a request (method, path, headers, no body) on a raw socket and resolves
 * with the status code of the answer. A server that waits for the announced body never answers:
 * the promise then rejects after `timeoutMs`, which is how a test sees that a body would be read.
 */
export function statusForHeadOnly(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  timeoutMs = 3000,
): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: the server waits for the body`));
    }, timeoutMs);
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (statusLine) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(statusLine[1]));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    const head = Object.entries({ host: `${hostname}:${port}`, ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n`);
  });
}
