import { EntityManager } from 'typeorm';

/** `<province>-<year>-<6-digit sequence>`, e.g. `46-2025-000123`. */
export function formatCaseNumber(provinceCode: string, year: number, sequence: number): string {
  return `${provinceCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The next number of a province's year. The upsert takes a row lock, so concurrent intakes get
 * consecutive, unique numbers; a rolled-back intake gives its number back with the transaction.
 */
export async function nextCaseNumber(manager: EntityManager, provinceCode: string, year: number): Promise<string> {
  const [{ last_value: sequence }] = (await manager.query(
    `INSERT INTO case_number_counters (province_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (province_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value`,
    [provinceCode, year],
  )) as { last_value: number }[];
  return formatCaseNumber(provinceCode, year, sequence);
}

/** The province of an area path: the segment below the country (`VN.46.46001` → `46`). */
export function provinceOf(areaPath: string): string {
  const [, province] = areaPath.split('.');
  if (!province) throw new Error(`area path ${areaPath} lies above the provinces`);
  return province;
}
