import { applyDecorators } from '@nestjs/common';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateBy,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import {
  LengthAtMost,
  MAX_AREA_CODE,
  MAX_CODE,
  MAX_DATE,
  MAX_NAME,
  MAX_TEXT,
  MAX_TIMESTAMP,
  MAX_UUID,
} from './text-limits';

/**
 * One decorator per rule of the input boundary, each with its length limit and its message, so a
 * DTO says what a field is (`@IsAreaCode()`) and the rule is written once. Each takes
 * class-validator's own options; a `message` given there replaces the rule's.
 */

/** Codes as the `areas` table accepts them. */
export const AREA_CODE_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

type Message = (args: ValidationArguments) => string;

/**
 * The decorators applied as if written one above the other in this order: class-validator then
 * reports their errors in the order it did when the DTOs spelled them out.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** An area code: 1–32 letters, digits or dashes. */
export function IsAreaCode(options?: ValidationOptions): PropertyDecorator {
  const message: Message = ({ property }) => `${property} must be an area code`;
  return stacked(Matches(AREA_CODE_PATTERN, { message, ...options }), LengthAtMost(MAX_AREA_CODE));
}

/** A real day written `YYYY-MM-DD` (no 30 February). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface LocalDateOptions extends ValidationOptions {
  /** The first and last year accepted. */
  years?: readonly [from: number, to: number];
}

/** A local date: `YYYY-MM-DD`, a day that exists on the calendar, optionally within some years. */
export function IsLocalDate({ years, ...options }: LocalDateOptions = {}): PropertyDecorator {
  const inYears = (value: string) =>
    !years || (Number(value.slice(0, 4)) >= years[0] && Number(value.slice(0, 4)) <= years[1]);
  return stacked(
    ValidateBy(
      {
        name: 'isLocalDate',
        validator: {
          validate: (value: unknown) => isCalendarDate(value) && inYears(value),
          defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD`,
        },
      },
      options,
    ),
    LengthAtMost(MAX_DATE),
  );
}

/** A year the service keeps (1900–2200): "must be a whole number", else "must be from 1900 to 2200". */
export function IsYear(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYear',
      validator: {
        validate: (value: unknown) =>
          Number.isInteger(value) && (value as number) >= MIN_YEAR && (value as number) <= MAX_YEAR,
        defaultMessage: (args) =>
          Number.isInteger(args?.value)
            ? `${args?.property} must be from ${MIN_YEAR} to ${MAX_YEAR}`
            : `${args?.property} must be a whole number`,
      },
    },
    options,
  );
}

/** An instant in ISO 8601 (`2025-06-02T08:30:00+07:00`), a real one. */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return stacked(IsISO8601({ strict: true }, options), LengthAtMost(MAX_TIMESTAMP));
}

export function IsUuid(options?: ValidationOptions): PropertyDecorator {
  return stacked(IsUUID(undefined, options), LengthAtMost(MAX_UUID));
}

/** The version of a record the caller last read: a whole number from 1. */
export function IsVersion(): PropertyDecorator {
  return stacked(IsInt(), Min(1));
}

export interface CodeOptions extends ValidationOptions {
  /** The list as the message shows it, when the whole list is too long to read (`Q1–Q4`). */
  listedAs?: readonly string[];
}

/** A code of a list: "must be one of a, b, c". */
export function IsCode(list: readonly string[], { listedAs = list, ...options }: CodeOptions = {}): PropertyDecorator {
  const message: Message = ({ property }) => `${property} must be one of ${listedAs.join(', ')}`;
  return IsIn([...list], { message, ...options });
}

/** "a, b or c" */
export function spokenList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** One of a few choices, said as a sentence: "must be high, medium or low". */
export function IsOneOf(choices: readonly string[], options?: ValidationOptions): PropertyDecorator {
  const message: Message = ({ property }) => `${property} must be ${spokenList(choices)}`;
  return IsIn([...choices], { message, ...options });
}

/** A code whose list depends on another field (a form of its category, a type of its agency): the service checks which. */
export function IsDependentCode(): PropertyDecorator {
  return stacked(IsString(), MaxLength(MAX_CODE));
}

export interface TextOptions extends ValidationOptions {
  /** Refuse the empty string. */
  nonEmpty?: boolean;
}

/** Text as people write it (notes, findings, reasons): a string of at most `max` characters. */
export function IsFreeText(max = MAX_TEXT, { nonEmpty = false, ...options }: TextOptions = {}): PropertyDecorator {
  const checks = [IsString(options), ...(nonEmpty ? [MinLength(1, options)] : []), MaxLength(max, options)];
  return stacked(...checks);
}

/** A person's full name, as given: 1–200 characters. */
export function IsPersonName(): PropertyDecorator {
  return IsFreeText(MAX_NAME, { nonEmpty: true });
}

/** The longest email address SMTP carries (RFC 5321: 254 characters in a path). */
export const MAX_EMAIL = 254;

/** An email address to send notifications to: one mailbox, at most 254 characters. */
export function IsEmailAddress(): PropertyDecorator {
  const message: Message = ({ property }) => `${property} must be an email address such as name@example.vn`;
  return stacked(IsString(), IsEmail({}, { message }), LengthAtMost(MAX_EMAIL));
}

/** A username: letters, digits, dots, dashes and underscores, `shortest` to 64 of them. */
export function IsUsername(shortest: number): PropertyDecorator {
  const pattern = new RegExp(`^[a-z0-9._-]{${shortest},${MAX_CODE}}$`, 'i');
  const message: Message = ({ property }) =>
    `${property} must be ${shortest}–${MAX_CODE} letters, digits, dots, dashes or underscores`;
  return stacked(IsString(), Matches(pattern, { message }), LengthAtMost(MAX_CODE));
}

/** An optional field that may not be null: absent means "not given", null is refused like any other wrong value. */
export const Given = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
