import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningPostmaster } from './embedded-postgres-pid';

describe('runningPostmaster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cms-pid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pidFile = (pid: number, port: string) =>
    writeFileSync(join(dir, 'postmaster.pid'), `${pid}\n${dir}\n1700000000\n${port}\n\n127.0.0.1\n  0 0\nready\n`);

  it('finds none without a postmaster.pid', () => {
    expect(runningPostmaster(join(dir, 'missing'))).toBeNull();
  });

  it('reads the pid and port of a live server', () => {
    pidFile(process.pid, '54329');
    expect(runningPostmaster(dir)).toEqual({ pid: process.pid, port: 54329 });
  });

  it('ignores a file left behind by a server that is gone, or one it cannot read', () => {
    pidFile(2 ** 22 + 12345, '54329');
    expect(runningPostmaster(dir)).toBeNull();
    pidFile(process.pid, 'not-a-port');
    expect(runningPostmaster(dir)).toBeNull();
  });
});
