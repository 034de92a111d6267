import { shortened } from './echo';
import { FieldError } from './problem';

/** Deeper than any body the API takes (a report is 3 levels); class-transformer recurses per level. */
export const MAX_NESTING = 32;

/**
 * Names that are never data. class-transformer skips a key whose name is an inherited member of
 * the instance (so `toString` or `constructor` would pass the unknown-field check unseen), and
 * `__proto__` / `prototype` are how prototype pollution starts.
 */
const NOT_DATA = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const isNotData = (key: string) => NOT_DATA.has(key);

/** PostgreSQL text cannot hold U+0000: a string carrying it would fail in the database, not here. */
const NUL = '\u0000';

/** The field path as the validation errors write it: `children[0].fullName`, `[3].date`. */
function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = shortened(key);
  return parent ? `${parent}.${name}` : name;
}

/**
 * What is wrong with the shape of a parsed body or query before any DTO sees it: keys that are not
 * data (at any depth), nesting deeper than `maxNesting` containers and strings (a CSV body too)
 * with the NUL character. Walks without recursion, so
 * no input can exhaust the stack here.
 */
export function inputShapeErrors(value: unknown, maxNesting = MAX_NESTING): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 1 }];
  while (pending.length && errors.length < 100) {
    const { value: current, path, depth } = pending.pop()!;
    if (typeof current === 'string' && current.includes(NUL))
      errors.push({ field: path || 'body', message: 'must not contain the character U+0000' });
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxNesting) {
      errors.push({ field: path || 'body', message: `is nested more than ${maxNesting} levels deep` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index];
      const childPath = pathOf(path, key);
      if (typeof key === 'string' && isNotData(key))
        errors.push({ field: childPath, message: 'is not an accepted field' });
      else pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}
