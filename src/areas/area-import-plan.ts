import { FieldError } from '../common/problem';
import { AreaLevel } from '../domain/area-path';
import { childPath, isValidPeriod, parentLevelProblem } from './area-rules';
import { RowNaming } from './row-errors';

/** What the import needs to know of an area already stored. */
export interface KnownArea {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
  path: string;
}

/** One validated row of the file (the shape of CreateAreaDto). */
export interface AreaImportRow {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  successorCode?: string | null;
}

export interface PlannedArea {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  path: string;
  validFrom: string | null;
  validTo: string | null;
  successorCode: string | null;
  isNew: boolean;
}

export interface AreaImportPlan {
  areas: PlannedArea[];
  errors: FieldError[];
  /** Rows the caller's scope does not cover (checked only where the row is otherwise sound). */
  outOfScope: { index: number; code: string }[];
}

/** May the caller create (a new area) or update (an existing one) at this path? */
export type MayWrite = (action: 'create' | 'update', path: string) => boolean;

function missingParentMessage(
  parentCode: string,
  index: number,
  definedAt: number | undefined,
  naming: RowNaming,
): string {
  if (definedAt === undefined) return `parentCode ${parentCode} is not a known area`;
  if (definedAt > index)
    return `parentCode ${parentCode} is defined further down (${naming.locate(definedAt)}); list parents before their children`;
  return `parentCode ${parentCode} is defined on ${naming.locate(definedAt)}, which has errors`;
}

/**
 * Checks a whole file against the stored areas, row by row in file order: a parent must be stored
 * or defined on an earlier line; an existing code keeps its level and parent (only its name,
 * validity and successor change); a successor must be stored or defined anywhere in the file.
 */
export function planAreaImport(
  rows: readonly AreaImportRow[],
  stored: ReadonlyMap<string, KnownArea>,
  naming: RowNaming,
  mayWrite: MayWrite,
): AreaImportPlan {
  const firstIndex = new Map<string, number>();
  rows.forEach((row, index) => firstIndex.has(row.code) || firstIndex.set(row.code, index));
  const fromFile = new Map<string, KnownArea>();
  const plan: AreaImportPlan = { areas: [], errors: [], outOfScope: [] };
  const fail = (index: number, property: string, message: string) =>
    plan.errors.push(naming.error(index, property, message));

  rows.forEach((row, index) => {
    const errorsBefore = plan.errors.length;
    const parentCode = row.parentCode ?? null;
    const first = firstIndex.get(row.code)!;
    if (first !== index) fail(index, 'code', `code ${row.code} already appears on ${naming.locate(first)}`);
    if (!isValidPeriod(row.validFrom, row.validTo)) fail(index, 'validTo', 'validTo must not be before validFrom');
    const successor = row.successorCode ?? null;
    if (successor === row.code) fail(index, 'successorCode', 'successorCode must name another area');
    else if (successor && !stored.has(successor) && !firstIndex.has(successor))
      fail(index, 'successorCode', `successorCode ${successor} is not a known area`);

    const existing = stored.get(row.code);
    let path: string | undefined;
    if (existing) {
      if (row.level !== existing.level) fail(index, 'level', `level cannot change: ${row.code} is a ${existing.level}`);
      if (parentCode !== existing.parentCode)
        fail(
          index,
          'parentCode',
          `parentCode cannot change: ${row.code} sits under ${existing.parentCode ?? 'nothing'}`,
        );
      path = existing.path;
    } else if (row.level === 'country') {
      fail(index, 'level', 'level country: a new country cannot be created');
    } else if (parentCode) {
      const parent = fromFile.get(parentCode) ?? stored.get(parentCode);
      if (!parent) {
        fail(index, 'parentCode', missingParentMessage(parentCode, index, firstIndex.get(parentCode), naming));
      } else {
        const problem = parentLevelProblem(row.level, parent.level);
        if (problem) fail(index, 'parentCode', `parentCode ${parentCode} is a ${parent.level}: ${problem}`);
        else path = childPath(parent.path, row.code);
      }
    }
    if (first !== index || path === undefined) return;
    fromFile.set(row.code, { code: row.code, level: row.level, parentCode, path });
    if (plan.errors.length > errorsBefore) return;
    if (!mayWrite(existing ? 'update' : 'create', path)) plan.outOfScope.push({ index, code: row.code });
    plan.areas.push({
      code: row.code,
      name: row.name,
      level: row.level,
      parentCode,
      path,
      validFrom: row.validFrom ?? null,
      validTo: row.validTo ?? null,
      successorCode: successor,
      isNew: !existing,
    });
  });
  return plan;
}
