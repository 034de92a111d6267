import { FieldError } from '../common/problem';
import { Category } from '../domain/codes';
import { intakeViolations } from '../domain/intake-rules';
import { ageOn, vietnamDate } from '../domain/time';

/** The rules of intake, applied to a corrected record (README "Corrections, history and duplicate children"). */

/**
 * The intake rules on the corrected case: the form belongs to the category, `fatal` only for
 * injuries, the event not after the receipt, and the child under 18 and born by the event. A birth
 * date at odds with a corrected event time is the event time's error.
 */
export function caseViolations(
  after: { category: string; form: string; fatal: boolean; occurredAt: Date | null },
  receivedAt: Date,
  dateOfBirth: string | null,
  estimatedAge: number | null,
): FieldError[] {
  const errors = intakeViolations(
    {
      category: after.category as Category,
      form: after.form,
      fatal: after.fatal,
      receivedAt,
      occurredAt: after.occurredAt ?? undefined,
      children: [{ dateOfBirth: dateOfBirth ?? undefined, estimatedAge: estimatedAge ?? 0 }],
    },
    // The receipt is not corrected: it was not in the future when it was recorded.
    new Date(Math.max(Date.now(), receivedAt.getTime())),
  );
  return errors.map((error) =>
    error.field.startsWith('children[0].')
      ? { field: 'occurredAt', message: `the child’s date of birth ${error.message.replace(/^is /, 'would be ')}` }
      : error,
  );
}

/** The intake rules on the corrected child: a birth date or an estimate, and under 18 and born at each case's event. */
export function childViolations(
  child: { dateOfBirth: string | null; estimatedAge: number | null },
  cases: readonly { occurredAt: Date | null; receivedAt: Date }[],
): FieldError[] {
  if (!child.dateOfBirth && child.estimatedAge === null)
    return [{ field: 'dateOfBirth', message: 'give dateOfBirth or estimatedAge' }];
  if (!child.dateOfBirth) return [];
  for (const kase of cases) {
    const age = ageOn(child.dateOfBirth, vietnamDate(kase.occurredAt ?? kase.receivedAt));
    if (age < 0) return [{ field: 'dateOfBirth', message: 'is after the event of one of the child’s cases' }];
    if (age > 17)
      return [{ field: 'dateOfBirth', message: 'the person was 18 or older at the event of one of their cases' }];
  }
  return [];
}
