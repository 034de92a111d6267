import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, problemOf, type Problem, type Schemas } from '../api';
import { CodeSelect, Label, ProblemBanner, TextField } from '../ui';
import { KpiPanel } from './Kpis';

type Rates = Schemas['RatesResponseDto'];
type Indicator = Rates['indicator'];
/** The JSON form of a rates answer (the same operation also speaks CSV). */
const asRates = (data: unknown): Rates | null => (data && typeof data === 'object' ? (data as Rates) : null);
const MONTHS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;

/**
 * The manager's view of its area: rates per 100,000 children by sub-area against the plan targets,
 * the trend by month, downloads. Figures come protected (cell-key) for managers, as the API says.
 * Below them the KPIs and the periodic report package (GET /statistics/kpis, /statistics/report.xlsx).
 */
export function Dashboard({ profile }: { profile: Schemas['UserProfile'] }) {
  const { t } = useTranslation();
  const [indicator, setIndicator] = useState<Indicator>('abuse');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [areaCode, setAreaCode] = useState(profile.areaCode);
  const [byArea, setByArea] = useState<Rates | null>(null);
  const [trend, setTrend] = useState<(Rates | null)[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    const yearNumber = Number(year);
    if (!Number.isInteger(yearNumber) || yearNumber < 2000) return;
    let live = true;
    const query = { indicator, year: yearNumber, areaCode: areaCode.trim() || undefined };
    void api
      .GET('/api/v1/statistics/rates', { params: { query: { ...query, groupBy: 'area' } } })
      .then(({ data, error, response }) => {
        if (!live) return;
        setByArea(asRates(data));
        setProblem(data ? null : problemOf(error, response.status));
      });
    void Promise.all(
      MONTHS.map((period) =>
        api
          .GET('/api/v1/statistics/rates', { params: { query: { ...query, period } } })
          .then(({ data }) => asRates(data)),
      ),
    ).then((months) => live && setTrend(months));
    return () => {
      live = false;
    };
  }, [indicator, year, areaCode]);

  const area: Record<string, string> = areaCode.trim() ? { areaCode: areaCode.trim() } : {};
  const csvQuery = new URLSearchParams({ indicator, year, groupBy: 'area', ...area });
  // The workbook has a sheet per breakdown of its own.
  const xlsxQuery = new URLSearchParams({ indicator, year, ...area });
  const name = `${indicator}-${year}-${areaCode.trim() || profile.areaCode}`;

  return (
    <section>
      <h1>{t('dashboard.title')}</h1>
      <div className="filters" role="search">
        <CodeSelect
          label={t('dashboard.indicator')}
          list="indicators"
          value={indicator}
          onChange={(v) => setIndicator((v || 'abuse') as Indicator)}
        />
        <TextField label={t('dashboard.year')} type="number" value={year} onChange={setYear} />
        <TextField label={t('dashboard.area')} value={areaCode} onChange={setAreaCode} />
      </div>
      <ProblemBanner problem={problem} />
      {byArea && (
        <>
          <p className="protection" role="note">
            {byArea.protection === 'protected' ? t('dashboard.protected') : t('dashboard.exact')}
          </p>
          <h2>{t('dashboard.byArea')}</h2>
          <RateChart rates={byArea} />
          <RateTable rates={byArea} />
          <div className="downloads">
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void download(`/api/v1/statistics/rates?${csvQuery}`, 'text/csv', `${name}.csv`).then(setProblem)
              }
            >
              {t('dashboard.csv')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void download(
                  `/api/v1/statistics/rates.xlsx?${xlsxQuery}`,
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                  `${name}.xlsx`,
                ).then(setProblem)
              }
            >
              {t('dashboard.xlsx')}
            </button>
          </div>
        </>
      )}
      {trend.length > 0 && (
        <>
          <h2>{t('dashboard.trend')}</h2>
          <TrendChart months={trend} />
        </>
      )}
      <KpiPanel year={year} areaCode={areaCode} fallbackArea={profile.areaCode} />
    </section>
  );
}

const shown = (value: number | null) => (value === null ? '—' : value.toLocaleString());

