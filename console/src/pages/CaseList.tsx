import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemOf, type Problem, type Schemas } from '../api';
import { formatTime, timeLeft } from '../format';
import { CodeSelect, Label, ProblemBanner } from '../ui';

type Item = Schemas['CaseListItemDto'];
type Deadline = Schemas['DeadlineItemDto'];

/** The nearest open deadline of each case (GET /deadlines), to show as time left or time overdue. */
async function nearestDeadlines(): Promise<Map<string, Deadline>> {
  const { data } = await api.GET('/api/v1/deadlines', { params: { query: { limit: 200 } } });
  const nearest = new Map<string, Deadline>();
  for (const item of data?.items ?? []) {
    const known = nearest.get(item.caseId);
    if (!known || item.dueAt < known.dueAt) nearest.set(item.caseId, item);
  }
  return nearest;
}

export function DeadlineCell({ deadline }: { deadline: Deadline | undefined }) {
  if (!deadline) return <span>—</span>;
  const left = timeLeft(deadline.dueAt);
  return (
    <span className={left.overdue ? 'overdue' : 'due'}>
      <Label list="deadlineKinds" code={deadline.kind} />: {left.text}
    </span>
  );
}

export function CaseList({ mine = false, status: fixedStatus }: { mine?: boolean; status?: Item['status'] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>(fixedStatus ?? '');
  const [category, setCategory] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [onlyMine, setOnlyMine] = useState(mine);
  const [items, setItems] = useState<Item[] | null>(null);
  const [deadlines, setDeadlines] = useState(new Map<string, Deadline>());
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    let live = true;
    setItems(null);
    void Promise.all([
      api.GET('/api/v1/cases', {
        params: {
          query: {
            limit: 200,
            ...(status ? { status: status as Item['status'] } : {}),
            ...(category ? { category: category as Item['category'] } : {}),
            ...(overdue ? { overdue: 'true' as const } : {}),
            ...(onlyMine ? { assignee: 'me' } : {}),
          },
        },
      }),
      nearestDeadlines(),
    ]).then(([{ data, error, response }, nearest]) => {
      if (!live) return;
      setProblem(data ? null : problemOf(error, response.status));
      setItems(data?.items ?? []);
      setDeadlines(nearest);
    });
    return () => {
      live = false;
    };
  }, [status, category, overdue, onlyMine]);

  return (
    <section>
      <h1>{fixedStatus ? t('approvals.title') : onlyMine ? t('cases.mine') : t('cases.title')}</h1>
      {!fixedStatus && (
        <div className="filters" role="search">
          <CodeSelect
            label={t('cases.status')}
            list="caseStatuses"
            value={status}
            onChange={setStatus}
            empty={t('common.all')}
          />
          <CodeSelect
            label={t('cases.category')}
            list="categories"
            value={category}
            onChange={setCategory}
            empty={t('common.all')}
          />
          <div className="check">
            <input id="f-overdue" type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
            <label htmlFor="f-overdue">{t('cases.overdueOnly')}</label>
          </div>
          <div className="check">
            <input id="f-mine" type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
            <label htmlFor="f-mine">{t('cases.assignedToMe')}</label>
          </div>
        </div>
      )}
      <ProblemBanner problem={problem} />
      {items === null && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('cases.none')}</p>}
      {items && items.length > 0 && (
        <table className="list">
          <caption className="sr-only">{t('cases.count', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.category')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.deadline')}</th>
              <th scope="col">{t('cases.assignee')}</th>
              <th scope="col">{t('cases.received')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className={item.emergency ? 'emergency' : undefined}>
                <td data-label={t('cases.number')}>
                  <a href={`#/cases/${item.id}`}>{item.caseNumber}</a>
                </td>
                <td data-label={t('cases.category')}>
                  <Label list="forms" code={item.form} />
                </td>
                <td data-label={t('cases.status')}>
                  <Label list="caseStatuses" code={item.status} />
                  {item.riskLevel && (
                    <>
                      {' '}
                      · <Label list="riskLevels" code={item.riskLevel} />
                    </>
                  )}
                </td>
                <td data-label={t('cases.deadline')}>
                  <DeadlineCell deadline={deadlines.get(item.id)} />
                </td>
                <td data-label={t('cases.assignee')}>{item.assignee?.fullName ?? t('cases.unassigned')}</td>
                <td data-label={t('cases.received')}>{formatTime(item.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
