import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoAt } from '../scripts/demo-seed';
import { commandAvailable, exited, ROOT, run } from './support/processes';
import { TestApp } from './support/test-app';

/**
 * The README's tour is scripts/tour.sh, shown there verbatim: run here with bash and curl against
 * the real service on a database seeded by the demo seed, it must reach its end.
 */
const TOUR = join(ROOT, 'scripts', 'tour.sh');
const DEMO_PASSWORD = 'a-demo-password-for-the-tour';
const missing = ['bash', 'curl'].filter((command) => !commandAvailable(command));
if (missing.length)
  process.stderr.write(`The tour test is skipped: ${missing.join(' and ')} not found on this machine.\n`);

describe('the README', () => {
  it('shows scripts/tour.sh as it is', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /```bash\n(#!\/usr\/bin\/env bash\n[\s\S]*?)```/.exec(readme);
    expect(shown?.[1]).toBe(readFileSync(TOUR, 'utf8'));
  });
});

(missing.length ? describe.skip : describe)('the tour with curl', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemoAt(t.ownerUrl, { password: DEMO_PASSWORD });
  });
  afterAll(() => t.close());

  it('takes a case from the 111 call to its closure and reads the statistics as a manager', async () => {
    const tour = run('bash', [TOUR], { ...process.env, API: `${t.baseUrl}/api/v1`, DEMO_PASSWORD });
    const code = await exited(tour.child);
    const output = tour.output();
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('review → closed');
    expect(output).toContain('"indicator":"abuse"');
    const caseId = /^case ([0-9a-f-]{36}), version 1$/m.exec(output)![1];
    const [closed] = await t.asOwner<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
    expect(closed.status).toBe('closed');
  }, 60_000);
});
