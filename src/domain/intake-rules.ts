import { Category, formBelongsTo } from './codes';
import { CLOCK_SKEW_MS, ageOn, vietnamDate } from './time';
import { FieldError } from '../common/problem';

export interface IntakeFacts {
  category: Category;
  form: string;
  fatal?: boolean;
  receivedAt: Date;
  occurredAt?: Date;
  children: { dateOfBirth?: string; estimatedAge?: number }[];
}

/**
 * The rules of a report that span fields (docs/domain.md, Children, cases and categories). Each
 * violation names its field.
 */
export function intakeViolations(report: IntakeFacts, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (!formBelongsTo(report.category, report.form)) {
    errors.push({ field: 'form', message: `${report.form} is not a form of ${report.category}` });
  }
  if (report.fatal && report.category !== 'injury') errors.push({ field: 'fatal', message: 'is only for injuries' });
  if (report.receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    errors.push({ field: 'receivedAt', message: 'may not be in the future' });
  }
  if (report.occurredAt && report.occurredAt > report.receivedAt) {
    errors.push({ field: 'occurredAt', message: 'may not be after receivedAt' });
  }
  const eventDate = vietnamDate(report.occurredAt ?? report.receivedAt);
  report.children.forEach((child, index) => {
    const field = `children[${index}]`;
    if (child.dateOfBirth === undefined && child.estimatedAge === undefined) {
      errors.push({ field: `${field}.dateOfBirth`, message: 'give dateOfBirth or estimatedAge' });
    }
    if (child.dateOfBirth !== undefined) {
      const age = ageOn(child.dateOfBirth, eventDate);
      if (age < 0) errors.push({ field: `${field}.dateOfBirth`, message: 'is after the event' });
      else if (age > 17)
        errors.push({ field: `${field}.dateOfBirth`, message: 'the person was 18 or older at the event' });
    }
  });
  return errors;
}
