import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { MAX_ECHO, shortened } from './echo';
import { FieldError, InvalidInput, invalidFields } from './problem';

/** Longer than any message of ours; a message this long quotes something it should not. */
const MAX_MESSAGE = 500;

/** A message without the client's value in full: a long value it quotes is cut to `MAX_ECHO` characters. */
function withoutLongEcho(message: string, value: unknown): string {
  const quoted = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const cut = quoted && quoted.length > MAX_ECHO ? message.split(quoted).join(shortened(quoted)) : message;
  return shortened(cut, MAX_MESSAGE);
}

/**
 * A value of the wrong shape gets the one message that says so: "must be an array" without
 * "must contain at least 1 elements" and "no more than 50 elements" beside it, which contradict it.
 */
function relevantConstraints(constraints: Record<string, string>): [string, string][] {
  if ('isArray' in constraints) return [['isArray', constraints.isArray]];
  return Object.entries(constraints);
}

/** Flattens class-validator's tree into `{field, message}` pairs with dotted paths (`children[0].sex`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const name = shortened(error.property);
    const field = prefix ? (isIndex ? `${prefix}[${name}]` : `${prefix}.${name}`) : isIndex ? `[${name}]` : name;
    for (const [constraint, message] of relevantConstraints(error.constraints ?? {})) {
      flat.push({
        field,
        message:
          constraint === 'whitelistValidation' ? 'is not an accepted field' : withoutLongEcho(message, error.value),
      });
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
  if (errors.length) throw invalidFields(errors);
  return instances;
}
