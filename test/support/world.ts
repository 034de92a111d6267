import { TestApp } from './test-app';

/** A small synthetic country: two provinces with a few communes each. */
export const WORLD = {
  province: '46',
  communes: ['46001', '46002', '46003'],
  otherProvince: '48',
  otherCommune: '48001',
};

export async function buildWorld(t: TestApp): Promise<void> {
  await t.db.query(`
    INSERT INTO areas (code, name, level, parent_code, path) VALUES
      ('46', 'Tỉnh Demo Một', 'province', 'VN', 'VN.46'),
      ('46001', 'Xã Demo 1', 'commune', '46', 'VN.46.46001'),
      ('46002', 'Xã Demo 2', 'commune', '46', 'VN.46.46002'),
      ('46003', 'Xã Demo 3', 'commune', '46', 'VN.46.46003'),
      ('48', 'Tỉnh Demo Hai', 'province', 'VN', 'VN.48'),
      ('48001', 'Xã Demo 4', 'commune', '48', 'VN.48.48001')
    ON CONFLICT DO NOTHING`);
}

/** A valid report body (synthetic people only), with overrides. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'hotline_111',
    receivedAt: '2025-06-02T08:30:00+07:00',
    category: 'abuse',
    form: 'violence',
    occurredAt: '2025-06-01T20:00:00+07:00',
    occurredAreaCode: '46001',
    description: 'Hàng xóm nghe tiếng trẻ khóc và tiếng đánh nhiều lần (synthetic)',
    allegedPerpetrator: 'parent',
    children: [
      {
        fullName: 'Nguyễn Văn Thử',
        dateOfBirth: '2015-03-04',
        sex: 'male',
        residenceAreaCode: '46001',
        address: 'Số 1 Đường Thử Nghiệm',
      },
    ],
    reporter: { name: 'Trần Thị Báo', phone: '0900000001', relationship: 'neighbour', consentToContact: false },
    ...overrides,
  };
}

/**
 * The personal values of `reportBody()`, as a leak would
 * show them: the child's name, birth date (ISO and dd/mm/yyyy), address, the reporter's name and phone.
 */
export function personalValuesOfTheReport(): string[] {
  const report = reportBody();
  const child = report.children[0];
  const [year, month, day] = child.dateOfBirth.split('-');
  return [
    child.fullName,
    child.dateOfBirth,
    `${day}/${month}/${year}`,
    child.address,
    report.reporter.name,
    report.reporter.phone,
    report.description,
  ];
}
