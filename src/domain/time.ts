import { localDateOf } from './working-days';

/** Clocks of phones and consoles drift; a receipt time a little ahead of ours is not "the future". */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** The calendar date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) of an instant. */
export const vietnamDate = localDateOf;

/** Age in whole years on `onDate` of someone born on `birthDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age in whole years at the event: from the date of birth when known, else the estimate. */
export function ageAtEvent(child: { dateOfBirth?: string; estimatedAge?: number }, event: Date): number {
  return child.dateOfBirth !== undefined ? ageOn(child.dateOfBirth, vietnamDate(event)) : child.estimatedAge!;
}
