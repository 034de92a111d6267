import {
  ageGroupOf,
  ageGroupsOf,
  basisColumns,
  CaseFacts,
  defaultBasis,
  indicatorRuleColumns,
  qualifies,
} from './indicators';

const abuse = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  category: 'abuse',
  fatal: false,
  ageAtEvent: 10,
  substantiation: 'substantiated',
  ...overrides,
});

describe('counting rules (docs/statistics.md)', () => {
  it('counts abuse of children under 16 only', () => {
    expect(qualifies(abuse({ ageAtEvent: 15 }), 'abuse', 'substantiated')).toBe(true);
    expect(qualifies(abuse({ ageAtEvent: 16 }), 'abuse', 'substantiated')).toBe(false);
    expect(qualifies(abuse({ ageAtEvent: 0 }), 'abuse', 'substantiated')).toBe(true);
  });

  it('counts only substantiated cases on the substantiated basis', () => {
    expect(qualifies(abuse({ substantiation: 'pending' }), 'abuse', 'substantiated')).toBe(false);
    expect(qualifies(abuse({ substantiation: 'unsubstantiated' }), 'abuse', 'substantiated')).toBe(false);
  });

  it('counts everything but unsubstantiated cases on the reported basis', () => {
    expect(qualifies(abuse({ substantiation: 'pending' }), 'abuse', 'reported')).toBe(true);
    expect(qualifies(abuse({ substantiation: 'substantiated' }), 'abuse', 'reported')).toBe(true);
    expect(qualifies(abuse({ substantiation: 'unsubstantiated' }), 'abuse', 'reported')).toBe(false);
  });

  it('counts injury deaths among injuries: fatal injuries only', () => {
    const injury: CaseFacts = { category: 'injury', fatal: false, ageAtEvent: 7, substantiation: 'pending' };
    expect(qualifies(injury, 'injury', 'reported')).toBe(true);
    expect(qualifies(injury, 'injury_death', 'reported')).toBe(false);
    expect(qualifies({ ...injury, fatal: true }, 'injury_death', 'reported')).toBe(true);
    expect(qualifies({ ...injury, fatal: true }, 'injury', 'reported')).toBe(true);
    expect(qualifies({ ...injury, ageAtEvent: 16, fatal: true }, 'injury_death', 'reported')).toBe(false);
  });

  it('counts child labour at ages 5 to 17', () => {
    const labour: CaseFacts = {
      category: 'child_labour',
      fatal: false,
      ageAtEvent: 17,
      substantiation: 'substantiated',
    };
    expect(qualifies(labour, 'child_labour', 'substantiated')).toBe(true);
    expect(qualifies({ ...labour, ageAtEvent: 5 }, 'child_labour', 'substantiated')).toBe(true);
    expect(qualifies({ ...labour, ageAtEvent: 4 }, 'child_labour', 'substantiated')).toBe(false);
  });

  it('never counts a case for another category’s indicator', () => {
    expect(qualifies(abuse(), 'injury', 'reported')).toBe(false);
    expect(qualifies(abuse(), 'child_labour', 'substantiated')).toBe(false);
  });

  it('defaults to substantiated for abuse and child labour, reported for injuries', () => {
    expect(defaultBasis('abuse')).toBe('substantiated');
    expect(defaultBasis('child_labour')).toBe('substantiated');
    expect(defaultBasis('injury')).toBe('reported');
    expect(defaultBasis('injury_death')).toBe('reported');
  });

  it('groups ages 0-4, 5-11, 12-15, and 16-17 for child labour only', () => {
    expect(ageGroupsOf('injury').map((g) => g.key)).toEqual(['0-4', '5-11', '12-15']);
    expect(ageGroupsOf('child_labour')).toEqual([
      { key: '5-11', minAge: 5, maxAge: 11 },
      { key: '12-15', minAge: 12, maxAge: 15 },
      { key: '16-17', minAge: 16, maxAge: 17 },
    ]);
    expect(ageGroupOf('abuse', 4)).toBe('0-4');
    expect(ageGroupOf('abuse', 12)).toBe('12-15');
    expect(ageGroupOf('abuse', 16)).toBeUndefined();
  });

  it('hands the same rules to SQL as parallel arrays', () => {
    expect(indicatorRuleColumns()).toEqual({
      indicators: ['abuse', 'injury', 'injury_death', 'child_labour'],
      categories: ['abuse', 'injury', 'injury', 'child_labour'],
      fatalOnly: [false, false, true, false],
      minAges: [0, 0, 0, 5],
      maxAges: [15, 15, 15, 17],
    });
    expect(basisColumns()).toEqual({
      bases: ['substantiated', 'reported', 'reported'],
      substantiations: ['substantiated', 'pending', 'substantiated'],
    });
  });
});
