import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, problemOf, sendCsv, type Problem, type Role, type Schemas } from '../api';
import { CodeSelect, Done, Field, Label, ProblemBanner, TextField } from '../ui';

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
  const [form, setForm] = useState({ username: '', fullName: '', role: '', areaCode: '', password: '', email: '' });
  const [email, setEmail] = useState('');
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
            <th scope="col">{t('email.label')}</th>
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
              <td data-label={t('email.label')}>{user.email ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm
        title={t('admin.createUser')}
        submit={t('admin.createUserSubmit')}
        onSubmit={async () => {
          const sent = await api.POST('/api/v1/users', {
            body: {
              ...form,
              role: form.role as Role,
              areaCode: form.areaCode.trim(),
              email: form.email.trim() || undefined,
              // Left empty for a user with an email: the service makes one and mails it.
              password: form.password || undefined,
            },
          });
          const result = answer(sent, t(sent.data?.passwordMailed ? 'admin.userCreatedMailed' : 'admin.userCreated'));
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
              label={t('email.label')}
              hint={t('email.hint')}
              type="email"
              value={form.email}
              onChange={set('email')}
              error={errors.email}
              autoComplete="off"
            />
            <TextField
              label={t('admin.oneTimePassword')}
              hint={t('admin.oneTimePasswordHint')}
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
        title={t('email.edit')}
        submit={t('email.editSubmit')}
        onSubmit={async () => {
          const result = answer(
            await api.PATCH('/api/v1/users/{id}', {
              params: { path: { id: selected } },
              body: { email: email.trim() || null },
            }),
            t('email.saved'),
          );
          if (!result.problem) void load();
          return result;
        }}
      >
        {(errors) => (
          <>
            <UserSelect
              users={users}
              value={selected}
              onChange={(id) => {
                setSelected(id);
                setEmail(users.find((user) => user.id === id)?.email ?? '');
              }}
            />
            <TextField
              label={t('email.label')}
              hint={t('email.editHint')}
              type="email"
              value={email}
              onChange={setEmail}
              error={errors.email}
              autoComplete="off"
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
              // Left empty: the service makes one and mails it to the user's email.
              body: resetPassword ? { password: resetPassword } : { resetPassword: true },
            }),
            t(resetPassword ? 'admin.passwordReset' : 'admin.passwordMailed'),
          )
        }
      >
        {(errors) => (
          <>
            <UserSelect users={users} value={selected} onChange={setSelected} />
            <TextField
              label={t('admin.oneTimePassword')}
              hint={t('admin.resetPasswordHint')}
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
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('admin.user')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.username} — {user.fullName}
          </option>
        ))}
      </select>
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

/** KPI targets are shares in per cent only. */
const kpiIndicator = (code: string) => code === 'supported_in_time' || code === 'initial_assessment_on_time';

export function AdminTargets() {
  const { t } = useTranslation();
  const [target, setTarget] = useState({
    indicator: '',
    areaCode: '',
    year: String(new Date().getFullYear()),
    value: '',
    unit: 'per100k',
    kind: 'max',
  });
  const [list, setList] = useState<Schemas['TargetViewDto'][] | null>(null);
  const [listed, setListed] = useState<Problem | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const kpi = kpiIndicator(target.indicator);
  const load = useCallback(async () => {
    const year = Number(target.year);
    const { data, error, response } = await api.GET('/api/v1/statistics/targets', {
      params: { query: { year: Number.isInteger(year) && year > 1999 ? year : undefined } },
    });
    setList(data?.items ?? []);
    setListed(data ? null : problemOf(error, response.status));
  }, [target.year]);
  useEffect(() => {
    void load();
  }, [load]);
  const set = (name: keyof typeof target) => (value: string) => setTarget({ ...target, [name]: value });
  async function remove(item: Schemas['TargetViewDto']) {
    setRemoved(null);
    const { error, response } = await api.DELETE('/api/v1/statistics/targets', {
      params: { query: { indicator: item.indicator, areaCode: item.areaCode, year: item.year } },
    });
    setListed(response.ok ? null : problemOf(error, response.status));
    if (response.ok) setRemoved(t('targets.deleted'));
    void load();
  }
  return (
    <section>
      <h1>{t('admin.targets')}</h1>
      <AdminForm
        title={t('admin.setTarget')}
        submit={t('admin.save')}
        onSubmit={async () => {
          const result = answer(
            await api.PUT('/api/v1/statistics/targets', {
              body: {
                indicator: target.indicator as 'abuse',
                areaCode: target.areaCode.trim(),
                year: Number(target.year),
                value: Number(target.value),
                unit: kpi ? 'percent' : (target.unit as 'per100k'),
                kind: target.kind as 'max',
              },
            }),
            t('admin.saved'),
          );
          if (!result.problem) void load();
          return result;
        }}
      >
        {(errors) => (
          <>
            <CodeSelect
              label={t('dashboard.indicator')}
              list={['indicators', 'kpiTargetIndicators']}
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
              label={t('targets.value')}
              hint={t('targets.valueHint')}
              type="number"
              value={target.value}
              onChange={set('value')}
              error={errors.value}
            />
            <Field label={t('targets.unit')} error={errors.unit}>
              {(a11y) => (
                <select
                  {...a11y}
                  value={kpi ? 'percent' : target.unit}
                  disabled={kpi}
                  onChange={(e) => set('unit')(e.target.value)}
                >
                  <option value="per100k">{t('targets.per100k')}</option>
                  <option value="percent">{t('targets.percent')}</option>
                </select>
              )}
            </Field>
            <Field label={t('admin.targetKind')} error={errors.kind}>
              {(a11y) => (
                <select {...a11y} value={target.kind} onChange={(e) => set('kind')(e.target.value)}>
                  <option value="max">{t('admin.kindMax')}</option>
                  <option value="min">{t('admin.kindMin')}</option>
                </select>
              )}
            </Field>
          </>
        )}
      </AdminForm>
      <h2>{t('targets.list')}</h2>
      <ProblemBanner problem={listed} />
      <Done message={removed} />
      {list && list.length === 0 && <p>{t('targets.none')}</p>}
      {list && list.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.indicator')}</th>
              <th scope="col">{t('admin.area')}</th>
              <th scope="col">{t('dashboard.year')}</th>
              <th scope="col">{t('targets.value')}</th>
              <th scope="col">{t('admin.targetKind')}</th>
              <th scope="col">{t('targets.delete')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((item) => (
              <tr key={`${item.indicator}-${item.areaCode}-${item.year}`}>
                <td data-label={t('dashboard.indicator')}>
                  <Label
                    list={kpiIndicator(item.indicator) ? 'kpiTargetIndicators' : 'indicators'}
                    code={item.indicator}
                  />
                </td>
                <td data-label={t('admin.area')}>{item.areaCode}</td>
                <td data-label={t('dashboard.year')}>{item.year}</td>
                <td data-label={t('targets.value')}>
                  {item.value} {item.unit === 'percent' ? '%' : t('targets.per100k')}
                  {item.unit === 'percent' && item.per100k !== null && ` (${item.per100k} ${t('targets.per100k')})`}
                </td>
                <td data-label={t('admin.targetKind')}>
                  {item.kind === 'max' ? t('admin.kindMax') : t('admin.kindMin')}
                </td>
                <td data-label={t('targets.delete')}>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('targets.deleteLabel', {
                      indicator: item.indicator,
                      area: item.areaCode,
                      year: item.year,
                    })}
                    onClick={() => void remove(item)}
                  >
                    {t('targets.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
