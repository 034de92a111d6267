import { createServer, Server } from 'node:net';
import { assertPortFree } from './embedded-postgres';

describe('embedded PostgreSQL port check', () => {
  let taken: Server;
  let port: number;
  beforeAll(
    () =>
      new Promise<void>((resolve) => {
        taken = createServer().listen(0, '127.0.0.1', () => {
          port = (taken.address() as { port: number }).port;
          resolve();
        });
      }),
  );
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('says clearly which port is taken and what to set instead', async () => {
    await expect(assertPortFree(port)).rejects.toThrow(
      new RegExp(`Port ${port} .* already taken. Set EMBEDDED_PG_PORT`),
    );
  });

  it('passes a free port', async () => {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
    await expect(assertPortFree(port)).resolves.toBeUndefined();
    taken = createServer();
  });
});
