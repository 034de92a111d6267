import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { FieldError, invalidField, invalidFields, ProblemException } from '../common/problem';

export type BodyFormat = 'json' | 'csv';

/** The media type of a body, without parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** JSON or CSV, as the Content-Type says; anything else is a 415 naming what is accepted. */
export function bodyFormat(contentType: string | undefined, accepted: readonly BodyFormat[]): BodyFormat {
  const type = mediaType(contentType);
  const format: BodyFormat | undefined = type === 'application/json' ? 'json' : type === 'text/csv' ? 'csv' : undefined;
  if (!format || !accepted.includes(format)) {
    const names = accepted.map((name) => (name === 'csv' ? 'text/csv' : 'application/json'));
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `Send the body as ${names.join(' or ')}`);
  }
  return format;
}

/** One data row of a CSV file: the line it ends on and its values by column name. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function parseRecords(text: string): ParsedRecord[] {
  try {
    return parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    // The parser's own message can quote the data: only its line goes back.
    const line = (error as { lines?: number }).lines;
    throw invalidField('body', `is not readable CSV${line ? ` (near line ${line})` : ''}; check the quotes`);
  }
}

function checkHeader(header: string[], columns: readonly string[]): void {
  const expected = columns.join(',');
  const missing = columns.filter((column) => !header.includes(column));
  const unknown = header.filter((name) => !columns.includes(name));
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (missing.length || unknown.length || repeated.length) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    throw invalidField('header', `line 1 must name the columns ${expected} (${problems.join('; ')})`);
  }
}

/**
 * A CSV text with a header naming exactly `columns` (in any order), as records by column name.
 * Rows with too few or too many fields are 400s naming the row (`rows[3]`) and its line.
 */
export function readCsvTable(text: unknown, columns: readonly string[]): CsvRecord[] {
  if (typeof text !== 'string') throw invalidField('body', 'must be CSV text');
  const [head, ...rows] = parseRecords(text);
  if (!head) throw invalidField('header', `line 1 must name the columns ${columns.join(',')}`);
  const header = head.record.map((name) => name.toLowerCase());
  checkHeader(header, columns);
  const errors: FieldError[] = [];
  const records = rows.map(({ record, info }, index): CsvRecord => {
    if (record.length !== header.length) {
      errors.push({
        field: `rows[${index}]`,
        message: `line ${info.lines}: has ${record.length} fields, the header names ${header.length}`,
      });
    }
    const values: Record<string, string> = {};
    header.forEach((name, position) => (values[name] = record[position] ?? ''));
    return { line: info.lines, values };
  });
  if (errors.length) throw invalidFields(errors, 'invalid row');
  return records;
}
