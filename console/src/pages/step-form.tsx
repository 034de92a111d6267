import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors, problemOf, type Problem } from '../api';
import { ProblemBanner } from '../ui';

/** What a call answered: nothing (done) or the problem to show at the form. */
export type Outcome = { ok: true } | { ok: false; problem: Problem };
export const outcome = (result: { error?: unknown; response: Response }): Outcome =>
  result.response.ok ? { ok: true } : { ok: false, problem: problemOf(result.error, result.response.status) };

/** One form of the case file: sends, shows the problem at its fields, reloads the case on success. */
export function StepForm(props: {
  title: string;
  submit: string;
  onSubmit: () => Promise<Outcome>;
  onDone: () => void;
  children: (errors: Record<string, string>) => ReactNode;
  /** More to say about a refusal (a 409 that points elsewhere), under the problem. */
  explain?: (problem: Problem) => ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await props.onSubmit().catch(() => ({ ok: false as const, problem: problemOf(null) }));
    setBusy(false);
    if (result.ok) props.onDone();
    else setProblem(result.problem);
  }
  return (
    <form className="card step" onSubmit={send} noValidate>
      <h3>{props.title}</h3>
      <ProblemBanner problem={problem} />
      {problem && props.explain?.(problem)}
      {props.children(fieldErrors(problem))}
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}
