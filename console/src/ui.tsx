import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from './api';
import { entriesOf, useCodes, type CodeList } from './codes';

/** A problem document as the API gave it: title, detail, and the fields it names. */
export function ProblemBanner({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail && <span> — {problem.detail}</span>}
    </div>
  );
}

export function Done({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="done" role="status">
      {message}
    </p>
  );
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled input with its hint and its error from the problem document, announced to screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
}) {
  const { label, value, onChange, error, hint, type = 'text', required, multiline, autoComplete } = props;
  return (
    <Field label={label} error={error} hint={hint}>
      {(a11y) =>
        multiline ? (
          <textarea {...a11y} value={value} required={required} onChange={(e) => onChange(e.target.value)} rows={3} />
        ) : (
          <input
            {...a11y}
            type={type}
            value={value}
            required={required}
            autoComplete={autoComplete}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A choice among the codes of one list of GET /codes, shown with their labels. */
export function CodeSelect(props: {
  label: string;
  /** One list, or several shown together (rate indicators and KPI target indicators). */
  list: CodeList | CodeList[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  only?: (option: Record<string, unknown>) => boolean;
  empty?: string;
  required?: boolean;
}) {
  const { codes } = useCodes();
  const { t } = useTranslation();
  const lists = Array.isArray(props.list) ? props.list : [props.list];
  const options = lists.flatMap((list) => entriesOf(codes, list)).filter((option) => !props.only || props.only(option));
  return (
    <Field label={props.label} error={props.error}>
      {(a11y) => (
        <select
          {...a11y}
          value={props.value}
          required={props.required}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">{props.empty ?? t('common.choose')}</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function Label({ list, code }: { list: CodeList; code: string | null | undefined }) {
  const { label } = useCodes();
  return (
    <span className={`code code-${list}`} data-code={code ?? ''}>
      {label(list, code)}
    </span>
  );
}
