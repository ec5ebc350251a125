import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { locales, nis2Classes, sectors, type Locale, type Nis2Class, type Organisation, type Sector } from '../api-types.ts';
import { describeError, ErrorMessage, fieldErrors, StatusMessage } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/field.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ResourceView } from '../components/resource-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { permissions } from '../permissions.ts';
import { useSession, useUser } from '../session.tsx';
import { useAction, useResource } from '../use-resource.ts';
import { ApiTokensSection, ProcessorReportLink, PublicReportSection } from './organisation-intake.tsx';

type Update = (change: (current: Organisation) => Organisation) => void;

function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

function DetailsSection({ org, canEdit, update }: { org: Organisation; canEdit: boolean; update: Update }) {
  const { t, label } = useI18n();
  const run = useAction();
  const user = useUser();
  const { signedIn } = useSession();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(org);
  const [error, setError] = useState<unknown>();
  const [nameError, setNameError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setNameError(draft.name.trim() ? undefined : t('organisation.error.nameRequired'));
    if (!draft.name.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await run(() =>
        api.updateOrganisation({ name: draft.name.trim(), sector: draft.sector, nis2: draft.nis2, timeZone: draft.timeZone, defaultLocale: draft.defaultLocale }),
      );
      update(() => next);
      // The header shows the organisation's name from the session; keep it in step without a reload.
      signedIn({ ...user, orgName: next.name });
      setEditing(false);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const issues = fieldErrors(error);
  return (
    <section className="card" aria-labelledby="org-details">
      <h2 id="org-details">{t('organisation.details')}</h2>
      {saved && !editing ? <StatusMessage>{t('common.saved')}</StatusMessage> : null}
      {!editing ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('organisation.name')}</dt>
              <dd>{org.name}</dd>
            </div>
            <div>
              <dt>{t('organisation.sector')}</dt>
              <dd>{label('sector', org.sector)}</dd>
            </div>
            <div>
              <dt>{t('organisation.nis2')}</dt>
              <dd>{label('nis2', org.nis2)}</dd>
            </div>
            <div>
              <dt>{t('organisation.timeZone')}</dt>
              <dd>{org.timeZone}</dd>
            </div>
            <div>
              <dt>{t('organisation.defaultLocale')}</dt>
              <dd>{t(org.defaultLocale === 'nl' ? 'lang.nl.long' : 'lang.en.long')}</dd>
            </div>
          </dl>
          {canEdit ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(org);
                setSaved(false);
                setError(undefined);
                setEditing(true);
              }}
            >
              {t('common.edit')}
            </button>
          ) : (
            <p className="note">{t('organisation.readOnly')}</p>
          )}
        </>
      ) : (
        <form onSubmit={(event) => void save(event)} noValidate>
          {error ? <ErrorMessage>{describeError(error, t)}</ErrorMessage> : null}
          <TextField label={t('organisation.name')} error={nameError ?? issues.name} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <SelectField
            label={t('organisation.sector')}
            error={issues.sector}
            value={draft.sector}
            onChange={(e) => setDraft({ ...draft, sector: e.target.value as Sector })}
            options={sectors.map((value) => ({ value, label: label('sector', value) }))}
          />
          <SelectField
            label={t('organisation.nis2')}
            error={issues.nis2}
            value={draft.nis2}
            onChange={(e) => setDraft({ ...draft, nis2: e.target.value as Nis2Class })}
            options={nis2Classes.map((value) => ({ value, label: label('nis2', value) }))}
          />
          <SelectField
            label={t('organisation.timeZone')}
            error={issues.timeZone}
            value={draft.timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
            options={zones.map((value) => ({ value, label: value }))}
          />
          <SelectField
            label={t('organisation.defaultLocale')}
            error={issues.defaultLocale}
            value={draft.defaultLocale}
            onChange={(e) => setDraft({ ...draft, defaultLocale: e.target.value as Locale })}
            options={locales.map((value) => ({ value, label: t(value === 'nl' ? 'lang.nl.long' : 'lang.en.long') }))}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function BrandsSection({ org, canEdit, update }: { org: Organisation; canEdit: boolean; update: Update }) {
  const { t } = useI18n();
  const run = useAction();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('organisation.error.nameRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const brand = await run(() => api.addBrand(name.trim()));
      update((current) => ({ ...current, brands: [...current.brands, brand] }));
      setName('');
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function remove(brandId: string) {
    setError(undefined);
    try {
      await run(() => api.removeBrand(brandId));
      update((current) => ({ ...current, brands: current.brands.filter((b) => b.id !== brandId) }));
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  return (
    <section className="card" aria-labelledby="org-brands">
      <h2 id="org-brands">{t('organisation.brands')}</h2>
      <p className="note">{t('organisation.brandsIntro')}</p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {org.brands.length === 0 ? (
        <p className="empty">{t('organisation.brandsEmpty')}</p>
      ) : (
        <ul className="item-list">
          {org.brands.map((brand) => (
            <li key={brand.id}>
              <span>{brand.name}</span>
              {canEdit ? (
                <button type="button" className="button button-small" aria-label={t('organisation.removeBrand', { name: brand.name })} onClick={() => void remove(brand.id)}>
                  {t('organisation.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="inline-form" onSubmit={(event) => void add(event)} noValidate>
          <TextField label={t('organisation.brandName')} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.adding') : t('organisation.addBrand')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

const defaultDeadlineHours = 24;

function ProcessorsSection({ org, canEdit, canLink, update }: { org: Organisation; canEdit: boolean; canLink: boolean; update: Update }) {
  const { t } = useI18n();
  const run = useAction();
  const [name, setName] = useState('');
  const [hours, setHours] = useState(String(defaultDeadlineHours));
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<{ name?: string; hours?: string; contact?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const deadline = Number(hours);
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('organisation.error.nameRequired');
    if (!Number.isInteger(deadline) || deadline < 1 || deadline > 720) next.hours = t('organisation.error.deadline');
    setErrors(next);
    if (next.name || next.hours) return;
    setBusy(true);
    try {
      const processor = await run(() =>
        api.addProcessor({ name: name.trim(), reportDeadlineHours: deadline, ...(contact.trim() ? { contactEmail: contact.trim() } : {}) }),
      );
      update((current) => ({ ...current, processors: [...current.processors, processor] }));
      setName('');
      setHours(String(defaultDeadlineHours));
      setContact('');
    } catch (failure) {
      const issues = fieldErrors(failure);
      setErrors({ name: issues.name, hours: issues.reportDeadlineHours, contact: issues.contactEmail, form: describeError(failure, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="org-processors">
      <h2 id="org-processors">{t('organisation.processors')}</h2>
      <p className="note">{t('organisation.processorsIntro')}</p>
      {org.processors.length === 0 ? (
        <p className="empty">{t('organisation.processorsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('organisation.processors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisation.col.name')}</th>
                <th scope="col">{t('organisation.col.deadline')}</th>
                <th scope="col">{t('organisation.col.contact')}</th>
                {canLink ? <th scope="col">{t('intake.col.reportLink')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {org.processors.map((p) => (
                <tr key={p.linkId}>
                  <th scope="row">{p.name}</th>
                  <td>{t('organisation.hours', { count: p.reportDeadlineHours })}</td>
                  <td>{p.contactEmail ?? t('common.none')}</td>
                  {canLink ? (
                    <td>
                      <ProcessorReportLink linkId={p.linkId} name={p.name} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <form onSubmit={(event) => void add(event)} noValidate>
          <h3>{t('organisation.addProcessor')}</h3>
          {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
          <div className="field-row">
            <TextField label={t('organisation.processorName')} error={errors.name} required value={name} onChange={(e) => setName(e.target.value)} />
            <TextField
              label={t('organisation.processorDeadline')}
              hint={t('organisation.processorDeadlineHint')}
              error={errors.hours}
              type="number"
              inputMode="numeric"
              min={1}
              max={720}
              step={1}
              required
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
            <TextField
              label={t('organisation.processorContact')}
              error={errors.contact}
              type="email"
              autoComplete="off"
              value={contact}
              onChange={(e) => setContact(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.adding') : t('organisation.addProcessor')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function OrganisationPage() {
  const { t } = useI18n();
  const user = useUser();
  const org = useResource(() => api.getOrganisation(), []);
  const canEdit = permissions.editOrganisation(user.role);
  return (
    <>
      <PageTitle>{t('organisation.title')}</PageTitle>
      <ResourceView resource={org}>
        {(data) =>
          org.status === 'ready' ? (
            <div className="stack">
              <DetailsSection org={data} canEdit={canEdit} update={org.update} />
              <BrandsSection org={data} canEdit={canEdit} update={org.update} />
              <PublicReportSection org={data} />
              <ProcessorsSection org={data} canEdit={canEdit} canLink={permissions.createReportLinks(user.role)} update={org.update} />
              {permissions.manageTokens(user.role) ? <ApiTokensSection /> : null}
            </div>
          ) : null
        }
      </ResourceView>
    </>
  );
}
