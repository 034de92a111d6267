import { AREA_LEVELS, AreaLevel } from './area-path';
import { levelsOfRole, roleFitsLevel } from './role-levels';
import { ROLES } from './roles';

const fitting = (role: (typeof ROLES)[number]) => AREA_LEVELS.filter((level) => roleFitsLevel(role, level));

describe('which area levels a role fits', () => {
  it('puts commune officers and chairs on communes only', () => {
    expect(fitting('commune_officer')).toEqual(['commune']);
    expect(fitting('commune_chair')).toEqual(['commune']);
  });

  it('puts provincial officers on provinces only: not on the country, not on a commune', () => {
    expect(fitting('provincial_officer')).toEqual(['province']);
  });

  it('puts the hotlines at the country (111) and in the provinces', () => {
    expect(fitting('hotline_operator')).toEqual(['country', 'province']);
  });

  it('puts the police at every level, the other agencies below the country', () => {
    expect(fitting('police')).toEqual(['country', 'province', 'district', 'commune']);
    for (const agency of ['health', 'justice', 'education', 'social'] as const)
      expect(fitting(agency)).toEqual(['province', 'district', 'commune']);
  });

  it('puts managers above the communes, auditors and admins anywhere', () => {
    expect(fitting('manager')).toEqual(['country', 'province', 'district']);
    expect(fitting('auditor')).toEqual(['country', 'province', 'district', 'commune']);
    expect(fitting('admin')).toEqual(['country', 'province', 'district', 'commune']);
  });

  it('names at least one level for every role, in the order of the tiers', () => {
    for (const role of ROLES) {
      const levels: readonly AreaLevel[] = levelsOfRole(role);
      expect(levels.length).toBeGreaterThan(0);
      expect([...levels].sort((a, b) => AREA_LEVELS.indexOf(a) - AREA_LEVELS.indexOf(b))).toEqual(levels);
    }
  });
});
