import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemOf, type Problem, type Schemas } from '../api';
import { timeLeft } from '../format';
import { CodeSelect, Label, ProblemBanner } from '../ui';

type Item = Schemas['InterventionQueueItemDto'];

/** Overdue first, then the nearest due time. */
export const queueOrder = (a: Item, b: Item) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt);

export function WorkQueue({ profile }: { profile: Schemas['UserProfile'] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/interventions', {
        params: { query: { limit: 200, ...(status ? { status: status as Item['status'] } : {}) } },
      })
      .then(({ data, error, response }) => {
        if (!live) return;
        setProblem(data ? null : problemOf(error, response.status));
        setItems([...(data?.items ?? [])].sort(queueOrder));
      });
    return () => {
      live = false;
    };
  }, [status]);

  return (
    <section>
      <h1>
        {t('queue.title')} · <Label list="agencies" code={profile.role} />
      </h1>
      <div className="filters" role="search">
        <CodeSelect
          label={t('queue.status')}
          list="interventionStatuses"
          value={status}
          onChange={setStatus}
          empty={t('common.all')}
        />
      </div>
      <ProblemBanner problem={problem} />
      {items === null && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('queue.empty')}</p>}
      {items && items.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('queue.type')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col">{t('queue.due')}</th>
              <th scope="col">{t('queue.area')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const left = timeLeft(item.dueAt);
              const open = !['completed', 'rejected', 'prosecuted', 'not_prosecuted'].includes(item.status);
              return (
                <tr key={item.id}>
                  <td data-label={t('cases.number')}>
                    <a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a>
                  </td>
                  <td data-label={t('queue.type')}>
                    <Label list="interventionTypes" code={item.type} />
                  </td>
                  <td data-label={t('queue.status')}>
                    <Label list="interventionStatuses" code={item.status} />
                  </td>
                  <td data-label={t('queue.due')}>
                    {open ? <span className={item.overdue ? 'overdue' : 'due'}>{left.text}</span> : '—'}
                  </td>
                  <td data-label={t('queue.area')}>{item.areaCode}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
