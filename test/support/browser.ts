import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install -y chromium): never a browser a test tool downloads. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

/** describe, or describe.skip with a line that says why, when there is no Chromium to drive. */
export function browserSuite(name: string): jest.Describe {
  if (HAS_CHROMIUM) return describe;
  process.stdout.write(
    `\nSKIPPED: ${name}: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium; .ci/run does)\n\n`,
  );
  return describe.skip;
}

/** Builds the console from its sources, as npm start does, so the test drives what is in the tree. */
export async function buildConsole(): Promise<void> {
  const root = join(__dirname, '..', '..');
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'console/vite.config.mjs',
      '--logLevel',
      'warn',
    ],
    { cwd: root },
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 860 } };

/** A context whose pages record every Content-Security-Policy refusal and page error. */
export async function newContext(browser: Browser, baseURL: string, device: object = DESKTOP) {
  const context: BrowserContext = await browser.newContext({ baseURL, locale: 'vi-VN', ...device });
  const problems: string[] = [];
  context.on('page', (page) => watch(page, problems));
  return { context, problems };
}

function watch(page: Page, problems: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** axe-core on the page as it is now: the serious and critical violations, named with their nodes. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

/** A full-page screenshot under test-output/screenshots (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What the browser keeps for the console's origin: storage keys, IndexedDB databases, caches. */
export async function browserStorage(page: Page) {
  // Run in the page (a string: the test's TypeScript knows no DOM).
  const kept: { local: string[]; session: string[]; indexedDb: string[]; caches: string[] } =
    await page.evaluate(`(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name),
    caches: 'caches' in self ? await caches.keys() : [],
  }))()`);
  return kept;
}
