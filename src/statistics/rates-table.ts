import { FORMS_BY_CATEGORY } from '../domain/codes';
import { AreaRef } from './area-scope';
import { CellKey, RawCell } from './disclosure-control';
import { ageGroupOf, ageGroupsOf, Indicator, INDICATOR_RULES } from './indicators';
import { KeyedCount, PopulationCell, PopulationCells } from './rates-repository';
import { Target } from './targets';

/**
 * Turns grouped counts and population cells into the rows and total of one breakdown, each row
 * with the denominator that matches it (docs/statistics.md, Denominators): the indicator's ages
 * (0–15, or 5–17 for child labour) of the row's area, of the row's sex, or of the row's age group;
 * a form row is divided by all children of those ages. Rows always add up to the total: children
 * counted in no listed row (an area not valid at the period's end) form one more row,
 * `areaCode: null`.
 */
export const GROUP_BY = ['area', 'sex', 'ageGroup', 'form'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface TableInput {
  indicator: Indicator;
  groupBy?: GroupBy;
  area: AreaRef;
  /** For `groupBy=area`: the direct children valid at the period's end. */
  rowAreas: AreaRef[];
  counts: KeyedCount[];
  /** Counted cases the caller may not read, keyed like `counts` (read-scope.ts): their cells are protected. */
  unreadable?: KeyedCount[];
  population: PopulationCells;
  targets: Map<string, Target>;
}

type CellFilter = (cell: PopulationCell) => boolean;

function denominator(cells: PopulationCell[], indicator: Indicator, filter: CellFilter): number | null {
  const { minAge, maxAge } = INDICATOR_RULES[indicator];
  const matching = cells.filter((cell) => cell.age >= minAge && cell.age <= maxAge && filter(cell));
  return matching.length ? matching.reduce((sum, cell) => sum + cell.count, 0) : null;
}

function rowDenominator(spec: RowSpec, indicator: Indicator): number | null {
  if (!spec.population) return null;
  if ('own' in spec.population) return spec.population.own;
  return denominator(spec.population.cells, indicator, spec.population.filter);
}

interface RowSpec {
  key: CellKey;
  /** Which grouped counts fall in this row. */
  takes: (key: string) => boolean;
  /** The row's denominator: which of the area's cells count, or the listed area's own figure. */
  population: { cells: PopulationCell[]; filter: CellFilter } | { own: number | null } | null;
  target?: Target | null;
}

function rowSpecs(input: TableInput): RowSpec[] {
  const { indicator } = input;
  switch (input.groupBy) {
    case 'area':
      return input.rowAreas.map((area) => ({
        key: { areaCode: area.code },
        takes: (key) => key === area.code,
        population: { own: input.population.byArea.get(area.code) ?? null },
        target: input.targets.get(area.code) ?? null,
      }));
    case 'sex': {
      const specs: RowSpec[] = (['male', 'female'] as const).map((sex) => ({
        key: { sex },
        takes: (key) => key === sex,
        population: { cells: input.population.total, filter: (cell) => cell.sex === sex },
      }));
      // Children of unknown sex have no denominator; the row appears only when there are any.
      if (input.counts.some((c) => c.key === 'unknown' && c.count > 0))
        specs.push({ key: { sex: 'unknown' }, takes: (key) => key === 'unknown', population: null });
      return specs;
    }
    case 'ageGroup':
      return ageGroupsOf(indicator).map((group) => ({
        key: { ageGroup: group.key },
        takes: (key) => ageGroupOf(indicator, Number(key)) === group.key,
        population: {
          cells: input.population.total,
          filter: (cell) => cell.age >= group.minAge && cell.age <= group.maxAge,
        },
      }));
    case 'form':
      return Object.keys(FORMS_BY_CATEGORY[INDICATOR_RULES[indicator].category]).map((form) => ({
        key: { form },
        takes: (key) => key === form,
        population: { cells: input.population.total, filter: () => true },
      }));
    default:
      return [];
  }
}

const ELSEWHERE_KEY: Record<GroupBy, CellKey> = {
  area: { areaCode: null },
  sex: { sex: null },
  ageGroup: { ageGroup: null },
  form: { form: null },
};

/** Children and their key sum over several groups: a cell's key is additive like its count. */
function sumOf(counts: KeyedCount[]): { count: number; keySum: number } {
  return counts.reduce((sum, c) => ({ count: sum.count + c.count, keySum: (sum.keySum + c.keySum) % 256 }), {
    count: 0,
    keySum: 0,
  });
}

export function buildRawTable(input: TableInput): { rows: RawCell[]; total: RawCell } {
  const specs = rowSpecs(input);
  const taken = new Set<string>();
  const unreadable = (input.unreadable ?? []).filter((c) => c.count > 0);
  const rows: RawCell[] = specs.map((spec) => {
    const counts = input.counts.filter((c) => spec.takes(c.key));
    counts.forEach((c) => taken.add(c.key));
    return {
      key: spec.key,
      ...sumOf(counts),
      ...(unreadable.some((c) => spec.takes(c.key)) ? { unreadable: true } : {}),
      population: rowDenominator(spec, input.indicator),
      ...(input.groupBy === 'area' ? { target: spec.target ?? null } : {}),
    };
  });
  if (input.groupBy) {
    const elsewhere = sumOf(input.counts.filter((c) => !taken.has(c.key)));
    const elsewhereUnreadable = unreadable.some((c) => !specs.some((spec) => spec.takes(c.key)));
    if (elsewhere.count > 0)
      rows.push({
        key: ELSEWHERE_KEY[input.groupBy],
        ...elsewhere,
        population: null,
        target: null,
        ...(elsewhereUnreadable ? { unreadable: true } : {}),
      });
  }
  return {
    rows,
    total: {
      key: {},
      ...sumOf(input.counts),
      ...(unreadable.length ? { unreadable: true } : {}),
      population: denominator(input.population.total, input.indicator, () => true),
      target: input.targets.get(input.area.code) ?? null,
    },
  };
}
