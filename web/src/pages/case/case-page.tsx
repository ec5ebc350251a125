import { api } from '../../api.ts';
import type { CaseDetail } from '../../api-types.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { useResource } from '../../use-resource.ts';
import { CaseApDraftsSection } from './case-ap-drafts-section.tsx';
import { CaseAssessmentSection } from './case-assessment-section.tsx';
import { permissions } from '../../permissions.ts';
import { useUser } from '../../session.tsx';
import { CaseCampaignsSection } from './case-campaigns-section.tsx';
import { CaseClocks } from './case-clocks.tsx';
import { CaseCommentsSection } from './case-comments-section.tsx';
import { CaseDataSection } from './case-data-section.tsx';
import { CaseFactsSection } from './case-facts-section.tsx';
import { CaseFilesSection } from './case-files-section.tsx';
import { CaseIncidentPageSection } from './case-incident-page-section.tsx';
import { CaseOwner } from './case-owner.tsx';
import { CaseRegulatorSection } from './case-regulator-section.tsx';
import { CaseStateSection } from './case-state-section.tsx';
import { CaseTasksSection } from './case-tasks-section.tsx';
import { CaseTimelineSection } from './case-timeline-section.tsx';

const sections = ['facts', 'data', 'assessment', 'tasks', 'drafts', 'regulator', 'campaigns', 'incident-page', 'state', 'files', 'comments', 'timeline'] as const;

/** The war room of one breach: everything on one page, with anchors to jump between the parts. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t, label } = useI18n();
  const mayRunCampaigns = permissions.runCampaigns(useUser().role);
  const breach = useResource(() => api.getCase(caseId), [caseId]);
  // Changes elsewhere on the page (a notification, a transition) move the clocks and the timeline.
  const refreshKey = breach.status === 'ready' ? breach.data.updatedAt : '';
  return (
    <>
      <p className="back-link">
        <Link to="/cases">← {t('case.back')}</Link>
      </p>
      {breach.status !== 'ready' ? <PageTitle>{t('cases.title')}</PageTitle> : null}
      <ResourceView resource={breach}>
        {(c) => {
          const replace = (next: CaseDetail) => (breach.status === 'ready' ? breach.update(() => next) : undefined);
          // Refetched in place rather than reloaded, so that the page and its half-filled forms stay put.
          const refresh = () => void api.getCase(c.id).then(replace, () => undefined);
          return (
            <article className="stack">
              <header className="case-header">
                <p className="case-reference">{c.reference}</p>
                <PageTitle>{c.title}</PageTitle>
                <dl className="facts">
                  <div>
                    <dt>{t('case.state')}</dt>
                    <dd>
                      <span className={`state state-${c.state === 'closed' ? 'closed' : 'open'}`}>{label('state', c.state)}</span>
                      {c.notABreach ? <span className="subtle"> · {t('case.notABreach')}</span> : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('case.owner')}</dt>
                    <dd>
                      <CaseOwner breach={c} onChange={replace} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t('case.parties')}</dt>
                    <dd>{c.parties?.length ? c.parties.map((p) => `${p.name} (${label('partyRole', p.role)})`).join(', ') : t('common.none')}</dd>
                  </div>
                  <div>
                    <dt>{t('case.risk')}</dt>
                    <dd>{c.riskOutcome ? <span className={`risk risk-${c.riskOutcome}`}>{label('risk', c.riskOutcome)}</span> : t('case.riskUnknown')}</dd>
                  </div>
                  {c.reports?.length ? (
                    <div>
                      <dt>{t('case.reports')}</dt>
                      <dd>
                        {c.reports.map((r, i) => (
                          <span key={r.id}>
                            {i > 0 ? ', ' : ''}
                            <Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.reference}</Link>
                          </span>
                        ))}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </header>
              <section aria-labelledby="case-clocks">
                <h2 id="case-clocks">{t('clocks.title')}</h2>
                <CaseClocks deadlines={c.deadlines ?? []} parties={c.parties ?? []} />
              </section>
              <nav className="section-nav" aria-label={t('case.sections')}>
                <ul>
                  {sections.filter((s) => (s !== 'campaigns' && s !== 'incident-page') || mayRunCampaigns).map((s) => (
                    <li key={s}>
                      <a href={`#case-${s}`}>{t(`case.section.${s}`)}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              {c.summary?.trim() ? <p className="prose">{c.summary}</p> : null}
              <CaseFactsSection breach={c} onChange={replace} />
              <CaseDataSection caseId={c.id} onFactsChanged={refresh} />
              <CaseAssessmentSection breach={c} onDecided={refresh} />
              <CaseTasksSection caseId={c.id} />
              <CaseApDraftsSection breach={c} onSubmitted={refresh} />
              <CaseRegulatorSection breach={c} onRecorded={refresh} />
              {mayRunCampaigns ? <CaseCampaignsSection caseId={c.id} /> : null}
              {mayRunCampaigns ? <CaseIncidentPageSection caseId={c.id} reference={c.reference} /> : null}
              <CaseStateSection breach={c} onChange={replace} />
              <CaseFilesSection caseId={c.id} />
              <CaseCommentsSection caseId={c.id} />
              <CaseTimelineSection caseId={c.id} refreshKey={refreshKey} />
            </article>
          );
        }}
      </ResourceView>
    </>
  );
}
