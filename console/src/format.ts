import i18n from './i18n';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'vi-VN');

/** A time as people in Vietnam read it (Asia/Ho_Chi_Minh), whatever the device's zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

function span(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return i18n.t('time.daysHours', { days, hours });
  if (hours) return i18n.t('time.hoursMinutes', { hours, minutes: rest });
  return i18n.t('time.minutes', { minutes: rest });
}

/** "3 h 20 min left" or "overdue by 1 d 2 h" from a due time. */
export function timeLeft(dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now;
  return ms >= 0
    ? { text: i18n.t('time.left', { span: span(ms) }), overdue: false }
    : { text: i18n.t('time.overdue', { span: span(ms) }), overdue: true };
}

/** datetime-local input value (Asia/Ho_Chi_Minh wall time) to ISO 8601 with +07:00. */
export const localToIso = (value: string) => (value ? `${value}:00+07:00` : undefined);

/** ISO 8601 to a datetime-local input value in Asia/Ho_Chi_Minh wall time (UTC+7, no daylight saving). */
export const isoToLocal = (iso: string | null | undefined) =>
  iso ? new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16) : '';
