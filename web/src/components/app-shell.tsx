import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { permissions } from '../permissions.ts';
import { NavLink, useLocation } from '../router.tsx';
import { useUser, useSession } from '../session.tsx';
import { describeError } from './feedback.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** After a client-side navigation the new page's heading takes focus, as a page load would reset it. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus();
  }, [pathname]);
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  useFocusOnNavigation();
  return (
    <div className="public-layout">
      <SkipLink />
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t, label } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const [error, setError] = useState<string>();
  useFocusOnNavigation();

  const links = [
    { to: '/', text: t('nav.dashboard'), exact: true, show: true },
    { to: '/reports', text: t('nav.reports'), exact: false, show: permissions.triageReports(user.role) },
    { to: '/reports/new', text: t('nav.newReport'), exact: true, show: !permissions.triageReports(user.role) },
    { to: '/cases', text: t('nav.cases'), exact: false, show: true },
    { to: '/register', text: t('nav.register'), exact: false, show: true },
    { to: '/organisation', text: t('nav.organisation'), exact: false, show: true },
    { to: '/users', text: t('nav.users'), exact: false, show: permissions.listUsers(user.role) },
    { to: '/mailbox', text: t('nav.mailbox'), exact: false, show: permissions.readMailbox(user.role) },
    { to: '/account', text: t('nav.account'), exact: false, show: true },
  ];

  return (
    <div className="app-layout">
      <SkipLink />
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="org-name">
            <span className="visually-hidden">{t('header.organisation')}: </span>
            {user.orgName}
          </span>
        </div>
        <div className="header-tools">
          <p className="current-user">
            <span className="visually-hidden">{t('header.user')} </span>
            <span className="user-name">{user.displayName}</span>
            <span className="user-role">{label('role', user.role)}</span>
          </p>
          <LanguageSwitch />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setError(undefined);
              signOut().catch((failure: unknown) => setError(describeError(failure, t)));
            }}
          >
            {t('header.signOut')}
          </button>
        </div>
        {error ? (
          <p className="header-error" role="alert">
            {error}
          </p>
        ) : null}
      </header>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} exact={link.exact}>
                  {link.text}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
