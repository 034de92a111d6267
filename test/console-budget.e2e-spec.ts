import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { FIRST_LOAD_BUDGET, firstLoadBudget } from '../console/first-load-budget.mjs';

/** The console's build step that keeps the first load small for a commune's connection. */
type Chunk = { type: 'chunk'; fileName: string; isEntry: boolean; imports: string[]; code: string };

function run(bundle: Record<string, Chunk>) {
  const messages: string[] = [];
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
    info: (message: string) => messages.push(message),
  };
  firstLoadBudget().generateBundle.call(context, {}, bundle);
  return messages;
}

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false): Chunk => ({
  type: 'chunk',
  fileName,
  isEntry,
  imports,
  code,
});

/** Text that gzip cannot shrink: `kb` kilobytes of it weigh about that much compressed. */
const incompressible = (kb: number) => randomBytes(kb * 1024).toString('latin1');

describe('the first-load budget of the console build', () => {
  it('is 250 KB of gzipped JavaScript', () => {
    expect(FIRST_LOAD_BUDGET).toBe(250 * 1024);
  });

  it('counts the entry and what it imports statically, gzipped, and lets a small first load pass', () => {
    const entry = 'import "./vendor.js";'.repeat(1000);
    const vendor = incompressible(100);
    const messages = run({
      'entry.js': chunk('entry.js', entry, ['vendor.js'], true),
      'vendor.js': chunk('vendor.js', vendor),
    });
    const kb = ((gzipSync(entry).length + gzipSync(vendor).length) / 1024).toFixed(1);
    expect(messages).toEqual([`first-load JavaScript: ${kb} KB gzipped (budget 250 KB)`]);
  });

  it('fails the build when the first load is over the budget, but not for chunks loaded later', () => {
    const big = incompressible(260);
    expect(gzipSync(big).length).toBeGreaterThan(FIRST_LOAD_BUDGET);
    expect(() => run({ 'entry.js': chunk('entry.js', 'x', ['big.js'], true), 'big.js': chunk('big.js', big) })).toThrow(
      /over the budget of 250 KB/,
    );
    expect(() =>
      run({ 'entry.js': chunk('entry.js', 'x', [], true), 'later.js': chunk('later.js', big) }),
    ).not.toThrow();
  });
});
