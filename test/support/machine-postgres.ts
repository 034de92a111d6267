import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/database/free-port';

/** A throw-away PostgreSQL server started from a machine installation's binaries. */
export interface MachinePostgres {
  url: string;
  stop(): void;
}

/**
 * Starts a server from `binDir` (say `/usr/lib/postgresql/15/bin`) in a temporary folder, on a
 * free port, trust authentication on 127.0.0.1 only, no fsync: for a test that needs a server
 * of that version (a pg_dump that refuses newer servers). PostgreSQL refuses to run as root, so
 * under root it runs as the system user `postgres`.
 */
export async function startMachinePostgres(binDir: string): Promise<MachinePostgres> {
  const parent = mkdtempSync(join(tmpdir(), 'cms-machine-pg-'));
  const dir = join(parent, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(parent, uid, gid);
  }
  chmodSync(parent, 0o700);
  const run = (binary: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(binDir, binary),
      asRoot ? ['-u', 'postgres', '--', join(binDir, binary), ...args] : args,
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    );
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    dir,
    '-w',
    '-l',
    join(parent, 'server.log'),
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
  };
}
