import { api } from '../api.ts';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

export function CasePage({ caseId }: { caseId: string }) {
  const { t, label, moment } = useI18n();
  const breach = useResource(() => api.getCase(caseId), [caseId]);
  return (
    <>
      <p className="back-link">
        <Link to="/cases">← {t('case.back')}</Link>
      </p>
      {breach.status !== 'ready' ? <PageTitle>{t('cases.title')}</PageTitle> : null}
      <ResourceView resource={breach}>
        {(c) => (
          <article>
            <PageTitle>{c.title}</PageTitle>
            <dl className="facts">
              <div>
                <dt>{t('case.reference')}</dt>
                <dd>{c.reference}</dd>
              </div>
              <div>
                <dt>{t('case.state')}</dt>
                <dd>{label('state', c.state)}</dd>
              </div>
              <div>
                <dt>{t('case.awareAt')}</dt>
                <dd>{c.awareAt ? moment(c.awareAt) : t('case.awareAtUnknown')}</dd>
              </div>
              <div>
                <dt>{t('case.createdAt')}</dt>
                <dd>{moment(c.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('case.updatedAt')}</dt>
                <dd>{moment(c.updatedAt)}</dd>
              </div>
            </dl>
            <section aria-labelledby="case-summary">
              <h2 id="case-summary">{t('case.summary')}</h2>
              {c.summary.trim() ? <p className="prose">{c.summary}</p> : <p className="empty">{t('case.noSummary')}</p>}
            </section>
          </article>
        )}
      </ResourceView>
    </>
  );
}
