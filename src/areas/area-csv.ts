/** The columns of `POST /areas/import`, in the order the README lists them ("A tour with curl"). */
export const AREA_CSV_COLUMNS = [
  'code',
  'name',
  'level',
  'parent_code',
  'valid_from',
  'valid_to',
  'successor_code',
] as const;

/** The CSV column of each CreateAreaDto property, to name errors the way the file does. */
export const AREA_COLUMN_OF: Readonly<Record<string, string>> = {
  code: 'code',
  name: 'name',
  level: 'level',
  parentCode: 'parent_code',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  successorCode: 'successor_code',
};

/** An empty cell is an absent value. */
const optional = (value: string | undefined) => (value ? value : undefined);

/** One CSV record as the body `POST /areas` would take, to be validated by the same DTO. */
export function areaFromCsv(values: Record<string, string>): Record<string, unknown> {
  return {
    code: values.code,
    name: values.name,
    level: values.level,
    parentCode: optional(values.parent_code),
    validFrom: optional(values.valid_from),
    validTo: optional(values.valid_to),
    successorCode: optional(values.successor_code),
  };
}
