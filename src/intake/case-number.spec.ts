import { formatCaseNumber, provinceOf } from './case-number';

describe('case numbers', () => {
  it('reads <province>-<year>-<6-digit sequence>', () => {
    expect(formatCaseNumber('46', 2025, 123)).toBe('46-2025-000123');
  });

  it('takes the province from the commune’s path, with or without districts', () => {
    expect(provinceOf('VN.46.46001')).toBe('46');
    expect(provinceOf('VN.79.760.26734')).toBe('79');
  });
});
