import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../api';
import { formatTime } from '../format';
import { Label } from '../ui';

type Notification = Schemas['NotificationItemDto'];

/** The unread count beside "Inbox": checked on each screen change and every minute. */
export function useUnreadCount(enabled: boolean, screen: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const check = () =>
      void api.GET('/api/v1/notifications', { params: { query: { unread: 'true', limit: 200 } } }).then(({ data }) => {
        if (live && data) setCount(data.items.length);
      });
    check();
    const every = window.setInterval(check, 60_000);
    const onRead = () => check();
    window.addEventListener('cms:notifications', onRead);
    return () => {
      live = false;
      window.clearInterval(every);
      window.removeEventListener('cms:notifications', onRead);
    };
  }, [enabled, screen]);
  return count;
}

export function Inbox() {
  const { t } = useTranslation();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const load = useCallback(async () => {
    const { data } = await api.GET('/api/v1/notifications', {
      params: { query: { limit: 200, ...(unreadOnly ? { unread: 'true' as const } : {}) } },
    });
    setItems(data?.items ?? []);
  }, [unreadOnly]);
  useEffect(() => {
    void load();
  }, [load]);

  async function markRead(id: string) {
    await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } });
    window.dispatchEvent(new Event('cms:notifications'));
    await load();
  }

  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      <div className="check">
        <input
          id="unread-only"
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.target.checked)}
        />
        <label htmlFor="unread-only">{t('inbox.unreadOnly')}</label>
      </div>
      {items === null && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('inbox.empty')}</p>}
      <ul className="cards">
        {items?.map((item) => (
          <li key={item.id} className={item.readAt ? 'card read' : 'card unread'}>
            <p>
              <strong>
                <Label list="notificationKinds" code={item.kind} />
              </strong>{' '}
              {item.deadlineKind && (
                <>
                  · <Label list="deadlineKinds" code={item.deadlineKind} />
                </>
              )}
            </p>
            <p>
              <a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a> · {formatTime(item.createdAt)}
              {item.dueAt && (
                <>
                  {' '}
                  · {t('inbox.due')} {formatTime(item.dueAt)}
                </>
              )}
            </p>
            {!item.readAt && (
              <button type="button" className="secondary" onClick={() => void markRead(item.id)}>
                {t('inbox.markRead', { number: item.caseNumber })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
