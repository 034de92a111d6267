import { cellProtection, publishCount, Protection } from './disclosure-control';
import { perturbation, Ptable } from './ptable';
import { KpiTargetIndicator, ShareTarget, ShareTargetStatus, shareTargetStatus } from './targets';

/**
 * The performance indicators (docs/statistics.md, KPIs) as plain functions: on-time shares of
 * deadlines, children supported in time, open cases, overdue deadlines, the median days to close
 * and the open cases per officer — from raw counts with their cell keys to the published figures. README "Performance indicators" explains each one.
 *
 * Cell keys: deadlines and cases are not children, so each deadline and each case has a record key
 * of its own (0–255, random, fixed at creation) and a count of deadlines (due, met, overdue) or of
 * cases (open, closed) is perturbed with the sum of its records' keys; children supported in time
 * use the children's record keys, as the rates do. The same records give the same figure in
 * every query.
 */
export const ON_TIME_KPIS = {
  initialAssessmentOnTime: ['initial_assessment'],
  emergencyResponseOnTime: ['emergency_response'],
  policeReferralOnTime: ['police_referral'],
  planOnTime: ['plan_draft', 'plan_approval'],
  interventionsOnTime: ['intervention'],
} as const;
export type OnTimeKpi = keyof typeof ON_TIME_KPIS;
export const ON_TIME_KPI_NAMES = Object.keys(ON_TIME_KPIS) as OnTimeKpi[];

/** The KPI indicators a target may be set for, and the figure of the row they are judged on. */
export const KPI_TARGET_FIELDS: Record<KpiTargetIndicator, 'supportedInTime' | 'initialAssessmentOnTime'> = {
  supported_in_time: 'supportedInTime',
  initial_assessment_on_time: 'initialAssessmentOnTime',
};

export interface CountCell {
  count: number;
  /** Sum of the counted records' keys (mod 256 is enough): secret. */
  keySum: number;
}

export const EMPTY: CountCell = { count: 0, keySum: 0 };

export function addCells(a: CountCell, b: CountCell, sign = 1): CountCell {
  return { count: a.count + sign * b.count, keySum: a.keySum + sign * b.keySum };
}

/** One area's raw figures for a period: nothing here may leave the service unpublished. */
export interface RawKpis {
  due: Record<string, CountCell>;
  met: Record<string, CountCell>;
  children: CountCell;
  supported: CountCell;
  openCases: CountCell;
  overdueDeadlines: CountCell;
  /** Cases closed in the period by whole days from receipt to closing, with their record keys. */
  closedByDays: Map<number, CountCell>;
  closed: CountCell;
  /** Active commune officers in the area. */
  officers: number;
}

export function emptyKpis(): RawKpis {
  return {
    due: {},
    met: {},
    children: EMPTY,
    supported: EMPTY,
    openCases: EMPTY,
    overdueDeadlines: EMPTY,
    closedByDays: new Map(),
    closed: EMPTY,
    officers: 0,
  };
}

export interface ShareFigure {
  share: number | null;
  ci95: [number, number] | null;
  target?: ShareTargetStatus | null;
}
export interface OnTimeFigure extends ShareFigure {
  due: number | null;
  met: number | null;
}
export interface SupportedFigure extends ShareFigure {
  children: number | null;
  supported: number | null;
}

export interface PublishedKpis {
  key: { areaCode?: string };
  /** `protected` in an exact table where the row counts a case the caller may not read (read-scope.ts). */
  protection: Protection;
  initialAssessmentOnTime: OnTimeFigure;
  emergencyResponseOnTime: OnTimeFigure;
  policeReferralOnTime: OnTimeFigure;
  planOnTime: OnTimeFigure;
  interventionsOnTime: OnTimeFigure;
  supportedInTime: SupportedFigure;
  openCases: number | null;
  overdueDeadlines: number | null;
  closedCases: number | null;
  medianDaysToClose: number | null;
  officers: number;
  openCasesPerOfficer: number | null;
}

export interface KpiPublishOptions {
  protection: Protection;
  ptable: Ptable;
  minCell: number;
  /** The row counts a case the caller may not read: published protected whatever the table. */
  unreadable?: boolean;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Wilson score 95% interval of x successes in n, in per cent, one decimal (Newcombe 1998). */
export function wilsonInterval(x: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0 || x < 0 || x > n) throw new RangeError(`need 0 ≤ x ≤ n, n > 0; got ${x} of ${n}`);
  const p = x / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [round1(Math.max(0, centre - half) * 100), round1(Math.min(1, centre + half) * 100)];
}

