/** Denominators are kept by sex and single year of age, 0 to 17 (docs/statistics.md, Denominators). */
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const CHILD_AGES = 18;

export interface PopulationCell {
  areaCode: string;
  year: number;
  sex: Sex;
  age: number;
  count: number;
}

/** For each row that repeats an earlier row's (area, year, sex, age), the index of that earlier row. */
export function repeatedCells(rows: readonly Omit<PopulationCell, 'count'>[]): Map<number, number> {
  const firstIndex = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, index) => {
    const key = `${row.areaCode}\u0000${row.year}\u0000${row.sex}\u0000${row.age}`;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else repeats.set(index, first);
  });
  return repeats;
}

export interface AgeBands {
  /** Children under 16 (Law on Children Art. 1): abuse and injury rates. */
  children0to15: number;
  /** Ages 5 to 17: child-labour rates. */
  children5to17: number;
  children0to17: number;
}

export interface PopulationTotals extends AgeBands {
  bySex: Record<Sex, AgeBands>;
  byAge: { age: number; male: number; female: number }[];
}

function bands(countByAge: readonly number[]): AgeBands {
  const sum = (from: number, to: number) => countByAge.slice(from, to + 1).reduce((total, count) => total + count, 0);
  return { children0to15: sum(0, 15), children5to17: sum(5, 17), children0to17: sum(0, 17) };
}

/** Adds up counts by sex and age into the age bands the rates divide by. */
export function summarizePopulation(counts: readonly { sex: Sex; age: number; count: number }[]): PopulationTotals {
  const byAge = Array.from({ length: CHILD_AGES }, (_, age) => ({ age, male: 0, female: 0 }));
  for (const { sex, age, count } of counts) byAge[age][sex] += count;
  const male = bands(byAge.map((cell) => cell.male));
  const female = bands(byAge.map((cell) => cell.female));
  return { ...bands(byAge.map((cell) => cell.male + cell.female)), bySex: { male, female }, byAge };
}
