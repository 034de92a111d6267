import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first load's JavaScript, gzipped, may not exceed this: a commune's connection is slow. */
export const FIRST_LOAD_BUDGET = 250 * 1024;

/**
 * Fails the build when the entry chunk and everything it imports statically weigh more than the
 * budget gzipped, and writes a .gz beside every file for the service to send compressed.
 */
export function firstLoadBudget() {
  return {
    name: 'first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return;
      const seen = new Set();
      const visit = (/** @type {string} */ name) => {
        if (seen.has(name)) return;
        seen.add(name);
        const chunk = bundle[name];
        if (chunk && chunk.type === 'chunk') chunk.imports.forEach(visit);
      };
      visit(entry.fileName);
      let total = 0;
      for (const name of seen) {
        const chunk = bundle[name];
        if (chunk && chunk.type === 'chunk') total += gzipSync(chunk.code).length;
      }
      const kb = (total / 1024).toFixed(1);
      if (total > FIRST_LOAD_BUDGET)
        this.error(
          `The console's first-load JavaScript is ${kb} KB gzipped, over the budget of ${FIRST_LOAD_BUDGET / 1024} KB`,
        );
      this.info(`first-load JavaScript: ${kb} KB gzipped (budget 250 KB)`);
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const item of Object.values(bundle)) {
        const text = item.type === 'chunk' ? item.code : item.source;
        writeFileSync(join(dir, `${item.fileName}.gz`), gzipSync(text, { level: 9 }));
      }
    },
  };
}