function RateTable({ rates }: { rates: Rates }) {
  const { t } = useTranslation();
  const rows = [...rates.rows, { ...rates.total, key: {} }];
  return (
    <table className="list">
      <caption>{t('dashboard.tableCaption', { per: rates.per.toLocaleString() })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.area')}</th>
          <th scope="col">{t('dashboard.count')}</th>
          <th scope="col">{t('dashboard.population')}</th>
          <th scope="col">{t('dashboard.rate')}</th>
          <th scope="col">{t('dashboard.ci')}</th>
          <th scope="col">{t('dashboard.target')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className={index === rows.length - 1 ? 'total' : undefined}>
            <th scope="row" data-label={t('dashboard.area')}>
              {row.key.areaCode ?? (index === rows.length - 1 ? t('dashboard.total') : t('dashboard.elsewhere'))}
            </th>
            <td data-label={t('dashboard.count')}>
              {shown(row.count)}
              {row.flags.map((flag) => (
                <span key={flag} className="flag">
                  {' '}
                  <Label list="flags" code={flag} />
                </span>
              ))}
            </td>
            <td data-label={t('dashboard.population')}>{shown(row.population)}</td>
            <td data-label={t('dashboard.rate')}>{shown(row.rate)}</td>
            <td data-label={t('dashboard.ci')}>{row.ci95 ? `${row.ci95[0]}–${row.ci95[1]}` : '—'}</td>
            <td data-label={t('dashboard.target')}>
              {row.target
                ? `${row.target.kind === 'max' ? '≤' : '≥'} ${row.target.per100k} · ${
                    row.target.met === null ? '—' : row.target.met ? t('dashboard.met') : t('dashboard.notMet')
                  }`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Bars of the rate per area with each target as a tick; the table above carries the same figures in words. */
function RateChart({ rates }: { rates: Rates }) {
  const { t } = useTranslation();
  const rows = rates.rows.filter((row) => row.key.areaCode);
  const max = Math.max(1, ...rows.map((row) => Math.max(row.rate ?? 0, row.target?.per100k ?? 0)));
  const barHeight = 22;
  const height = rows.length * (barHeight + 8) + 10;
  return (
    <svg className="chart" viewBox={`0 0 320 ${height}`} role="img" aria-label={t('dashboard.chartLabel')}>
      {rows.map((row, index) => {
        const y = 5 + index * (barHeight + 8);
        const width = ((row.rate ?? 0) / max) * 200;
        return (
          <g key={row.key.areaCode ?? index}>
            <text x="0" y={y + 15} className="chart-label">
              {row.key.areaCode}
            </text>
            <rect
              x="70"
              y={y}
              width={width}
              height={barHeight}
              className={row.target?.met === false ? 'bar over' : 'bar'}
            />
            {row.target && (
              <line
                x1={70 + (row.target.per100k / max) * 200}
                x2={70 + (row.target.per100k / max) * 200}
                y1={y - 2}
                y2={y + barHeight + 2}
                className="target"
              />
            )}
            <text x={75 + width} y={y + 15} className="chart-value">
              {row.rate === null ? '—' : row.rate}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function TrendChart({ months }: { months: (Rates | null)[] }) {
  const { t } = useTranslation();
  const values = months.map((month) => month?.total.rate ?? null);
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  return (
    <>
      <svg className="chart" viewBox="0 0 320 140" role="img" aria-label={t('dashboard.trendLabel')}>
        {values.map((value, index) => {
          const h = ((value ?? 0) / max) * 100;
          return (
            <g key={index}>
              <rect x={10 + index * 25} y={110 - h} width="18" height={h} className="bar" />
              <text x={12 + index * 25} y="128" className="chart-label">
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="list compact">
        <caption className="sr-only">{t('dashboard.trend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.month')}</th>
            <th scope="col">{t('dashboard.count')}</th>
            <th scope="col">{t('dashboard.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month, index) => (
            <tr key={index}>
              <th scope="row" data-label={t('dashboard.month')}>
                {index + 1}
              </th>
              <td data-label={t('dashboard.count')}>{month ? shown(month.total.count) : '—'}</td>
              <td data-label={t('dashboard.rate')}>{month ? shown(month.total.rate) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
