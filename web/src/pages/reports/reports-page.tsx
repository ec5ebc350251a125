import { api } from '../../api.ts';
import { reportStatuses } from '../../api-types.ts';
import { categoryLabel } from '../../case-facts-form.ts';
import { SelectField } from '../../components/field.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useResource } from '../../use-resource.ts';

export function personsRange(min: number | null, max: number | null): string | undefined {
  if (min === null && max === null) return undefined;
  if (min === max || max === null) return String(min);
  if (min === null) return `≤ ${max}`;
  return `${min}–${max}`;
}

export function ReportsPage() {
  const { t, label, locale, moment } = useI18n();
  const { search } = useLocation();
  const status = search.get('status') ?? 'new';
  const reports = useResource(() => api.listReports(status === 'all' ? undefined : status).then((r) => r.reports), [status]);
  return (
    <>
      <PageTitle>{t('reports.title')}</PageTitle>
      <div className="toolbar">
        <SelectField
          label={t('reports.filterStatus')}
          value={status}
          onChange={(e) => navigate(`/reports?status=${encodeURIComponent(e.target.value)}`, { replace: true })}
          options={[...reportStatuses.map((value) => ({ value, label: label('reportStatus', value) })), { value: 'all', label: t('reports.all') }]}
        />
        <Link className="button button-primary" to="/reports/new">
          {t('reports.new')}
        </Link>
      </div>
      <ResourceView resource={reports}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('reports.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption>{t('reports.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.col.reference')}</th>
                    <th scope="col">{t('reports.col.received')}</th>
                    <th scope="col">{t('reports.col.source')}</th>
                    <th scope="col">{t('reports.col.excerpt')}</th>
                    <th scope="col">{t('reports.col.categories')}</th>
                    <th scope="col">{t('reports.col.persons')}</th>
                    <th scope="col">{t('reports.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" className="nowrap">
                        <Link to={`/reports/${encodeURIComponent(r.id)}`}>{r.reference}</Link>
                      </th>
                      <td className="nowrap">{moment(r.createdAt)}</td>
                      <td>
                        {label('reportSource', r.source)}
                        {r.processorName ? ` · ${r.processorName}` : ''}
                        {r.reporterRole ? <span className="subtle"> ({label('reporterRole', r.reporterRole)})</span> : null}
                      </td>
                      <td>{r.excerpt}</td>
                      <td>{r.dataCategories.map((c) => categoryLabel(c, locale)).join(', ') || t('common.none')}</td>
                      <td className="nowrap">{personsRange(r.personsMin, r.personsMax) ?? t('common.none')}</td>
                      <td>
                        <span className={`state state-${r.status === 'new' ? 'open' : 'closed'}`}>{label('reportStatus', r.status)}</span>
                        {r.caseId ? (
                          <>
                            {' '}
                            <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{t('reports.openCase')}</Link>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
    </>
  );
}
