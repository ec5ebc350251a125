import { api } from '../../api.ts';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useResource } from '../../use-resource.ts';

/** Details are free-form per action; shown as short key: value pairs so nothing recorded is hidden. */
function detailText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' · ');
}

export function CaseTimelineSection({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const { t, label, moment } = useI18n();
  const events = useResource(() => api.getTimeline(caseId).then((r) => r.events), [caseId, refreshKey]);
  return (
    <section id="case-timeline" className="card" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t('case.section.timeline')}</h2>
      <ResourceView resource={events}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('timeline.empty')}</p>
          ) : (
            <ol className="timeline">
              {list.map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.at}>{moment(e.at)}</time>
                  <span className="timeline-action">{label('action', e.action)}</span>
                  <span className="subtle">{e.actorName ?? t('timeline.system')}</span>
                  {detailText(e.details) ? <span className="timeline-details">{detailText(e.details)}</span> : null}
                </li>
              ))}
            </ol>
          )
        }
      </ResourceView>
    </section>
  );
}
