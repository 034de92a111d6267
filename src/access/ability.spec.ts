import { subject } from '@casl/ability';
import { defineAbilityFor } from './ability';
import { Principal } from '../auth/principal';
import { Role } from '../domain/roles';

const user = (role: Role, areaPath = 'VN.46'): Principal => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  fullName: role,
  role,
  areaCode: areaPath.split('.').pop()!,
  areaPath,
});

describe('abilities', () => {
  it('gives case roles and agency staff an inbox of their own notifications, and nobody else one', () => {
    const mine = { recipientId: '00000000-0000-4000-8000-000000000001' };
    const theirs = { recipientId: '00000000-0000-4000-8000-000000000002' };
    for (const role of ['commune_officer', 'commune_chair', 'provincial_officer', 'police', 'social'] as Role[]) {
      const ability = defineAbilityFor(user(role));
      for (const action of ['read', 'update'] as const) {
        expect(ability.can(action, subject('Notification', { ...mine }) as never)).toBe(true);
        expect(ability.can(action, subject('Notification', { ...theirs }) as never)).toBe(false);
      }
    }
    for (const role of ['admin', 'hotline_operator', 'manager', 'auditor'] as Role[])
      expect(defineAbilityFor(user(role)).can('read', 'Notification')).toBe(false);
  });

  it('lets an admin manage users inside its area and nowhere else', () => {
    const ability = defineAbilityFor(user('admin', 'VN.46'));
    expect(ability.can('create', subject('User', { areaPath: 'VN.46' }) as never)).toBe(true);
    expect(ability.can('create', subject('User', { areaPath: 'VN.46.46001' }) as never)).toBe(true);
    expect(ability.can('create', subject('User', { areaPath: 'VN.48' }) as never)).toBe(false);
    expect(ability.can('create', subject('User', { areaPath: 'VN.460' }) as never)).toBe(false);
  });

  it('gives admins no case data and no audit log', () => {
    const ability = defineAbilityFor(user('admin', 'VN'));
    expect(ability.can('read', 'AuditLog')).toBe(false);
  });

  it('gives the audit log to the auditor only', () => {
    for (const role of ['admin', 'manager', 'commune_officer', 'police', 'hotline_operator'] as Role[]) {
      expect(defineAbilityFor(user(role)).can('read', 'AuditLog')).toBe(false);
    }
    expect(defineAbilityFor(user('auditor', 'VN')).can('read', 'AuditLog')).toBe(true);
  });

  it('lets an auditor read the entries of its own area’s users and of its area’s cases, nothing else', () => {
    const auditor = defineAbilityFor(user('auditor', 'VN.46'));
    const entry = (fields: object) => subject('AuditLog', fields) as never;
    expect(auditor.can('read', entry({ actorAreaPath: 'VN.46.46001', caseAreaPath: null }))).toBe(true);
    expect(auditor.can('read', entry({ actorAreaPath: 'VN', caseAreaPath: 'VN.46.46002' }))).toBe(true);
    expect(auditor.can('read', entry({ actorAreaPath: 'VN.48', caseAreaPath: null }))).toBe(false);
    expect(auditor.can('read', entry({ actorAreaPath: 'VN', caseAreaPath: 'VN.48.48001' }))).toBe(false);
    expect(auditor.can('read', subject('CaseAccessLog', { areaPath: 'VN.48.48001' }) as never)).toBe(false);
    expect(auditor.can('read', subject('CaseAccessLog', { areaPath: 'VN.46.46001' }) as never)).toBe(true);
  });

  it('lets only a country-level admin change the national holiday list', () => {
    expect(defineAbilityFor(user('admin', 'VN')).can('update', 'Holiday')).toBe(true);
    expect(defineAbilityFor(user('admin', 'VN.46')).can('update', 'Holiday')).toBe(false);
    expect(defineAbilityFor(user('admin', 'VN.46.46001')).can('update', 'Holiday')).toBe(false);
  });

  it('lets statistics roles read population of their own area only', () => {
    const manager = defineAbilityFor(user('manager', 'VN.46'));
    expect(manager.can('read', subject('Population', { areaPath: 'VN.46.46001' }) as never)).toBe(true);
    expect(manager.can('read', subject('Population', { areaPath: 'VN' }) as never)).toBe(false);
    expect(defineAbilityFor(user('police')).can('read', 'Population')).toBe(false);
  });

  it('gives statistics of their own area to managers and child-protection officers only', () => {
    for (const role of ['manager', 'provincial_officer', 'commune_officer', 'commune_chair'] as Role[]) {
      const ability = defineAbilityFor(user(role, 'VN.46'));
      expect(ability.can('read', subject('Statistics', { areaPath: 'VN.46' }) as never)).toBe(true);
      expect(ability.can('read', subject('Statistics', { areaPath: 'VN.46.46001' }) as never)).toBe(true);
      expect(ability.can('read', subject('Statistics', { areaPath: 'VN' }) as never)).toBe(false);
      expect(ability.can('read', subject('Statistics', { areaPath: 'VN.48' }) as never)).toBe(false);
    }
    for (const role of ['admin', 'hotline_operator', 'police', 'health', 'justice', 'education', 'auditor'] as Role[]) {
      expect(defineAbilityFor(user(role, 'VN')).can('read', 'Statistics')).toBe(false);
    }
  });

  it('lets admins set statistics targets inside their area, and nobody else', () => {
    const admin = defineAbilityFor(user('admin', 'VN.46'));
    expect(admin.can('update', subject('StatisticsTarget', { areaPath: 'VN.46' }) as never)).toBe(true);
    expect(admin.can('update', subject('StatisticsTarget', { areaPath: 'VN.48' }) as never)).toBe(false);
    for (const role of ['manager', 'provincial_officer', 'commune_chair'] as Role[]) {
      expect(defineAbilityFor(user(role, 'VN')).can('update', 'StatisticsTarget')).toBe(false);
    }
  });

  it('lets every role read areas, holidays and its own profile', () => {
    for (const role of ['admin', 'police', 'auditor', 'hotline_operator'] as Role[]) {
      const ability = defineAbilityFor(user(role));
      expect(['Area', 'Holiday', 'Profile'].every((s) => ability.can('read', s as never))).toBe(true);
    }
  });

  it('keeps holiday and user changes for admins', () => {
    expect(defineAbilityFor(user('manager')).can('update', 'Holiday')).toBe(false);
    expect(defineAbilityFor(user('provincial_officer')).can('create', 'User')).toBe(false);
  });
  it('lets the case roles of the case’s area assign it, whatever its status; nobody else', () => {
    const kase = subject('Case', { areaPath: 'VN.46.46001', status: 'closed' }) as never;
    for (const role of ['commune_officer', 'commune_chair'] as Role[])
      expect(defineAbilityFor(user(role, 'VN.46.46001')).can('assign', kase)).toBe(true);
    expect(defineAbilityFor(user('provincial_officer', 'VN.46')).can('assign', kase)).toBe(true);
    expect(defineAbilityFor(user('commune_officer', 'VN.46.46002')).can('assign', kase)).toBe(false);
    for (const role of ['police', 'hotline_operator', 'manager', 'admin'] as Role[])
      expect(defineAbilityFor(user(role, 'VN.46')).can('assign', kase)).toBe(false);
  });

  it('lets officers (not the chair) transfer a case of their area', () => {
    const kase = subject('Case', { areaPath: 'VN.46.46001', transferAreaPath: null }) as never;
    expect(defineAbilityFor(user('commune_officer', 'VN.46.46001')).can('transfer', kase)).toBe(true);
    expect(defineAbilityFor(user('provincial_officer', 'VN.46')).can('transfer', kase)).toBe(true);
    expect(defineAbilityFor(user('commune_chair', 'VN.46.46001')).can('transfer', kase)).toBe(false);
    expect(defineAbilityFor(user('commune_officer', 'VN.46.46002')).can('transfer', kase)).toBe(false);
  });

  it('lets the target area of a pending transfer read the case and decide it, and work on nothing', () => {
    const incoming = { areaPath: 'VN.46.46001', transferAreaPath: 'VN.46.46002' };
    const target = defineAbilityFor(user('commune_chair', 'VN.46.46002'));
    expect(target.can('read', subject('Case', { ...incoming }) as never)).toBe(true);
    expect(target.can('read', subject('Deadline', { ...incoming }) as never)).toBe(true);
    expect(target.can('decide_transfer', subject('Case', { ...incoming }) as never)).toBe(true);
    const officer = defineAbilityFor(user('commune_officer', 'VN.46.46002'));
    expect(officer.can('update', subject('Case', { ...incoming }) as never)).toBe(false);
    expect(officer.can('initial_assessment', subject('Case', { ...incoming }) as never)).toBe(false);
    expect(officer.can('assign', subject('Case', { ...incoming }) as never)).toBe(false);
    const source = defineAbilityFor(user('commune_officer', 'VN.46.46001'));
    expect(source.can('decide_transfer', subject('Case', { ...incoming }) as never)).toBe(false);
    expect(defineAbilityFor(user('police', 'VN.46')).can('read', subject('Case', { ...incoming }) as never)).toBe(
      false,
    );
  });
});
