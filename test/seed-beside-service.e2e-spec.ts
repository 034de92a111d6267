import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { freePort } from '../src/database/free-port';
import { openBesideService } from '../src/database/beside-service';

/**
 * The seed beside a running `npm start` is in test/start-stop.e2e-spec.ts (it needs the real
 * start). Here: what the seed says when it cannot find the service's server in its data folder.
 */
describe('the demo seed, looking for the embedded server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says plainly what to share with npm start when the port is taken by something else', async () => {
    const port = await freePort();
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
    try {
      const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
      await expect(openBesideService(config, () => undefined)).rejects.toThrow(
        /same DATA_DIR, EMBEDDED_PG_DIR and EMBEDDED_PG_PORT as npm start .*stop npm start first/,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
