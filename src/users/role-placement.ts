import { Caller } from '../access/request-context';
import { AreaRef } from '../area-tree/area-repository';
import { Forbidden, invalidField } from '../common/problem';
import { mayAppointAuditor } from '../domain/auditor-appointment';
import { levelsOfRole, roleFitsLevel } from '../domain/role-levels';
import { Role } from '../domain/roles';

/**
 * 400 when a user of `role` would have `area` as its scope though the role does not fit its level;
 * the error is on `field`, the one the admin sent (the role, or the area when only that changes).
 */
export function requireRoleFitsArea(role: Role, area: AreaRef, field: 'role' | 'areaCode'): void {
  if (roleFitsLevel(role, area.level)) return;
  const levels = levelsOfRole(role).join(' or ');
  throw invalidField(
    field,
    field === 'role'
      ? `${role} is a role of a ${levels}; ${area.code} is a ${area.level}`
      : `${area.code} is a ${area.level}; a ${role} works on a ${levels}`,
  );
}

/** 403 unless the caller is an admin above `area`, the one that may appoint (or change) its auditors. */
export function requireAuditorAppointer(caller: Caller, area: Pick<AreaRef, 'code' | 'path'>): void {
  if (mayAppointAuditor(caller.user.areaPath, area.path)) return;
  throw new Forbidden(
    `Only an admin of an area above ${area.code} may create or change its auditors; they audit its admins`,
  );
}
