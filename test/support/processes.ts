import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

/** The checkout's root, where `npm start` and the scripts run. */
export const ROOT = join(__dirname, '..', '..');

/** True while something accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The exit code of a child process, once it has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** True when `command` runs here (found on the PATH and answers `--version`). */
export function commandAvailable(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A command run in the checkout, its stdout and stderr collected together. */
export interface RunningCommand {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output holds `text`, or the command exited, or `timeoutMs` passed. */
  waitFor(text: string, timeoutMs: number): Promise<void>;
}

/**
 * Runs `command` in its own process group (`detached`), so a test can end it and everything it
 * started with `process.kill(-child.pid)`.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): RunningCommand {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    async waitFor(text, timeoutMs) {
      const started = Date.now();
      while (!output.includes(text) && child.exitCode === null && Date.now() - started < timeoutMs) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

/** The environment of a start on its own data folder and ports, without the caller's database. */
export function ownDatabaseEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ...overrides };
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  return env;
}
