import { seedDemoAt } from '../scripts/demo-seed';
import { TestApp } from './support/test-app';

/** The demo seed enters the provincial plans' targets in the units the plans write them in. */
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  await seedDemoAt(t.ownerUrl, { password: 'a-demo-password-for-targets' });
});
afterAll(() => t.close());

it('has Huế’s per cent targets, the per 100,000 ones of the three plans and the 100% "kịp thời"', async () => {
  const admin = await t.tokenFor('admin', 'VN');
  const listed = await t.get('/statistics/targets', admin);
  expect(listed.status).toBe(200);
  const byKey = new Map(
    listed.body.items.map((item: { indicator: string; areaCode: string; year: number }) => [
      `${item.indicator}/${item.areaCode}/${item.year}`,
      item,
    ]),
  );
  expect(byKey.get('abuse/46/2025')).toMatchObject({ value: 0.01, unit: 'percent', per100k: 10, kind: 'max' });
  expect(byKey.get('child_labour/46/2025')).toMatchObject({ value: 0.005, unit: 'percent', per100k: 5 });
  expect(byKey.get('injury/46/2023')).toMatchObject({ value: 600, unit: 'per100k', percent: 0.6 });
  expect(byKey.get('injury_death/46/2023')).toMatchObject({ value: 18 });
  expect(byKey.get('injury/92/2030')).toMatchObject({ value: 400 });
  expect(byKey.get('injury_death/92/2030')).toMatchObject({ value: 10 });
  expect(byKey.get('injury_death/70/2025')).toMatchObject({ value: 13 });
  expect(byKey.get('supported_in_time/46/2023')).toMatchObject({
    value: 100,
    unit: 'percent',
    kind: 'min',
    per100k: null,
  });
  expect(byKey.size).toBe(13);
});
