import type { CaseDeadline, CaseParty } from '../../api-types.ts';
import { labelSummary, labelText } from '../../clock/countdown.ts';
import { useNow } from '../../clock/use-now.ts';
import { Countdown } from '../../components/countdown.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Every clock that applies, side by side; a running one counts down, a settled one says how it ended. */
export function CaseClocks({ deadlines, parties }: { deadlines: readonly CaseDeadline[]; parties: readonly CaseParty[] }) {
  const { t, label, locale, moment } = useI18n();
  const now = useNow(1000);
  if (deadlines.length === 0) return <p className="empty">{t('clocks.none')}</p>;
  return (
    <ul className="clocks" aria-label={t('clocks.title')}>
      {deadlines.map((d) => {
        const party = d.partyId ? parties.find((p) => p.id === d.partyId) : undefined;
        const summary = labelSummary(d.label, locale);
        return (
          <li key={`${d.obligation}-${d.partyId ?? ''}`} className={`clock clock-${d.status}`}>
            <p className="clock-title">{labelText(d.label, locale, d.obligation)}</p>
            {party ? <p className="clock-party">{party.name}</p> : null}
            <p className="clock-status">
              <span className={`status status-${d.status}`}>{label('deadlineStatus', d.status)}</span>
            </p>
            {d.status === 'open' || d.status === 'overdue' ? (
              <p className="clock-countdown">
                <Countdown dueAt={d.dueAt} now={now} />
              </p>
            ) : null}
            {d.dueAt ? (
              <p className="clock-meta">
                {t('clocks.dueAt')} {moment(d.dueAt)}
              </p>
            ) : null}
            {d.notifiedAt ? (
              <p className="clock-meta">
                {t('clocks.notifiedAt')} {moment(d.notifiedAt)}
              </p>
            ) : null}
            {d.status === 'not_applicable' && d.notApplicableReason ? <p className="clock-meta">{label('naReason', d.notApplicableReason)}</p> : null}
            <p className="clock-meta">{label('recipient', d.recipient)}</p>
            {d.delayReasonRequired && (d.status === 'open' || d.status === 'overdue') ? <p className="clock-warning">{t('clocks.delayReasonRequired')}</p> : null}
            {summary ? <p className="clock-summary">{summary}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
