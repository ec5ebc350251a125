import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { caseStates, type RegisterEntry, type RegisterFilter } from '../api-types.ts';
import { breachCauses, categoryLabel } from '../case-facts-form.ts';
import { SelectField, TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { filterFromSearch, searchFromFilter } from '../register-filter.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { personsRange } from './reports/reports-page.tsx';

const outcomes = ['none', 'risk', 'high', 'undecided'] as const;

function Filters({ filter }: { filter: RegisterFilter }) {
  const { t, label } = useI18n();
  const [draft, setDraft] = useState<RegisterFilter>(filter);
  const set = (key: keyof RegisterFilter, value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  function apply(event: FormEvent) {
    event.preventDefault();
    navigate(`/register${searchFromFilter(draft)}`, { replace: true });
  }
  const any = (text: string) => [{ value: '', label: text }];
  return (
    <form className="card filters" onSubmit={apply} aria-label={t('register.filters')}>
      <div className="field-row">
        <TextField label={t('register.from')} type="date" value={draft.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        <TextField label={t('register.to')} type="date" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        <SelectField label={t('facts.cause')} value={draft.cause ?? ''} onChange={(e) => set('cause', e.target.value)} options={[...any(t('register.any')), ...breachCauses.map((v) => ({ value: v, label: label('cause', v) }))]} />
        <SelectField label={t('register.outcome')} value={draft.outcome ?? ''} onChange={(e) => set('outcome', e.target.value)} options={[...any(t('register.any')), ...outcomes.map((v) => ({ value: v, label: label('risk', v) }))]} />
        <SelectField
          label={t('register.notified')}
          value={draft.notified ?? ''}
          onChange={(e) => set('notified', e.target.value)}
          options={[...any(t('register.any')), { value: 'yes', label: t('tri.yes') }, { value: 'no', label: t('tri.no') }]}
        />
        <SelectField label={t('case.state')} value={draft.state ?? ''} onChange={(e) => set('state', e.target.value)} options={[...any(t('register.any')), ...caseStates.map((v) => ({ value: v, label: label('state', v) }))]} />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('register.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft({});
            navigate('/register', { replace: true });
          }}
        >
          {t('register.clear')}
        </button>
      </div>
    </form>
  );
}

function yesNo(value: boolean | null, t: (key: 'tri.yes' | 'tri.no' | 'common.none') => string): string {
  return value === null ? t('common.none') : value ? t('tri.yes') : t('tri.no');
}

function EntryRow({ e }: { e: RegisterEntry }) {
  const { t, label, locale, moment } = useI18n();
  return (
    <tr>
      <th scope="row" className="nowrap">
        <Link to={`/cases/${encodeURIComponent(e.caseId)}`}>{e.reference}</Link>
      </th>
      <td>
        {e.title}
        {e.notABreach ? <span className="cell-note">{t('case.notABreach')}</span> : null}
      </td>
      <td>{label('state', e.state)}</td>
      <td className="nowrap">{moment(e.awareAt)}</td>
      <td>{e.cause ? label('cause', e.cause) : t('common.none')}</td>
      <td>{e.categories.map((c) => categoryLabel(c, locale)).join(', ') || t('common.none')}</td>
      <td className="nowrap">{personsRange(e.personsMin, e.personsMax) ?? t('common.none')}</td>
      <td>{e.riskOutcome ? label('risk', e.riskOutcome) : t('common.none')}</td>
      <td className="nowrap">
        {moment(e.authorityNotifiedAt)}
        {e.authorityReference ? <span className="cell-note">{e.authorityReference}</span> : null}
      </td>
      <td>
        {yesNo(e.notifiedOnTime, t)}
        {e.delayReason ? <span className="cell-note">{e.delayReason}</span> : null}
      </td>
      <td>{yesNo(e.subjectsInformed, t)}</td>
      <td>
        {e.decisionReason || e.effects || e.remedialAction || e.closedReason ? (
          <details>
            <summary>{t('register.details')}</summary>
            <dl className="compact-facts">
              {e.effects ? (
                <>
                  <dt>{t('facts.effects')}</dt>
                  <dd>{e.effects}</dd>
                </>
              ) : null}
              {e.remedialAction ? (
                <>
                  <dt>{t('facts.remedialAction')}</dt>
                  <dd>{e.remedialAction}</dd>
                </>
              ) : null}
              {e.decisionReason ? (
                <>
                  <dt>{t('facts.decisionReason')}</dt>
                  <dd>{e.decisionReason}</dd>
                </>
              ) : null}
              {e.closedReason ? (
                <>
                  <dt>{t('register.closedReason')}</dt>
                  <dd>
                    {e.closedReason} ({moment(e.closedAt)})
                  </dd>
                </>
              ) : null}
            </dl>
          </details>
        ) : (
          t('common.none')
        )}
      </td>
    </tr>
  );
}

export function RegisterPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const query = searchFromFilter(filter);
  const entries = useResource(() => api.getRegister(filter).then((r) => r.entries), [query]);
  return (
    <>
      <PageTitle>{t('register.title')}</PageTitle>
      <p className="lead">{t('register.intro')}</p>
      <Filters key={query} filter={filter} />
      <p className="actions">
        <a className="button" href={api.registerExportUrl('csv', filter)} download>
          {t('register.exportCsv')}
        </a>
        <a className="button" href={api.registerExportUrl('pdf', filter)} target="_blank" rel="noopener">
          {t('register.exportPdf')}
        </a>
      </p>
      <ResourceView resource={entries}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('register.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table register-table">
                <caption>{t('register.caption', { count: list.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.col.reference')}</th>
                    <th scope="col">{t('cases.col.title')}</th>
                    <th scope="col">{t('cases.col.state')}</th>
                    <th scope="col">{t('cases.col.awareAt')}</th>
                    <th scope="col">{t('facts.cause')}</th>
                    <th scope="col">{t('facts.categories')}</th>
                    <th scope="col">{t('register.col.persons')}</th>
                    <th scope="col">{t('register.outcome')}</th>
                    <th scope="col">{t('register.col.authority')}</th>
                    <th scope="col">{t('register.col.onTime')}</th>
                    <th scope="col">{t('register.col.informed')}</th>
                    <th scope="col">{t('register.col.decision')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <EntryRow key={e.caseId} e={e} />
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
