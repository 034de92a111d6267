import { AbilityBuilder, createMongoAbility, MongoQuery } from '@casl/ability';
import { AppAbility, defineAbilityFor } from './ability';
import { scopeCondition, UntranslatableRuleError } from './scope-sql';

const admin = (areaPath: string) =>
  defineAbilityFor({
    id: 'u',
    username: 'a',
    fullName: 'A',
    role: 'admin',
    areaCode: areaPath.split('.').pop()!,
    areaPath,
  });

describe('CASL rules as SQL', () => {
  it('turns "inside my area" into one prefix predicate on the area path', () => {
    const { sql, params } = scopeCondition(admin('VN.46'), 'read', 'User', { areaPath: 'a.path' });
    expect(sql).toBe('(a.path = :scope_0 OR a.path LIKE :scope_1)');
    expect(params).toEqual({ scope_0: 'VN.46', scope_1: 'VN.46.%' });
  });

  it('fails closed: a role with no rule for the subject gets FALSE', () => {
    const police = defineAbilityFor({
      id: 'u',
      username: 'p',
      fullName: 'P',
      role: 'police',
      areaCode: '46',
      areaPath: 'VN.46',
    });
    expect(scopeCondition(police, 'read', 'User', { areaPath: 'a.path' }).sql).toBe('FALSE');
  });

  it('gives TRUE for an unconditional grant', () => {
    const auditor = defineAbilityFor({
      id: 'u',
      username: 'x',
      fullName: 'X',
      role: 'auditor',
      areaCode: 'VN',
      areaPath: 'VN',
    });
    expect(scopeCondition(auditor, 'read', 'Area', {}).sql).toBe('TRUE');
  });

  it('joins two rules that each grant with OR', () => {
    const auditor = defineAbilityFor({
      id: 'u',
      username: 'x',
      fullName: 'X',
      role: 'auditor',
      areaCode: '46',
      areaPath: 'VN.46',
    });
    const { sql } = scopeCondition(auditor, 'read', 'AuditLog', { actorAreaPath: 'l.actor', caseAreaPath: 'c.path' });
    expect(sql).toMatch(/^\(\(c\.path = :\w+ OR c\.path LIKE :\w+\) OR \(l\.actor = :\w+ OR l\.actor LIKE :\w+\)\)$/);
  });

  it('refuses a condition it cannot translate rather than widening the query', () => {
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'User', { username: { $regex: '^a' } } as MongoQuery);
    expect(() => scopeCondition(build(), 'read', 'User', { username: 'u.username' })).toThrow(UntranslatableRuleError);
  });

  it('refuses a field the query has no column for', () => {
    expect(() => scopeCondition(admin('VN'), 'read', 'User', {})).toThrow(UntranslatableRuleError);
  });

  it('escapes LIKE wildcards that could sit in a scope', () => {
    const { params } = scopeCondition(admin('VN.4_6'), 'read', 'User', { areaPath: 'a.path' });
    expect(params.scope_1).toBe('VN.4\\_6.%');
  });
});

describe('agency scope as SQL', () => {
  it('turns "a case with an intervention of my agency inside my area" into one EXISTS', () => {
    const police = defineAbilityFor({
      id: 'u',
      username: 'p',
      fullName: 'P',
      role: 'police',
      areaCode: '46',
      areaPath: 'VN.46',
    });
    const { sql, params } = scopeCondition(police, 'read', 'Case', {
      areaPath: 'c.area_path',
      interventions: {
        exists: 'SELECT 1 FROM interventions i WHERE i.case_id = c.id',
        columns: { agency: 'i.agency', areaPath: 'i.area_path' },
      },
    });
    expect(sql).toBe(
      'EXISTS (SELECT 1 FROM interventions i WHERE i.case_id = c.id AND (i.agency = :scope_0_0 AND (i.area_path = :scope_0_1 OR i.area_path LIKE :scope_0_2)))',
    );
    expect(params).toEqual({ scope_0_0: 'police', scope_0_1: 'VN.46', scope_0_2: 'VN.46.%' });
  });
});
