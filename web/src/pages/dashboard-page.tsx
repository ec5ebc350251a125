import { api } from '../api.ts';
import { CaseTable } from '../components/case-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { countOpenCases, newestFirst } from '../case-list.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

const previewSize = 5;

export function DashboardPage() {
  const { t } = useI18n();
  const cases = useResource(() => api.listCases().then((r) => r.cases), []);
  return (
    <>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <ResourceView resource={cases}>
        {(list) => (
          <>
            <dl className="stats">
              <div className="stat">
                <dt>{t('dashboard.openCases')}</dt>
                <dd>{countOpenCases(list)}</dd>
              </div>
              <div className="stat">
                <dt>{t('dashboard.totalCases')}</dt>
                <dd>{list.length}</dd>
              </div>
            </dl>
            <section aria-labelledby="latest-cases">
              <h2 id="latest-cases">{t('dashboard.latestCases')}</h2>
              {list.length === 0 ? (
                <p className="empty">{t('cases.empty')}</p>
              ) : (
                <>
                  <CaseTable cases={newestFirst(list).slice(0, previewSize)} caption={t('dashboard.latestCases')} />
                  <p>
                    <Link to="/cases">{t('dashboard.viewAll')}</Link>
                  </p>
                </>
              )}
            </section>
          </>
        )}
      </ResourceView>
    </>
  );
}
