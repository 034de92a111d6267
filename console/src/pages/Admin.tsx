import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, problemOf, sendCsv, type Problem, type Role, type Schemas } from '../api';
import { CodeSelect, Done, Label, ProblemBanner, TextField } from '../ui';

type Result = { problem: Problem | null; message?: string };

/** A form that sends once at a time and shows what the API answered. */
function AdminForm(props: {
  title: string;
  submit: string;
  onSubmit: () => Promise<Result>;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setDone(null);
    const result = await props.onSubmit().catch(() => ({ problem: problemOf(null) }) as Result);
    setBusy(false);
    setProblem(result.problem);
    if (!result.problem) setDone(result.message ?? null);
  }
  return (
    <form className="card" onSubmit={send} noValidate>
      <h2>{props.title}</h2>
      <ProblemBanner problem={problem} />
      <Done message={done} />
      {props.children(fieldErrors(problem))}
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

const answer = (result: { error?: unknown; response: Response }, message: string): Result =>
  result.response.ok ? { problem: null, message } : { problem: problemOf(result.error, result.response.status) };

function CsvFile({ label, onText }: { label: string; onText: (text: string) => void }) {
  return (
    <div className="field">
      <label>
        {label}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(onText)} />
      </label>
    </div>
  );
}

export function AdminUsers() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<Schemas['UserProfile'][]>([]);
  const [form, setForm] = useState({ username: '', fullName: '', role: '', areaCode: '', password: '' });
  const [selected, setSelected] = useState('');
  const [resetPassword, setResetPassword] = useState('');
  const load = useCallback(async () => {
    const { data } = await api.GET('/api/v1/users', { params: { query: { limit: 200 } } });
    setUsers(data?.items ?? []);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  return (
    <section>
      <h1>{t('admin.users')}</h1>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('auth.username')}</th>
            <th scope="col">{t('admin.fullName')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.area')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td data-label={t('auth.username')}>{user.username}</td>
              <td data-label={t('admin.fullName')}>{user.fullName}</td>
              <td data-label={t('admin.role')}>
                <Label list="roles" code={user.role} />
              </td>
              <td data-label={t('admin.area')}>{user.areaCode}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm
        title={t('admin.createUser')}
        submit={t('admin.createUserSubmit')}
        onSubmit={async () => {
          const result = answer(
            await api.POST('/api/v1/users', {
              body: { ...form, role: form.role as Role, areaCode: form.areaCode.trim() },
            }),
            t('admin.userCreated'),
          );
          if (!result.problem) void load();
          return result;
        }}
      >
        {(errors) => (
          <>
            <TextField
              label={t('auth.username')}
              value={form.username}
              onChange={set('username')}
              error={errors.username}
            />
            <TextField
              label={t('admin.fullName')}
              value={form.fullName}
              onChange={set('fullName')}
              error={errors.fullName}
            />
            <CodeSelect
              label={t('admin.role')}
              list="roles"
              value={form.role}
              onChange={set('role')}
              error={errors.role}
            />
            <TextField
              label={t('admin.area')}
              value={form.areaCode}
              onChange={set('areaCode')}
              error={errors.areaCode}
            />
            <TextField
              label={t('admin.oneTimePassword')}
              hint={t('password.rule')}
              type="password"
              value={form.password}
              onChange={set('password')}
              error={errors.password}
              autoComplete="new-password"
            />
          </>
        )}
      </AdminForm>
      <AdminForm
        title={t('admin.manageUser')}
        submit={t('admin.resetSubmit')}
        onSubmit={async () =>
          answer(
            await api.PATCH('/api/v1/users/{id}', {
              params: { path: { id: selected } },
              body: { password: resetPassword },
            }),
            t('admin.passwordReset'),
          )
        }
      >
        {(errors) => (
          <>
            <UserSelect users={users} value={selected} onChange={setSelected} />
            <TextField
              label={t('admin.oneTimePassword')}
              hint={t('password.rule')}
              type="password"
              value={resetPassword}
              onChange={setResetPassword}
              error={errors.password}
              autoComplete="new-password"
            />
          </>
        )}
      </AdminForm>
      <AdminForm
        title={t('admin.deactivate')}
        submit={t('admin.deactivateSubmit')}
        onSubmit={async () =>
          answer(
            await api.PATCH('/api/v1/users/{id}', { params: { path: { id: selected } }, body: { active: false } }),
            t('admin.deactivated'),
          )
        }
      >
        {() => <UserSelect users={users} value={selected} onChange={setSelected} />}
      </AdminForm>
    </section>
  );
}

function UserSelect({
  users,
  value,
  onChange,
}: {
  users: Schemas['UserProfile'][];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label>
        {t('admin.user')}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.username} — {user.fullName}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function AdminAreas() {
  const { t } = useTranslation();
  const [area, setArea] = useState({ code: '', name: '', level: '', parentCode: '' });
  const [areasCsv, setAreasCsv] = useState('');
  const [populationCsv, setPopulationCsv] = useState('');
  const set = (name: keyof typeof area) => (value: string) => setArea({ ...area, [name]: value });
  return (
    <section>
      <h1>{t('admin.areas')}</h1>
      <AdminForm
        title={t('admin.createArea')}
        submit={t('admin.createAreaSubmit')}
        onSubmit={async () =>
          answer(
            await api.POST('/api/v1/areas', { body: { ...area, level: area.level as 'commune' } }),
            t('admin.areaCreated'),
          )
        }
      >
        {(errors) => (
          <>
            <TextField label={t('admin.code')} value={area.code} onChange={set('code')} error={errors.code} />
            <TextField label={t('admin.name')} value={area.name} onChange={set('name')} error={errors.name} />
            <CodeSelect
              label={t('admin.level')}
              list="areaLevels"
              value={area.level}
              onChange={set('level')}
              error={errors.level}
            />
            <TextField
              label={t('admin.parentCode')}
              value={area.parentCode}
              onChange={set('parentCode')}
              error={errors.parentCode}
            />
          </>
        )}
      </AdminForm>
      <AdminForm
        title={t('admin.importAreas')}
        submit={t('admin.importSubmit')}
        onSubmit={async () => {
          const result = await sendCsv('POST', '/api/v1/areas/import', areasCsv);
          const counts = result.body as { created?: number; updated?: number } | null;
          return {
            problem: result.problem,
            message: t('admin.imported', { created: counts?.created ?? 0, updated: counts?.updated ?? 0 }),
          };
        }}
      >
        {() => (
          <>
            <p className="hint">code,name,level,parent_code,valid_from,valid_to,successor_code</p>
            <CsvFile label={t('admin.csvFile')} onText={setAreasCsv} />
          </>
        )}
      </AdminForm>
      <AdminForm
        title={t('admin.importPopulation')}
        submit={t('admin.importSubmit')}
        onSubmit={async () => {
          const result = await sendCsv('PUT', '/api/v1/population', populationCsv);
          return { problem: result.problem, message: t('admin.populationImported') };
        }}
      >
        {() => (
          <>
            <p className="hint">area_code,year,sex,age,count</p>
            <CsvFile label={t('admin.csvFile')} onText={setPopulationCsv} />
          </>
        )}
      </AdminForm>
    </section>
  );
}

export function AdminCalendar() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [text, setText] = useState('');
  // The list is edited only once the chosen year's list has arrived: a late answer never overwrites typing.
  const [loadedYear, setLoadedYear] = useState<string | null>(null);
  useEffect(() => {
    if (!/^\d{4}$/.test(year)) return;
    let live = true;
    void api.GET('/api/v1/calendar/holidays', { params: { query: { year: Number(year) } } }).then(({ data }) => {
      if (!live) return;
      setText((data?.items ?? []).map((item) => `${item.date} ${item.name}`).join('\n'));
      setLoadedYear(year);
    });
    return () => {
      live = false;
    };
  }, [year]);
  return (
    <section>
      <h1>{t('admin.holidays')}</h1>
      <TextField label={t('dashboard.year')} type="number" value={year} onChange={setYear} />
      {loadedYear !== year && <p>{t('common.loading')}</p>}
      {loadedYear === year && (
        <AdminForm
          title={t('admin.holidayList')}
          submit={t('admin.save')}
          onSubmit={async () => {
            const items = text
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => ({ date: line.slice(0, 10), name: line.slice(10).trim() }));
            return answer(await api.PUT('/api/v1/calendar/holidays', { body: items }), t('admin.saved'));
          }}
        >
          {(errors) => (
            <TextField
              label={t('admin.holidayLines')}
              hint={t('admin.holidayHint')}
              multiline
              value={text}
              onChange={setText}
              error={Object.values(errors).join('; ') || undefined}
            />
          )}
        </AdminForm>
      )}
    </section>
  );
}

export function AdminTargets() {
  const { t } = useTranslation();
  const [target, setTarget] = useState({
    indicator: '',
    areaCode: '',
    year: String(new Date().getFullYear()),
    value: '',
    kind: 'max',
  });
  const set = (name: keyof typeof target) => (value: string) => setTarget({ ...target, [name]: value });
  return (
    <section>
      <h1>{t('admin.targets')}</h1>
      <AdminForm
        title={t('admin.setTarget')}
        submit={t('admin.save')}
        onSubmit={async () =>
          answer(
            await api.PUT('/api/v1/statistics/targets', {
              body: {
                indicator: target.indicator as 'abuse',
                areaCode: target.areaCode.trim(),
                year: Number(target.year),
                value: Number(target.value),
                kind: target.kind as 'max',
              },
            }),
            t('admin.saved'),
          )
        }
      >
        {(errors) => (
          <>
            <CodeSelect
              label={t('dashboard.indicator')}
              list="indicators"
              value={target.indicator}
              onChange={set('indicator')}
              error={errors.indicator}
            />
            <TextField
              label={t('admin.area')}
              value={target.areaCode}
              onChange={set('areaCode')}
              error={errors.areaCode}
            />
            <TextField
              label={t('dashboard.year')}
              type="number"
              value={target.year}
              onChange={set('year')}
              error={errors.year}
            />
            <TextField
              label={t('admin.targetValue')}
              hint={t('admin.targetHint')}
              type="number"
              value={target.value}
              onChange={set('value')}
              error={errors.value}
            />
            <div className="field">
              <label>
                {t('admin.targetKind')}
                <select value={target.kind} onChange={(e) => set('kind')(e.target.value)}>
                  <option value="max">{t('admin.kindMax')}</option>
                  <option value="min">{t('admin.kindMin')}</option>
                </select>
              </label>
            </div>
          </>
        )}
      </AdminForm>
    </section>
  );
}
