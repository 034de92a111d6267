import { isRetiredOn, isValidOn, retiredAreaError } from './area-validity';

/** A commune merged away: its last day 30 June 2025, its successor 46010. */
const merged = { code: '46009', validFrom: null, validTo: '2025-06-30', successorCode: '46010' };
/** Its successor, in force from 1 July 2025. */
const successor = { code: '46010', validFrom: '2025-07-01', validTo: null, successorCode: null };

describe('an area code on a day', () => {
  it('is valid through its last day, and retired from the day after', () => {
    expect(isValidOn(merged, '2025-06-30')).toBe(true);
    expect(isRetiredOn(merged, '2025-06-30')).toBe(false);
    expect(isValidOn(merged, '2025-07-01')).toBe(false);
    expect(isRetiredOn(merged, '2025-08-15')).toBe(true);
  });

  it('is not yet valid before its first day, which is no retirement', () => {
    expect(isValidOn(successor, '2025-06-30')).toBe(false);
    expect(isRetiredOn(successor, '2025-06-30')).toBe(false);
    expect(isValidOn(successor, '2025-07-01')).toBe(true);
  });

  it('is valid on every day when it has no dates', () => {
    const always = { code: '46001', validFrom: null, validTo: null, successorCode: null };
    expect(isValidOn(always, '1900-01-01')).toBe(true);
    expect(isRetiredOn(always, '2200-12-31')).toBe(false);
  });

  it('refuses a retired code with the machine code `retired`, naming its successor', () => {
    expect(retiredAreaError('occurredAreaCode', merged, '2025-08-15')).toEqual({
      field: 'occurredAreaCode',
      code: 'retired',
      params: { successor: '46010' },
      message: '46009 was retired on 2025-06-30, before 2025-08-15: use its successor 46010',
    });
  });

  it('says so when a retired code has no successor', () => {
    const closed = { ...merged, successorCode: null };
    expect(retiredAreaError('areaCode', closed, '2025-08-15')).toEqual({
      field: 'areaCode',
      code: 'retired',
      params: { successor: null },
      message: '46009 was retired on 2025-06-30, before 2025-08-15, and has no successor',
    });
  });
});
