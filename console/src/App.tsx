import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, session, type Role, type Schemas } from './api';
import { CodesProvider, useCodes } from './codes';
import { go, useRoute } from './router';
import { SignIn } from './pages/SignIn';
import { ChangePassword } from './pages/ChangePassword';
import { Inbox, useUnreadCount } from './pages/Inbox';
import { Intake } from './pages/Intake';
import { Calls } from './pages/Calls';
import { CaseList } from './pages/CaseList';
import { CaseFile } from './pages/CaseFile';
import { WorkQueue } from './pages/WorkQueue';
import { Approvals } from './pages/Approvals';
import { Dashboard } from './pages/Dashboard';
import { AdminUsers, AdminAreas, AdminCalendar, AdminTargets } from './pages/Admin';
import { AuditLog } from './pages/AuditLog';

type Profile = Schemas['UserProfile'];

/** A session left alone this long locks itself: the token is forgotten, the next person must sign in. */
export const IDLE_LOCK_MS = 15 * 60 * 1000;

const CASE_ROLES: Role[] = ['commune_officer', 'commune_chair', 'provincial_officer'];
const AGENCY_ROLES: Role[] = ['police', 'health', 'justice', 'education', 'social'];

interface MenuItem {
  path: string;
  label: string;
}

/** What each role finds in its menu; the API decides what each screen may show. */
export function menuFor(role: Role): MenuItem[] {
  const items: MenuItem[] = [];
  const inbox = CASE_ROLES.includes(role) || AGENCY_ROLES.includes(role);
  if (inbox) items.push({ path: 'inbox', label: 'nav.inbox' });
  if (role === 'hotline_operator')
    items.push({ path: 'intake', label: 'nav.intake' }, { path: 'calls', label: 'calls.title' });
  if (CASE_ROLES.includes(role))
    items.push({ path: 'cases/mine', label: 'nav.myCases' }, { path: 'cases', label: 'nav.cases' });
  if (role === 'commune_chair' || role === 'provincial_officer')
    items.push({ path: 'approvals', label: 'nav.approvals' });
  if (CASE_ROLES.includes(role)) items.push({ path: 'intake', label: 'nav.intake' });
  if (AGENCY_ROLES.includes(role))
    items.push({ path: 'queue', label: 'nav.queue' }, { path: 'intake', label: 'nav.intake' });
  if (role === 'manager' || CASE_ROLES.includes(role)) items.push({ path: 'dashboard', label: 'nav.dashboard' });
  if (role === 'admin')
    items.push(
      { path: 'admin/users', label: 'nav.users' },
      { path: 'admin/areas', label: 'nav.areas' },
      { path: 'admin/calendar', label: 'nav.holidays' },
      { path: 'admin/targets', label: 'nav.targets' },
    );
  if (role === 'auditor') items.push({ path: 'audit', label: 'nav.audit' });
  items.push({ path: 'password', label: 'nav.password' });
  return items;
}

