import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, problemOf, type Problem, type Schemas } from '../api';
import { formatTime, localToIso } from '../format';
import { CodeSelect, Done, Label, ProblemBanner, TextField } from '../ui';

type Call = Schemas['CallDto'];
type NewCall = Schemas['CreateCallDto'];

/**
 * One call to the hotline, a report or not. With `reportId` it is the call of the report the
 * operator just filed (type `report`, fixed); without, any other type.
 */
export function CallForm({ reportId, onRecorded }: { reportId?: string; onRecorded?: (call: Call) => void }) {
  const { t } = useTranslation();
  const blank = () => ({
    channel: 'hotline_111',
    type: reportId ? 'report' : '',
    receivedAt: '',
    areaCode: '',
    notes: '',
  });
  const [form, setForm] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(problem);
  const set = (name: keyof ReturnType<typeof blank>) => (value: string) => setForm({ ...form, [name]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    const body: NewCall = {
      channel: form.channel as NewCall['channel'],
      type: form.type as NewCall['type'],
      receivedAt: localToIso(form.receivedAt),
      areaCode: form.areaCode.trim() || undefined,
      notes: form.notes.trim() || undefined,
      reportId: form.type === 'report' ? reportId : undefined,
    };
    const result = await api.POST('/api/v1/calls', { body }).catch(() => null);
    setBusy(false);
    if (!result?.data) {
      setProblem(problemOf(result?.error, result?.response.status));
      return;
    }
    setDone(t('calls.recorded'));
    setForm(blank());
    onRecorded?.(result.data);
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>{reportId ? t('calls.recordForReport') : t('calls.record')}</h2>
      <ProblemBanner problem={problem} />
      <Done message={done} />
      <CodeSelect
        label={t('calls.channel')}
        list="callChannels"
        value={form.channel}
        onChange={set('channel')}
        error={errors.channel}
      />
      {reportId ? (
        <p className="hint">{t('calls.reportLinked')}</p>
      ) : (
        <CodeSelect
          label={t('calls.type')}
          list="callTypes"
          value={form.type}
          onChange={set('type')}
          only={(option) => option.code !== 'report'}
          error={errors.type ?? errors.reportId}
        />
      )}
      <TextField
        label={t('calls.receivedAt')}
        hint={t('intake.receivedAtHint')}
        type="datetime-local"
        value={form.receivedAt}
        onChange={set('receivedAt')}
        error={errors.receivedAt}
      />
      <TextField
        label={t('calls.area')}
        hint={t('calls.areaHint')}
        value={form.areaCode}
        onChange={set('areaCode')}
        error={errors.areaCode}
      />
      <TextField label={t('calls.notes')} multiline value={form.notes} onChange={set('notes')} error={errors.notes} />
      <button type="submit" disabled={busy}>
        {busy ? t('common.sending') : t('calls.recordSubmit')}
      </button>
    </form>
  );
}

/** The hotline operator's call log: record a call, list one's own calls by dates and type. */
export function Calls() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState({ from: '', to: '', type: '' });
  const [applied, setApplied] = useState(filter);
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(async () => {
    const query = {
      limit: 100,
      from: applied.from ? `${applied.from}T00:00:00+07:00` : undefined,
      // `to` is exclusive: the whole of the day chosen counts.
      to: applied.to ? `${applied.to}T23:59:59.999+07:00` : undefined,
      type: (applied.type || undefined) as Call['type'] | undefined,
    };
    const { data, error, response } = await api.GET('/api/v1/calls', { params: { query } });
    setCalls(data?.items ?? []);
    setProblem(data ? null : problemOf(error, response.status));
  }, [applied]);
  useEffect(() => {
    void load();
  }, [load]);
  const set = (name: keyof typeof filter) => (value: string) => setFilter({ ...filter, [name]: value });

  return (
    <section>
      <h1>{t('calls.title')}</h1>
      <CallForm onRecorded={() => void load()} />
      <h2>{t('calls.mine')}</h2>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(filter);
        }}
      >
        <TextField label={t('calls.from')} type="date" value={filter.from} onChange={set('from')} />
        <TextField label={t('calls.to')} type="date" value={filter.to} onChange={set('to')} />
        <CodeSelect
          label={t('calls.type')}
          list="callTypes"
          value={filter.type}
          onChange={set('type')}
          empty={t('common.all')}
        />
        <button type="submit">{t('calls.filter')}</button>
      </form>
      <ProblemBanner problem={problem} />
      {calls && calls.length === 0 && <p>{t('calls.none')}</p>}
      {calls && calls.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('calls.receivedAt')}</th>
              <th scope="col">{t('calls.channel')}</th>
              <th scope="col">{t('calls.type')}</th>
              <th scope="col">{t('calls.area')}</th>
              <th scope="col">{t('calls.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id}>
                <td data-label={t('calls.receivedAt')}>{formatTime(call.receivedAt)}</td>
                <td data-label={t('calls.channel')}>
                  <Label list="callChannels" code={call.channel} />
                </td>
                <td data-label={t('calls.type')}>
                  <Label list="callTypes" code={call.type} />
                </td>
                <td data-label={t('calls.area')}>{call.areaCode ?? '—'}</td>
                <td data-label={t('calls.notes')} className="free-text">
                  {call.notes ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
