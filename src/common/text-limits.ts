import { ValidateBy } from 'class-validator';

/** The longest string each kind of field takes: every string field of a DTO has a MaxLength. */
export const MAX_AREA_CODE = 32;
/** Codes of the code lists (forms, intervention types), usernames. */
export const MAX_CODE = 64;
/** `YYYY-MM-DD`. */
export const MAX_DATE = 10;
/** An ISO 8601 time with nanoseconds and an offset is 35 characters. */
export const MAX_TIMESTAMP = 40;
export const MAX_UUID = 36;
export const MAX_PHONE = 30;
/** Names of people, places and holidays. */
export const MAX_NAME = 200;
/** Notes, descriptions, outcomes. */
export const MAX_TEXT = 10_000;

/**
 * MaxLength for a field whose own check (a pattern, a date, a UUID) already refuses what is not a
 * string: a missing or mistyped value then gets that one message, not a second one about its length.
 * Reported under the same constraint name as class-validator's `MaxLength`.
 */
export function LengthAtMost(max: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxLength',
    constraints: [max],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value.length <= max,
      defaultMessage: (args) => `${args?.property} must be at most ${max} characters`,
    },
  });
}
