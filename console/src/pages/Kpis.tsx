import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, problemOf, type Problem, type Schemas } from '../api';
import { formatTime } from '../format';
import { Field, ProblemBanner } from '../ui';

type Kpis = Schemas['KpisResponseDto'];
type Row = Schemas['KpiRowDto'];
type Share = Schemas['OnTimeDto'] | Schemas['SupportedInTimeDto'];

const SHARES = [
  'initialAssessmentOnTime',
  'emergencyResponseOnTime',
  'policeReferralOnTime',
  'planOnTime',
  'interventionsOnTime',
  'supportedInTime',
] as const;
const COUNTS = ['openCases', 'overdueDeadlines', 'medianDaysToClose', 'openCasesPerOfficer'] as const;
const PERIODS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
type Period = (typeof PERIODS)[number];

const number = (value: number | null) => (value === null ? '—' : value.toLocaleString());

/** "92.5% (37/40; 95% CI 80.1–97.4)", or "—" when the share is not shown (suppressed or nothing due). */
function ShareText({ share }: { share: Share }) {
  const { t } = useTranslation();
  const due = 'due' in share ? share.due : share.children;
  const met = 'met' in share ? share.met : share.supported;
  if (share.share === null) return <>{due === null ? '—' : `— (${number(met)}/${number(due)})`}</>;
  const [low, high] = share.ci95 ?? [null, null];
  return (
    <>
      {t('kpis.share', { share: share.share, met: number(met), due: number(due), low: low ?? '—', high: high ?? '—' })}
      {share.target && (
        <span className={share.target.met === false ? 'overdue' : 'met'}>
          {' '}
          · {t('kpis.target', { sign: share.target.kind === 'max' ? '≤' : '≥', value: share.target.value })}
        </span>
      )}
    </>
  );
}

/**
 * The KPIs of the area and its sub-areas (GET /statistics/kpis): the on-time shares of the deadlines
 * with their intervals, children supported in time, the open work; and the periodic report package.
 */
export function KpiPanel({ year, areaCode, fallbackArea }: { year: string; areaCode: string; fallbackArea: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('year');
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    const yearNumber = Number(year);
    if (!Number.isInteger(yearNumber) || yearNumber < 2000) return;
    let live = true;
    void api
      .GET('/api/v1/statistics/kpis', {
        params: { query: { year: yearNumber, period, areaCode: areaCode.trim() || undefined, groupBy: 'area' } },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        setKpis(data ?? null);
        setProblem(data ? null : problemOf(error, response.status));
      });
    return () => {
      live = false;
    };
  }, [year, areaCode, period]);
  const area = areaCode.trim() || fallbackArea;
  const query = new URLSearchParams({ year, period, ...(areaCode.trim() ? { areaCode: areaCode.trim() } : {}) });
  const rows: Row[] = kpis ? [...kpis.rows, kpis.total] : [];

  return (
    <section aria-labelledby="kpis-h">
      <h2 id="kpis-h">{t('kpis.title')}</h2>
      <div className="filters">
        <Field label={t('kpis.period')}>
          {(a11y) => (
            <select {...a11y} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              {PERIODS.map((code) => (
                <option key={code} value={code}>
                  {code === 'year' ? t('dashboard.year') : code}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ProblemBanner problem={problem} />
      {kpis && (
        <>
          <p className="protection" role="note">
            {kpis.protection === 'protected' ? t('kpis.protected') : t('kpis.exact')}{' '}
            {t('kpis.asOf', { at: formatTime(kpis.asOf) })}
          </p>
          <div className="scroll">
            <table className="list kpis">
              <caption className="sr-only">{t('kpis.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.area')}</th>
                  {[...SHARES, ...COUNTS].map((name) => (
                    <th scope="col" key={name}>
                      {t(`kpis.${name}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index} className={index === rows.length - 1 ? 'total' : undefined}>
                    <th scope="row" data-label={t('dashboard.area')}>
                      {row.key.areaCode ??
                        (index === rows.length - 1 ? t('dashboard.total') : t('dashboard.elsewhere'))}
                    </th>
                    {SHARES.map((name) => (
                      <td key={name} data-label={t(`kpis.${name}`)}>
                        <ShareText share={row[name]} />
                      </td>
                    ))}
                    {COUNTS.map((name) => (
                      <td key={name} data-label={t(`kpis.${name}`)}>
                        {number(row[name])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="downloads">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void download(
              `/api/v1/statistics/report.xlsx?${query}`,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              `report-${year}-${period}-${area}.xlsx`,
            ).then(setProblem)
          }
        >
          {t('kpis.report')}
        </button>
      </div>
    </section>
  );
}
