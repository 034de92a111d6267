import { RatesResult } from '../rates.service';

/**
 * The Vega-Lite specification of "rates by area": one bar per area with its 95% interval, the
 * area's target (when set) as a horizontal rule, and a mark for areas whose rate is not shown.
 * Labels are codes; the data are the published cells, never anything before disclosure control.
 */
/** The caption every rendering of a result carries: how its figures were made. */
export function protectionCaption(result: RatesResult): string {
  return result.protection === 'protected'
    ? `protected figures (cell-key method, ${result.ptableVersion}): each perturbed slightly, rows need not add up to the total`
    : 'exact counts: not for publication';
}

export function ratesChartSpec(result: RatesResult): Record<string, unknown> {
  const values = result.rows.map((row) => ({
    area: row.key.areaCode ?? 'other',
    rate: row.rate,
    lower: row.ci95?.[0] ?? null,
    upper: row.ci95?.[1] ?? null,
    note: row.rate === null ? (row.flags.includes('suppressed') ? 'suppressed' : 'no population') : null,
  }));
  const target = result.total.target;
  const x = { field: 'area', type: 'nominal', title: 'Area', sort: null };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'bar', color: '#4c78a8' },
      transform: [{ filter: 'datum.rate !== null' }],
      encoding: { x, y: { field: 'rate', type: 'quantitative', title: `Rate per ${result.per.toLocaleString('en')}` } },
    },
    {
      mark: { type: 'rule', color: '#333' },
      transform: [{ filter: 'datum.rate !== null' }],
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
    },
    {
      mark: { type: 'text', dy: -6, fontSize: 9, color: '#888' },
      transform: [{ filter: 'datum.rate === null' }],
      encoding: { x, y: { datum: 0 }, text: { field: 'note' } },
    },
  ];
  if (target) {
    layers.push({
      data: { values: [{ target: target.per100k }] },
      mark: { type: 'rule', color: '#d62728', strokeDash: [6, 4], strokeWidth: 2 },
      encoding: { y: { field: 'target', type: 'quantitative' } },
    });
    layers.push({
      data: { values: [{ target: target.per100k, label: `target ${target.kind} ${target.per100k}` }] },
      mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#d62728' },
      encoding: { y: { field: 'target', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${result.indicator} (${result.basis}), ${result.areaCode}, ${result.year} ${result.period}`,
      subtitle: protectionCaption(result),
    },
    width: Math.max(240, 28 * values.length),
    height: 260,
    data: { values },
    layer: layers,
  };
}
