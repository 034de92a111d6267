import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemOf, session, type Problem, type Schemas } from '../api';
import { ProblemBanner, TextField } from '../ui';

export function SignIn(props: {
  notice: string | null;
  onSignedIn: (result: Schemas['TokenResponse'], password: string) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const { data, error, response } = await api
      .POST('/api/v1/auth/login', { body: { username, password } })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (!data) {
      // 401 and 429 (the lockout) are shown as the API words them.
      setProblem(problemOf(error, response?.status));
      return;
    }
    session.set(data.accessToken);
    props.onSignedIn(data, password);
  }

  return (
    <form onSubmit={submit} noValidate className="card">
      {props.notice && (
        <p className="notice" role="status">
          {props.notice}
        </p>
      )}
      <ProblemBanner problem={problem} />
      <TextField label={t('auth.username')} value={username} onChange={setUsername} autoComplete="username" required />
      <TextField
        label={t('auth.password')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        required
      />
      <button type="submit" disabled={busy}>
        {t('auth.signIn')}
      </button>
    </form>
  );
}