/**
 * A share in per cent with its interval from published counts: null when either is not shown or
 * nothing fell due. A perturbed part above its perturbed whole is shown as the whole (100%).
 */
export function shareOf(
  part: number | null,
  whole: number | null,
): { share: number | null; ci95: [number, number] | null; part: number | null } {
  if (part === null || whole === null || whole === 0) return { share: null, ci95: null, part };
  const x = Math.min(part, whole);
  return { share: round1((100 * x) / whole), ci95: wilsonInterval(x, whole), part: x };
}

/** The median of whole days, from counts per number of days; null for none. */
export function medianOf(byDays: Map<number, number>): number | null {
  const entries = [...byDays.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (!total) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, count] of entries) if ((seen += count) > rank) return days;
    return entries[entries.length - 1][0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

function sumKinds(cells: Record<string, CountCell>, kinds: readonly string[]): CountCell {
  return kinds.reduce((sum, kind) => addCells(sum, cells[kind] ?? EMPTY), EMPTY);
}

/**
 * The median days to close as published: exact from the exact counts; protected from each number
 * of days' count perturbed with its cell key (the closed cases' record keys), so no exact figure
 * is behind it and the same cases give the same median. Null when no case closed.
 */
export function publishedMedian(
  byDays: Map<number, CountCell>,
  options: Pick<KpiPublishOptions, 'protection' | 'ptable'>,
): number | null {
  const counts = [...byDays].map(([days, cell]): [number, number] => [
    days,
    options.protection === 'exact'
      ? cell.count
      : Math.max(0, cell.count + perturbation(options.ptable, cell.count, cell.keySum)),
  ]);
  return medianOf(new Map(counts));
}

/**
 * Publishes one area's KPIs. Every count passes `publishCount` (exact, or cell-key perturbed and
 * small counts suppressed); shares and intervals come from the published counts; the median is
 * shown only when the count of closed cases behind it is, and is itself made from protected
 * counts when the row is protected; targets are judged on the shown share.
 */
export function publishKpis(
  key: { areaCode?: string },
  raw: RawKpis,
  tableOptions: KpiPublishOptions,
  targets: Partial<Record<KpiTargetIndicator, ShareTarget>> = {},
): PublishedKpis {
  const options = { ...tableOptions, protection: cellProtection(tableOptions, tableOptions.protection) };
  const publish = (cell: CountCell) => publishCount(cell, options);
  const onTime = (name: OnTimeKpi): OnTimeFigure => {
    const due = publish(sumKinds(raw.due, ON_TIME_KPIS[name]));
    const met = publish(sumKinds(raw.met, ON_TIME_KPIS[name]));
    const { share, ci95, part } = shareOf(met, due);
    return { due, met: due === null ? null : part, share, ci95 };
  };
  const figures = Object.fromEntries(ON_TIME_KPI_NAMES.map((name) => [name, onTime(name)])) as Record<
    OnTimeKpi,
    OnTimeFigure
  >;
  const children = publish(raw.children);
  const supportedShare = shareOf(publish(raw.supported), children);
  const supportedInTime: SupportedFigure = {
    children,
    supported: children === null ? null : supportedShare.part,
    share: supportedShare.share,
    ci95: supportedShare.ci95,
  };
  const rows = { ...figures, supportedInTime };
  for (const [indicator, field] of Object.entries(KPI_TARGET_FIELDS) as [KpiTargetIndicator, keyof typeof rows][]) {
    const target = targets[indicator];
    rows[field].target = target ? shareTargetStatus(target, rows[field].share) : null;
  }
  const openCases = publish(raw.openCases);
  const closedCases = publish(raw.closed);
  return {
    key,
    protection: options.protection,
    ...rows,
    openCases,
    overdueDeadlines: publish(raw.overdueDeadlines),
    closedCases,
    medianDaysToClose: closedCases ? publishedMedian(raw.closedByDays, options) : null,
    officers: raw.officers,
    openCasesPerOfficer: openCases !== null && raw.officers > 0 ? round1(openCases / raw.officers) : null,
  };
}
