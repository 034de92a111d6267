import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, problemOf, type Problem } from '../api';
import { formatTime } from '../format';
import { Done, ProblemBanner, TextField } from '../ui';

/** Choosing one's own password: forced after a one-time password, or at any time from the menu. */
export function ChangePassword(props: {
  required?: boolean;
  currentPassword?: string;
  onChanged?: () => void;
  /** The signed-in user's own email (GET /users/me), shown beside the password. */
  email?: string | null;
  /** Which admin set the one-time password, and when (the sign-in's passwordSetByAdmin). */
  setByAdmin?: { by: string; at: string };
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(props.currentPassword ?? '');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(problem);
  const mismatch = repeat && next !== repeat ? t('password.mismatch') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || mismatch) return;
    setBusy(true);
    setProblem(null);
    const { error, response } = await api.POST('/api/v1/auth/password', {
      body: { currentPassword: current, newPassword: next },
    });
    setBusy(false);
    if (response.status !== 204) {
      setProblem(problemOf(error, response.status));
      return;
    }
    setDone(t('password.changed'));
    props.onChanged?.();
  }

  return (
    <form onSubmit={submit} noValidate className="card">
      {!props.required && <h1>{t('password.title')}</h1>}
      {props.email !== undefined && (
        <dl className="facts">
          <div>
            <dt>{t('email.yours')}</dt>
            <dd>{props.email ?? t('email.none')}</dd>
          </div>
        </dl>
      )}
      {props.required && (
        <p className="notice" role="status">
          {t('password.required')}
        </p>
      )}
      {props.setByAdmin && (
        <p className="notice" role="status">
          {t('password.setByAdmin', { by: props.setByAdmin.by, at: formatTime(props.setByAdmin.at) })}
        </p>
      )}
      <ProblemBanner problem={problem} />
      <Done message={done} />
      {!props.required && (
        <TextField
          label={t('password.current')}
          type="password"
          value={current}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
      )}
      <TextField
        label={t('password.new')}
        hint={t('password.rule')}
        type="password"
        value={next}
        onChange={setNext}
        error={errors.newPassword}
        autoComplete="new-password"
      />
      <TextField
        label={t('password.repeat')}
        type="password"
        value={repeat}
        onChange={setRepeat}
        error={mismatch}
        autoComplete="new-password"
      />
      <button type="submit" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
