import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldError, InvalidInput } from './problem';

/** Flattens class-validator's tree into `{field, message}` pairs with dotted paths (`children[0].sex`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = prefix ? (isIndex ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : isIndex ? `[${error.property}]` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      flat.push({ field, message: message.replace(/^property \S+ should not exist$/, 'is not an accepted field') });
    }
    if (error.children?.length) flat.push(...flattenValidationErrors(error.children, field));
  }
  return flat;
}

export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** The global pipe: DTOs are the input boundary; unknown fields are rejected with 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new InvalidInput(flattenValidationErrors(errors)),
  });
}

/** Validates each element of an array body (JSON or parsed CSV), naming the row in every error. */
export async function validateRows<T extends object>(
  dto: new () => T,
  rows: unknown,
  rowLabel: (index: number) => string = (index) => `[${index}]`,
): Promise<T[]> {
  if (!Array.isArray(rows)) throw new InvalidInput([{ field: 'body', message: 'must be an array' }]);
  const instances: T[] = [];
  const errors: FieldError[] = [];
  for (const [index, row] of rows.entries()) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      errors.push({ field: rowLabel(index), message: 'must be an object' });
      continue;
    }
    const instance = plainToInstance(dto, row);
    const rowErrors = await validate(instance, VALIDATOR_OPTIONS);
    errors.push(...flattenValidationErrors(rowErrors, rowLabel(index)));
    instances.push(instance);
  }
  if (errors.length) throw new InvalidInput(errors.slice(0, 100), `${errors.length} invalid field(s); the first is ${errors[0].field}: ${errors[0].message}`);
  return instances;
}
