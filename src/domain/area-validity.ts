import { FieldError } from '../common/problem';

/** An area's days in force as stored (`YYYY-MM-DD`, null: open-ended) and the area that took it over. */
export interface AreaValidity {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
}

/** The one rule of an area code on a day (`YYYY-MM-DD`): in force from its first day through its last. */
export function isValidOn(area: Omit<AreaValidity, 'code' | 'successorCode'>, date: string): boolean {
  return (area.validFrom === null || area.validFrom <= date) && !isRetiredOn(area, date);
}

/** Retired by that day: its last day (the day it was retired, a merger's eve) lies before it. */
export function isRetiredOn(area: Pick<AreaValidity, 'validTo'>, date: string): boolean {
  return area.validTo !== null && area.validTo < date;
}

/**
 * The 400 entry for a code taken for a day on which it was retired: machine code `retired`,
 * `params.successor` the area that took it over (null when none), and a message naming it.
 */
export function retiredAreaError(field: string, area: AreaValidity, date: string): FieldError {
  const retired = `${area.code} was retired on ${area.validTo}, before ${date}`;
  const message = area.successorCode
    ? `${retired}: use its successor ${area.successorCode}`
    : `${retired}, and has no successor`;
  return { field, code: 'retired', params: { successor: area.successorCode }, message };
}
