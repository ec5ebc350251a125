import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { Campaign, MessageCheck } from '../../api-types.ts';
import {
  audienceSets,
  elderlyRoutes,
  failingItems,
  missingFields,
  moveChannel,
  orderableChannels,
  starterTemplates,
  templateFields,
  type AudienceSet,
  type CampaignDraft,
  type OrderableChannel,
} from '../../campaign-view.ts';
import { describeError, ErrorMessage, fieldErrors } from '../../components/feedback.tsx';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useUser } from '../../session.tsx';
import { useAction } from '../../use-resource.ts';

const languages = ['nl', 'en'] as const;
type Language = (typeof languages)[number];
type Checks = Partial<Record<Language, MessageCheck>>;

/** The art. 34(2) verdict per language, naming each element the message still lacks. */
function CheckResult({ checks }: { checks: Checks }) {
  const { t, label, locale } = useI18n();
  return (
    <div className="campaign-check" aria-live="polite">
      {languages.map((language) => {
        const check = checks[language];
        if (!check) return null;
        const failing = failingItems(check, locale);
        return (
          <div key={language}>
            <h4>{t('campaign.check.for', { language: t(`lang.${language}.long`) })}</h4>
            {failing.length === 0 ? (
              <p className="message message-success" role="status">
                {t('campaign.check.passed')}
              </p>
            ) : (
              <ul className="check-failures" aria-label={t('campaign.check.failingFor', { language: t(`lang.${language}.long`) })}>
                {failing.map((f) => (
                  <li key={f.item}>
                    <strong>{label('campaign.checkItem', f.item)}</strong>: {f.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function CampaignForm({ caseId, onCreated, onCancel }: { caseId: string; onCreated: (campaign: Campaign) => void; onCancel: () => void }) {
  const { t, label } = useI18n();
  const user = useUser();
  const run = useAction();
  const [draft, setDraft] = useState<CampaignDraft>({
    name: '',
    brand: '',
    organisation: user.orgName,
    contact: '',
    url: '',
    audienceSets: ['confirmed'],
    channelOrder: ['email', 'sms', 'letter'],
    elderlyRoute: 'same',
    templates: starterTemplates,
  });
  const [checks, setChecks] = useState<Checks>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTemplate = (language: Language, part: 'subject' | 'body', value: string) =>
    setDraft((d) => ({ ...d, templates: { ...d.templates, [language]: { ...d.templates[language], [part]: value } } }));

  async function checkBoth(): Promise<boolean> {
    const results = await Promise.all(languages.map((language) => run(() => api.checkMessage({ ...draft.templates[language], locale: language }))));
    setChecks({ nl: results[0], en: results[1] });
    return results.every((r) => r.passed);
  }

  async function check() {
    setError(undefined);
    setBusy(true);
    try {
      await checkBoth();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const missing = missingFields(draft);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((field) => [field, t('campaign.error.required')])));
      return setError(t('campaign.error.missing'));
    }
    setErrors({});
    setBusy(true);
    try {
      // The server refuses a failing message too; checking first names every element that is missing.
      if (!(await checkBoth())) return setError(t('campaign.check.blocked'));
      onCreated(await run(() => api.createCampaign(caseId, draft)));
    } catch (failure) {
      setErrors(fieldErrors(failure));
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const channelChoice = (channel: OrderableChannel, included: boolean) =>
    set('channelOrder', included ? [...draft.channelOrder, channel] : draft.channelOrder.filter((c) => c !== channel));

  return (
    <form className="stack campaign-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="campaign-form-title">
      <h3 id="campaign-form-title">{t('campaigns.new')}</h3>
      <TextField label={t('campaign.field.name')} hint={t('campaign.field.nameHint')} value={draft.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
      <TextField label={t('campaign.field.brand')} hint={t('campaign.field.brandHint')} value={draft.brand} error={errors.brand} onChange={(e) => set('brand', e.target.value)} />
      <TextField label={t('campaign.field.organisation')} hint={t('campaign.field.organisationHint')} value={draft.organisation} error={errors.organisation} onChange={(e) => set('organisation', e.target.value)} />
      <TextField label={t('campaign.field.contact')} hint={t('campaign.field.contactHint')} value={draft.contact} error={errors.contact} onChange={(e) => set('contact', e.target.value)} />
      <TextField label={t('campaign.field.url')} hint={t('campaign.field.urlHint')} value={draft.url} error={errors.url} onChange={(e) => set('url', e.target.value)} />
      <ChoiceGroup
        legend={t('campaign.field.audience')}
        hint={t('campaign.field.audienceHint')}
        error={errors.audienceSets}
        options={audienceSets.map((value) => ({ value, label: label('campaign.audience', value) }))}
        values={draft.audienceSets}
        onChange={(next) => set('audienceSets', next as AudienceSet[])}
      />
      <fieldset className={errors.channelOrder ? 'choice-group field-invalid' : 'choice-group'}>
        <legend>{t('campaign.field.channelOrder')}</legend>
        <p className="field-hint">{t('campaign.field.channelOrderHint')}</p>
        <ol className="channel-order">
          {draft.channelOrder.map((channel, index) => (
            <li key={channel}>
              {label('campaign.channel', channel)}{' '}
              <button type="button" className="button button-small" disabled={index === 0} aria-label={t('campaign.channel.up', { channel: label('campaign.channel', channel) })} onClick={() => set('channelOrder', moveChannel(draft.channelOrder, index, -1))}>
                ↑
              </button>{' '}
              <button
                type="button"
                className="button button-small"
                disabled={index === draft.channelOrder.length - 1}
                aria-label={t('campaign.channel.down', { channel: label('campaign.channel', channel) })}
                onClick={() => set('channelOrder', moveChannel(draft.channelOrder, index, 1))}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
        <div className="choices">
          {orderableChannels.map((channel) => (
            <label key={channel} className="choice">
              <input type="checkbox" checked={draft.channelOrder.includes(channel)} onChange={(e) => channelChoice(channel, e.target.checked)} />
              {t('campaign.channel.use', { channel: label('campaign.channel', channel) })}
            </label>
          ))}
        </div>
        {errors.channelOrder ? <p className="field-error">{errors.channelOrder}</p> : null}
      </fieldset>
      <ChoiceGroup
        legend={t('campaign.field.elderlyRoute')}
        hint={t('campaign.field.elderlyRouteHint')}
        options={elderlyRoutes.map((value) => ({ value, label: label('campaign.elderly', value) }))}
        value={draft.elderlyRoute}
        onChange={(next) => set('elderlyRoute', next as CampaignDraft['elderlyRoute'])}
      />
      <div className="note">
        <p>{t('campaign.fields.intro')}</p>
        <ul className="template-fields">
          {templateFields.map((field) => (
            <li key={field}>
              <code>{field}</code>: {label('campaign.fieldHelp', field.slice(2, -2))}
            </li>
          ))}
        </ul>
      </div>
      {languages.map((language) => (
        <fieldset key={language} className="choice-group">
          <legend>{t('campaign.template.for', { language: t(`lang.${language}.long`) })}</legend>
          <TextField
            label={t('campaign.template.subject', { language: t(`lang.${language}.long`) })}
            value={draft.templates[language].subject}
            error={errors[`templates.${language}.subject`]}
            onChange={(e) => setTemplate(language, 'subject', e.target.value)}
          />
          <TextAreaField
            label={t('campaign.template.body', { language: t(`lang.${language}.long`) })}
            rows={12}
            value={draft.templates[language].body}
            error={errors[`templates.${language}.body`]}
            onChange={(e) => setTemplate(language, 'body', e.target.value)}
          />
        </fieldset>
      ))}
      <CheckResult checks={checks} />
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void check()}>
          {t('campaign.check.run')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('campaign.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
