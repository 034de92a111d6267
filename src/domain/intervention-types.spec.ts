import { isTypeOf, nextStatusesOf, refusedMove } from './intervention-types';

describe('intervention types', () => {
  it('ties each type to its agency', () => {
    expect(isTypeOf('police', 'criminal_report')).toBe(true);
    expect(isTypeOf('health', 'criminal_report')).toBe(false);
    expect(isTypeOf('social', 'shelter')).toBe(true);
    expect(isTypeOf('justice', 'toString')).toBe(false);
  });
});

describe('intervention status', () => {
  it('moves requested → accepted or rejected, accepted → in_progress → completed', () => {
    expect(nextStatusesOf('treatment', 'requested')).toEqual(['accepted', 'rejected']);
    expect(nextStatusesOf('treatment', 'accepted')).toEqual(['in_progress']);
    expect(nextStatusesOf('treatment', 'in_progress')).toEqual(['completed']);
  });

  it('never moves back, and ends at completed or rejected', () => {
    expect(nextStatusesOf('treatment', 'in_progress')).not.toContain('accepted');
    expect(nextStatusesOf('treatment', 'completed')).toEqual([]);
    expect(nextStatusesOf('treatment', 'rejected')).toEqual([]);
  });

  it('takes a criminal report through investigation to prosecuted or not_prosecuted', () => {
    expect(nextStatusesOf('criminal_report', 'accepted')).toContain('investigating');
    expect(nextStatusesOf('criminal_report', 'investigating')).toEqual(['prosecuted', 'not_prosecuted']);
    expect(nextStatusesOf('investigation', 'accepted')).not.toContain('investigating');
  });
});

describe('a refused move says what would be accepted', () => {
  it('names the statuses allowed next', () => {
    expect(refusedMove('treatment', 'requested', 'completed')).toBe(
      'An intervention that is requested cannot become completed; from requested it can become accepted or rejected',
    );
  });

  it('says when the intervention is over', () => {
    expect(refusedMove('treatment', 'completed', 'in_progress')).toMatch(/completed is final/);
  });
});