export function App() {
  return (
    <CodesProvider>
      <Shell />
    </CodesProvider>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="link"
      lang={next}
      onClick={() => {
        void i18n.changeLanguage(next);
        localStorage.setItem('cms.lang', next);
      }}
    >
      {t('lang.switch')}
    </button>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [mustChange, setMustChange] = useState<{
    password: string;
    setByAdmin?: { by: string; at: string };
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(session.token()));
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  const signOut = useCallback((message: string | null) => {
    session.end();
    setProfile(null);
    setMustChange(null);
    setNotice(message);
    go('');
  }, []);

  useEffect(() => {
    session.onUnauthorized(() => signOut('auth.expired'));
  }, [signOut]);

  const loadProfile = useCallback(async () => {
    const { data } = await api.GET('/api/v1/users/me');
    setLoading(false);
    if (data) setProfile(data);
  }, []);

  useEffect(() => {
    if (session.token()) void loadProfile();
  }, [loadProfile]);

  // The idle lock: any key, click or touch resets the timer.
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!profile && !mustChange) return;
    const reset = () => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => signOut('auth.idleLocked'), IDLE_LOCK_MS);
    };
    reset();
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    events.forEach((name) => window.addEventListener(name, reset, { passive: true }));
    return () => {
      window.clearTimeout(timer.current);
      events.forEach((name) => window.removeEventListener(name, reset));
    };
  }, [profile, mustChange, signOut]);

  if (loading) return <p className="loading">{t('common.loading')}</p>;

  if (mustChange)
    return (
      <Frame title={t('password.title')}>
        <ChangePassword
          required
          currentPassword={mustChange.password}
          setByAdmin={mustChange.setByAdmin}
          onChanged={() => signOut('password.changedSignIn')}
        />
      </Frame>
    );

  if (!profile)
    return (
      <Frame title={t('auth.title')}>
        <SignIn
          notice={notice ? t(notice) : null}
          onSignedIn={(result, password) => {
            setNotice(null);
            if (result.passwordChangeRequired) setMustChange({ password, setByAdmin: result.passwordSetByAdmin });
            else void loadProfile();
          }}
        />
      </Frame>
    );

  return <Workspace profile={profile} route={route} onSignOut={() => signOut('auth.signedOut')} />;
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="frame">
      <header className="bar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="narrow">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

function Workspace({ profile, route, onSignOut }: { profile: Profile; route: string[]; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { label } = useCodes();
  const menu = menuFor(profile.role);
  const hasInbox = menu.some((item) => item.path === 'inbox');
  const unread = useUnreadCount(hasInbox, route.join('/'));
  const [menuOpen, setMenuOpen] = useState(false);
  const current = route.join('/') || menu[0].path;

  useEffect(() => {
    if (!route.length) go(menu[0].path);
    setMenuOpen(false);
  }, [route.join('/')]);

  return (
    <div className="frame">
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skip')}
      </a>
      <header className="bar">
        <span className="brand">{t('app.name')}</span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('nav.menu')}
        </button>
        <span className="who">
          {profile.fullName} · {label('roles', profile.role)} · {profile.areaCode}
        </span>
        <LanguageSwitch />
        <button type="button" className="link" onClick={onSignOut}>
          {t('auth.signOut')}
        </button>
      </header>
      <div className="layout">
        <nav id="nav" aria-label={t('nav.label')} className={menuOpen ? 'open' : ''}>
          <ul>
            {menu.map((item) => (
              <li key={item.path}>
                <a href={`#/${item.path}`} aria-current={current === item.path ? 'page' : undefined}>
                  {t(item.label)}
                  {item.path === 'inbox' && unread > 0 && (
                    <span className="badge" aria-label={t('inbox.unreadCount', { count: unread })}>
                      {unread}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Page profile={profile} route={route.length ? route : menu[0].path.split('/')} />
        </main>
      </div>
    </div>
  );
}

function Page({ profile, route }: { profile: Profile; route: string[] }) {
  const [first, second] = route;
  switch (first) {
    case 'inbox':
      return <Inbox />;
    case 'intake':
      return <Intake profile={profile} />;
    case 'calls':
      return <Calls />;
    case 'cases':
      if (second === 'mine') return <CaseList key="mine" mine />;
      if (second) return <CaseFile key={second} id={second} profile={profile} />;
      return <CaseList key="all" />;
    case 'queue':
      return <WorkQueue profile={profile} />;
    case 'approvals':
      return <Approvals />;
    case 'dashboard':
      return <Dashboard profile={profile} />;
    case 'admin':
      if (second === 'areas') return <AdminAreas />;
      if (second === 'calendar') return <AdminCalendar />;
      if (second === 'targets') return <AdminTargets />;
      return <AdminUsers />;
    case 'audit':
      return <AuditLog />;
    case 'password':
      return <ChangePassword email={profile.email} />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('common.notFound')}</h1>;
}
