import { useEffect, type ReactNode } from 'react';
import type { Me } from './api-types.ts';
import { AppShell, PublicLayout } from './components/app-shell.tsx';
import { describeError, ErrorMessage, Loading } from './components/feedback.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { AccountPage } from './pages/account-page.tsx';
import { CampaignPage } from './pages/case/campaign-page.tsx';
import { CasePage } from './pages/case/case-page.tsx';
import { CasesPage } from './pages/cases-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MailboxPage, MailMessagePage } from './pages/mailbox-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OrganisationPage } from './pages/organisation-page.tsx';
import { RegisterPage } from './pages/register-page.tsx';
import { ReportNewPage } from './pages/reports/report-new-page.tsx';
import { ReportPage } from './pages/reports/report-page.tsx';
import { ReportsPage } from './pages/reports/reports-page.tsx';
import { SetupPage } from './pages/setup-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { permissions } from './permissions.ts';
import { matchPath, safeReturnPath } from './route-match.ts';
import { navigate, useLocation } from './router.tsx';
import { useSession } from './session.tsx';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

interface Route {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
  allowed?: (user: Me) => boolean;
}

const signedInRoutes: Route[] = [
  { path: '/', render: () => <DashboardPage /> },
  { path: '/cases', render: () => <CasesPage /> },
  { path: '/cases/:id', render: (p) => <CasePage caseId={p.id ?? ''} /> },
  { path: '/cases/:id/campaigns/:cid', render: (p) => <CampaignPage caseId={p.id ?? ''} campaignId={p.cid ?? ''} />, allowed: (user) => permissions.runCampaigns(user.role) },
  { path: '/reports', render: () => <ReportsPage />, allowed: (user) => permissions.triageReports(user.role) },
  { path: '/reports/new', render: () => <ReportNewPage /> },
  { path: '/reports/:id', render: (p) => <ReportPage reportId={p.id ?? ''} />, allowed: (user) => permissions.triageReports(user.role) },
  { path: '/register', render: () => <RegisterPage /> },
  { path: '/organisation', render: () => <OrganisationPage /> },
  { path: '/users', render: () => <UsersPage />, allowed: (user) => permissions.listUsers(user.role) },
  { path: '/mailbox', render: () => <MailboxPage />, allowed: (user) => permissions.readMailbox(user.role) },
  { path: '/mailbox/:id', render: (p) => <MailMessagePage messageId={p.id ?? ''} />, allowed: (user) => permissions.readMailbox(user.role) },
  { path: '/account', render: () => <AccountPage /> },
];

function renderSignedIn(pathname: string, user: Me): ReactNode {
  for (const route of signedInRoutes) {
    const params = matchPath(route.path, pathname);
    // A page the role may not use looks exactly like one that does not exist, as in the API.
    if (params && (!route.allowed || route.allowed(user))) return route.render(params);
  }
  return <NotFoundPage />;
}

export function App() {
  const { t } = useI18n();
  const session = useSession();
  const { pathname, search, href } = useLocation();
  const { state } = session;

  const setup = matchPath('/setup/:token', pathname);
  if (setup) {
    return (
      <PublicLayout>
        <SetupPage token={setup.token ?? ''} />
      </PublicLayout>
    );
  }

  if (state.status === 'loading') {
    return (
      <PublicLayout>
        <Loading label={t('app.loading')} />
      </PublicLayout>
    );
  }

  if (state.status === 'failed') {
    return (
      <PublicLayout>
        <ErrorMessage>{describeError(state.error, t)}</ErrorMessage>
        <button type="button" className="button" onClick={session.retry}>
          {t('common.retry')}
        </button>
      </PublicLayout>
    );
  }

  if (matchPath('/login', pathname)) {
    if (state.status === 'signed-in') return <Redirect to={safeReturnPath(search.get('next'))} />;
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    );
  }

  if (state.status === 'anonymous') {
    const next = safeReturnPath(href);
    return <Redirect to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} />;
  }

  // Until the required second factor is set up, the server refuses everything else: go where it is set up.
  if (state.user.mfaEnrolmentRequired && pathname !== '/account') return <Redirect to="/account" />;

  return <AppShell>{renderSignedIn(pathname, state.user)}</AppShell>;
}
