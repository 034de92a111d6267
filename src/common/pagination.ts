import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalidField } from './problem';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** `?limit=&cursor=` as every list accepts them. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * What each place of a keyset position holds, checked when a cursor comes back so that a forged
 * one is a 400 and never reaches SQL as a value of the wrong type.
 */
export type CursorPart = 'bigint' | 'timestamp' | 'uuid' | 'text';

const CURSOR_PART_PATTERNS: Record<CursorPart, RegExp> = {
  bigint: /^[0-9]{1,18}$/,
  // Microseconds, as PostgreSQL keeps them: a cursor rounded to milliseconds would skip rows.
  timestamp: /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  text: /^[\s\S]{1,200}$/,
};

function isPart(value: unknown, part: CursorPart): value is string {
  // NUL never reaches SQL: PostgreSQL text cannot hold it.
  if (typeof value !== 'string' || value.includes('\0') || !CURSOR_PART_PATTERNS[part].test(value)) return false;
  return part !== 'timestamp' || !Number.isNaN(Date.parse(value));
}

/** The keyset position a cursor holds; a cursor that was not ours is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(position) &&
      position.length === parts.length &&
      position.every((value, i) => isPart(value, parts[i]))
    ) {
      return position as string[];
    }
  } catch {
    // fall through to the 400
  }
  throw invalidField('cursor', 'is not a cursor this list issued');
}

/** A timestamptz column as exact UTC text (microseconds), for a cursor that compares exactly. */
export const cursorTimestamp = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What a list query needs from `?limit=&cursor=`: how many to show, how many to fetch, where to start. */
export interface PageRequest {
  limit: number;
  /** `limit + 1`: one more row than shown tells whether there is a next page. */
  fetch: number;
  /** The keyset position after which the page starts, checked against `parts`. */
  after: string[] | undefined;
}

/** The preamble of every list: the limit (default 50) and the position of a cursor we issued. */
export function pageRequest(query: PageQuery, parts: readonly CursorPart[]): PageRequest {
  const limit = query.limit ?? DEFAULT_LIMIT;
  return { limit, fetch: limit + 1, after: decodeCursor(query.cursor, parts) };
}

/** Fetch `limit + 1` rows, give back `limit` and a cursor when there is more. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  position: (row: R) => unknown[],
): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(toItem),
    nextCursor: more ? encodeCursor(position(pageRows[pageRows.length - 1])) : null,
  };
}
