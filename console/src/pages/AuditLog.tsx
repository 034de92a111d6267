import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemOf, type Problem, type Schemas } from '../api';
import { formatTime, localToIso } from '../format';
import { Label, ProblemBanner, TextField } from '../ui';

export function AuditLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ from: '', to: '', username: '', caseId: '' });
  const [items, setItems] = useState<Schemas['AuditItem'][] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = (name: keyof typeof filters) => (value: string) => setFilters({ ...filters, [name]: value });

  async function search(event: FormEvent | null, after?: string) {
    event?.preventDefault();
    const query = {
      limit: 200,
      ...(filters.from ? { from: localToIso(filters.from) } : {}),
      ...(filters.to ? { to: localToIso(filters.to) } : {}),
      ...(filters.username.trim() ? { username: filters.username.trim() } : {}),
      ...(filters.caseId.trim() ? { caseId: filters.caseId.trim() } : {}),
      ...(after ? { cursor: after } : {}),
    };
    const { data, error, response } = await api.GET('/api/v1/audit', { params: { query } });
    setProblem(data ? null : problemOf(error, response.status));
    setItems(after ? [...(items ?? []), ...(data?.items ?? [])] : (data?.items ?? []));
    setCursor(data?.nextCursor ?? null);
  }

  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <form className="filters" role="search" onSubmit={(e) => void search(e)}>
        <TextField label={t('audit.from')} type="datetime-local" value={filters.from} onChange={set('from')} />
        <TextField label={t('audit.to')} type="datetime-local" value={filters.to} onChange={set('to')} />
        <TextField label={t('auth.username')} value={filters.username} onChange={set('username')} />
        <TextField label={t('audit.caseId')} value={filters.caseId} onChange={set('caseId')} />
        <button type="submit">{t('audit.search')}</button>
      </form>
      <ProblemBanner problem={problem} />
      {items && items.length === 0 && <p>{t('audit.empty')}</p>}
      {items && items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('auth.username')}</th>
              <th scope="col">{t('admin.role')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.record')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td data-label={t('audit.at')}>{formatTime(item.at)}</td>
                <td data-label={t('auth.username')}>{item.username ?? '—'}</td>
                <td data-label={t('admin.role')}>
                  <Label list="roles" code={item.role} />
                </td>
                <td data-label={t('audit.action')}>{item.action}</td>
                <td data-label={t('audit.record')}>
                  {item.subjectType}{' '}
                  {item.caseId ? <a href={`#/cases/${item.caseId}`}>{item.caseId.slice(0, 8)}</a> : item.subjectId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => void search(null, cursor)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
