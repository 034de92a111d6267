import { garwoodInterval, rateWithInterval } from './poisson-interval';

/** Exact Poisson limits for a count, as tabulated by Public Health England (from Ulm 1990). */
const PUBLISHED: [n: number, lower: number, upper: number][] = [
  [0, 0, 3.689],
  [1, 0.0253, 5.5716],
  [2, 0.2422, 7.2247],
  [5, 1.6235, 11.6683],
  [10, 4.7954, 18.3904],
  [20, 12.2165, 30.8884],
  [100, 81.364, 121.6268],
];

describe('exact Poisson (Garwood) 95% interval', () => {
  it.each(PUBLISHED)('gives the published limits for n = %i', (n, lower, upper) => {
    const [lo, hi] = garwoodInterval(n);
    expect(lo).toBeCloseTo(lower, 3);
    expect(hi).toBeCloseTo(upper, 3);
  });

  it('gives 4.795–18.390 for a count of 10', () => {
    const [lo, hi] = garwoodInterval(10);
    expect(lo.toFixed(3)).toBe('4.795');
    expect(hi.toFixed(3)).toBe('18.390');
  });

  it('starts at zero for a count of zero', () => {
    expect(garwoodInterval(0)[0]).toBe(0);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => garwoodInterval(-1)).toThrow(RangeError);
    expect(() => garwoodInterval(2.5)).toThrow(RangeError);
  });

  it('scales the count and its limits to 100,000 children, rounded to one decimal', () => {
    // 12 children of 8,000: 150.0; limits 6.2006/8000 and 20.9620/8000 per 100,000.
    expect(rateWithInterval(12, 8000)).toEqual({ rate: 150, ci95: [77.5, 262] });
    expect(rateWithInterval(40, 30000)).toEqual({ rate: 133.3, ci95: [95.3, 181.6] });
  });
});
