import { provinceOf } from './case-number';

describe('case numbers', () => {
  it('take the province from the commune’s path, with or without districts', () => {
    expect(provinceOf('VN.46.46001')).toBe('46');
    expect(provinceOf('VN.79.760.26734')).toBe('79');
  });
});
