/** The columns of `PUT /population` as text/csv. */
export const POPULATION_CSV_COLUMNS = ['area_code', 'year', 'sex', 'age', 'count'] as const;

/** The CSV column of each PopulationRowDto property. */
export const POPULATION_COLUMN_OF: Readonly<Record<string, string>> = {
  areaCode: 'area_code',
  year: 'year',
  sex: 'sex',
  age: 'age',
  count: 'count',
};

/** A whole number written plainly becomes a number; anything else stays text for the DTO to refuse. */
export function csvInteger(value: string): number | string {
  return /^[+-]?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** One CSV record as the JSON row `PUT /population` takes, to be validated by the same DTO. */
export function populationFromCsv(values: Record<string, string>): Record<string, unknown> {
  return {
    areaCode: values.area_code,
    year: csvInteger(values.year),
    sex: values.sex,
    age: csvInteger(values.age),
    count: csvInteger(values.count),
  };
}
