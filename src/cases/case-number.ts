/**
 * Case numbers: `<province>-<year>-<6-digit sequence>`, e.g. `46-2025-000123`, unique per province
 * and year. A common table expression for the statement that opens the case, so numbering costs
 * no round trip of its own: the counter upsert takes a row lock, so concurrent intakes get
 * consecutive numbers, and a rolled-back intake gives its number back with the transaction.
 * `$province` and `$year` are the statement's parameter placeholders (text and integer).
 */
export function caseNumberCte(province: string, year: string): string {
  return `case_number AS (
    INSERT INTO case_number_counters (province_code, year, last_value) VALUES (${province}::text, ${year}::int, 1)
    ON CONFLICT (province_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
    RETURNING ${province}::text || '-' || ${year}::int::text || '-' || lpad(last_value::text, 6, '0') AS value
  )`;
}

/** The province of an area path: the segment below the country (`VN.46.46001` → `46`). */
export function provinceOf(areaPath: string): string {
  const [, province] = areaPath.split('.');
  if (!province) throw new Error(`area path ${areaPath} lies above the provinces`);
  return province;
}
