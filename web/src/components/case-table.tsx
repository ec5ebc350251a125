import type { CaseSummary } from '../api-types.ts';
import { useNow } from '../clock/use-now.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { Countdown } from './countdown.tsx';

interface CaseTableProps {
  cases: readonly CaseSummary[];
  caption: string;
  showCreated?: boolean;
}

/** Cases as a table; the reference is the link, and a click anywhere on the row follows it. */
export function CaseTable({ cases, caption, showCreated = false }: CaseTableProps) {
  const { t, label, moment } = useI18n();
  const now = useNow(30_000);
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.col.reference')}</th>
            <th scope="col">{t('cases.col.title')}</th>
            <th scope="col">{t('cases.col.state')}</th>
            <th scope="col">{t('cases.col.risk')}</th>
            <th scope="col">{t('cases.col.nextDeadline')}</th>
            <th scope="col">{t('cases.col.owner')}</th>
            <th scope="col">{t('cases.col.awareAt')}</th>
            {showCreated ? <th scope="col">{t('cases.col.createdAt')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr
              key={c.id}
              className="row-link"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigate(`/cases/${encodeURIComponent(c.id)}`);
              }}
            >
              <th scope="row" className="nowrap">
                <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link>
              </th>
              <td>{c.title}</td>
              <td>
                <span className={`state state-${c.state === 'closed' ? 'closed' : 'open'}`}>{label('state', c.state)}</span>
              </td>
              <td>{c.riskOutcome ? <span className={`risk risk-${c.riskOutcome}`}>{label('risk', c.riskOutcome)}</span> : t('common.none')}</td>
              <td>
                {c.nextDeadline ? (
                  <>
                    <Countdown dueAt={c.nextDeadline.dueAt} now={now} />
                    <span className="cell-note">{label('obligation', c.nextDeadline.obligation)}</span>
                  </>
                ) : (
                  t('common.none')
                )}
              </td>
              <td>{c.ownerName ?? t('common.none')}</td>
              <td>{moment(c.awareAt)}</td>
              {showCreated ? <td>{moment(c.createdAt)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
