import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Checks that accept a string (`LengthAtMost` reports as `maxLength` too); a property with one of them (or declared `string`) is a string field. */
const STRING_CHECKS = new Set(['isString', 'matches', 'isIso8601', 'isUuid', 'isLocalDate']);
/** A closed list bounds the length by itself. */
const CLOSED_LISTS = new Set(['isIn', 'isEnum']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A DTO class, as class-validator's metadata storage keys it. */
type ValidatedClass = abstract new (...args: never[]) => unknown;

/** Every class with class-validator decorators, found by loading each source file that uses them. */
function validatedClasses(): Map<ValidatedClass, ValidationMetadata[]> {
  for (const file of sourceFiles(join(__dirname, '..'))) {
    // Loading the file is what registers its decorators; which files is only known at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (readFileSync(file, 'utf8').includes("from 'class-validator'")) require(file);
  }
  return (getMetadataStorage() as unknown as { validationMetadatas: Map<ValidatedClass, ValidationMetadata[]> })
    .validationMetadatas;
}

/** `Class.property` for each string field without a MaxLength (of the same `each`). */
function stringFieldsWithoutMaxLength(classes: Map<ValidatedClass, ValidationMetadata[]>): string[] {
  const missing: string[] = [];
  for (const [target, metadata] of classes) {
    const properties = new Set(metadata.map((entry) => entry.propertyName));
    for (const property of properties) {
      const checks = metadata.filter((entry) => entry.propertyName === property);
      const names = new Set(checks.map((entry) => entry.name ?? ''));
      if ([...names].some((name) => CLOSED_LISTS.has(name))) continue;
      const declaredString = Reflect.getMetadata('design:type', target.prototype, property) === String;
      const stringChecks = checks.filter((entry) => STRING_CHECKS.has(entry.name ?? ''));
      if (!declaredString && !stringChecks.length) continue;
      const each = stringChecks.some((entry) => entry.each === true);
      if (!checks.some((entry) => entry.name === 'maxLength' && !!entry.each === each))
        missing.push(`${target.name}.${property}`);
    }
  }
  return missing.sort();
}

describe('string fields of the DTOs', () => {
  const classes = validatedClasses();

  it('finds the DTOs of every module', () => {
    const names = [...classes.keys()].map((target) => target.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'LoginDto',
        'CreateReportDto',
        'ReportChildDto',
        'PlanDto',
        'AuditQuery',
        'PageQuery',
        'HolidayDto',
      ]),
    );
  });

  it('each have a MaxLength, so that no string is unbounded', () => {
    expect(stringFieldsWithoutMaxLength(classes)).toEqual([]);
  });
});
