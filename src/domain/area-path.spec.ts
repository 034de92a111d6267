import { isWithin } from './area-path';

describe('area scope', () => {
  it('includes the area itself and everything below it', () => {
    expect(isWithin('VN.46', 'VN.46')).toBe(true);
    expect(isWithin('VN.46.46001', 'VN.46')).toBe(true);
  });

  it('excludes a sibling whose code merely starts the same way', () => {
    expect(isWithin('VN.460', 'VN.46')).toBe(false);
    expect(isWithin('VN.4', 'VN.46')).toBe(false);
  });

  it('treats a missing path as outside every scope', () => {
    expect(isWithin(undefined, 'VN')).toBe(false);
  });
});
