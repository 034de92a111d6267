/**
 * Case numbers: `<province>-<year>-<6-digit sequence>`, e.g. `46-2025-000123`, unique per province
 * and year, from one counter row per province and year. The counter upsert takes a row lock, so
 * concurrent intakes get consecutive numbers, and a rolled-back intake gives its numbers back with
 * the transaction.
 */

/** The province of an area path: the segment below the country (`VN.46.46001` → `46`). */
export function provinceOf(areaPath: string): string {
  const [, province] = areaPath.split('.');
  if (!province) throw new Error(`area path ${areaPath} lies above the provinces`);
  return province;
}

/**
 * What a case or a stand-in is called until the transaction numbers it, just before it commits
 * (`numberCasesSql`): unique, never a case number's shape, and never seen outside the transaction.
 */
export const provisionalNumber = (id: string): string => `unnumbered:${id}`;

/**
 * Numbers, in one statement, what one transaction opened in a province (`$1`) and year (`$2`):
 * cases and stand-ins (`$3` ids, `$4` provisional numbers, `$5` kinds `case` | `stand_in`, in the
 * order they take their numbers). The counter moves once by their count. Taken last, so the counter
 * row (one per province and year, shared by every intake there) stays locked only for the commit;
 * the notifications of the transaction are written after it (`CaseWrites.afterNumbering`), so they
 * carry the final numbers.
 */
export function numberCasesSql(): string {
  return `
    WITH counter AS (
      INSERT INTO case_number_counters (province_code, year, last_value) VALUES ($1::text, $2::int, cardinality($3::uuid[]))
      ON CONFLICT (province_code, year) DO UPDATE SET last_value = case_number_counters.last_value + EXCLUDED.last_value
      RETURNING last_value
    ), numbered AS (
      SELECT w.kind, w.id, w.provisional,
             $1::text || '-' || $2::int::text || '-' || lpad((counter.last_value - cardinality($3::uuid[]) + w.ord)::text, 6, '0') AS value
        FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS w(id, provisional, kind, ord), counter
    ), cases_numbered AS (
      UPDATE cases c SET case_number = n.value FROM numbered n WHERE n.kind = 'case' AND c.id = n.id
    ), stand_ins_numbered AS (
      UPDATE case_reports cr SET receipt_case_number = n.value
        FROM numbered n WHERE n.kind = 'stand_in' AND cr.receipt_case_id = n.id
    )
    SELECT provisional, value FROM numbered`;
}
