import { isCountry, isWithin } from './area-path';

/**
 * An auditor watches, among others, the admins of its area: so it is appointed (created, given the
 * role, moved, changed) only by an admin of an area above its own, never by the admins it watches.
 * The country has nothing above it: its admins appoint the country's auditors.
 */
export function mayAppointAuditor(adminAreaPath: string, auditorAreaPath: string): boolean {
  if (adminAreaPath === auditorAreaPath) return isCountry(adminAreaPath);
  return isWithin(auditorAreaPath, adminAreaPath);
}
