import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { Campaign, CampaignAction, CampaignPreview, CampaignProgress, Locale } from '../../api-types.ts';
import { campaignActions, durationParts, isSending, mayApprove, progressFraction } from '../../campaign-view.ts';
import { describeError, ErrorMessage, StatusMessage } from '../../components/feedback.tsx';
import { SelectField } from '../../components/field.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { useUser } from '../../session.tsx';
import { useAction, useResource } from '../../use-resource.ts';
import { loadAssignableUsers } from './assignable-users.ts';

/** How often the counts are fetched while messages go out. */
const refreshMs = 3000;

/** The downloads the server offers for a campaign: the delivery report for the regulator file and the print batch. */
const campaignFiles = [
  { file: 'report.pdf', key: 'campaign.files.reportPdf' },
  { file: 'report.csv', key: 'campaign.files.reportCsv' },
  { file: 'letters.pdf', key: 'campaign.files.lettersPdf' },
  { file: 'letters.csv', key: 'campaign.files.lettersCsv' },
] as const;

function useProgress(caseId: string, campaign: Campaign, onStateChange: () => void) {
  const [progress, setProgress] = useState<CampaignProgress>();
  const [error, setError] = useState<unknown>();
  const live = isSending(campaign.state);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      api.getCampaignProgress(caseId, campaign.id).then(
        (next) => {
          if (stopped) return;
          setProgress(next);
          setError(undefined);
          // The worker finishes a campaign on its own; the page follows without a reload.
          if (next.state !== campaign.state) onStateChange();
        },
        (failure: unknown) => (stopped ? undefined : setError(failure)),
      );
    void load();
    const timer = live ? setInterval(() => void load(), refreshMs) : undefined;
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  }, [caseId, campaign.id, campaign.state, live, onStateChange]);
  return { progress, error };
}

function ProgressPanel({ caseId, campaign, onStateChange }: { caseId: string; campaign: Campaign; onStateChange: () => void }) {
  const { t, label } = useI18n();
  const { progress, error } = useProgress(caseId, campaign, onStateChange);
  if (error) return <ErrorMessage>{describeError(error, t)}</ErrorMessage>;
  if (!progress) return null;
  const fraction = progressFraction(progress);
  const left = progress.secondsLeft === null ? null : durationParts(progress.secondsLeft);
  const timeLeft = progress.pending === 0 ? t('common.none') : left === null ? t('campaign.progress.leftUnknown') : t('campaign.progress.leftValue', left);
  const figures: Array<[string, string | number]> = [
    [t('campaign.progress.total'), progress.total],
    [t('campaign.progress.sent'), progress.sent],
    [t('campaign.progress.delivered'), progress.byStatus.accepted ?? 0],
    [t('campaign.progress.failed'), progress.failed],
    [t('campaign.progress.pending'), progress.pending],
    [t('campaign.progress.rate'), t('campaign.progress.perSecond', { rate: progress.ratePerSecond })],
    [t('campaign.progress.left'), timeLeft],
  ];
  return (
    <div className="stack">
      <p>
        <label>
          {t('campaign.progress.bar', { percent: Math.round(fraction * 100) })} <progress max={1} value={fraction} />
        </label>
      </p>
      <dl className="facts campaign-figures" aria-label={t('campaign.progress.figures')}>
        {figures.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {progress.claimedTwice > 0 ? <p className="note">{t('campaign.progress.claimedTwice', { count: progress.claimedTwice })}</p> : null}
      {Object.keys(progress.byChannel).length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('campaign.progress.byChannel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaign.progress.channel')}</th>
                {Object.keys(progress.byStatus).map((status) => (
                  <th scope="col" key={status}>
                    {label('campaign.outbox', status)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.entries(progress.byChannel).map(([channel, counts]) => (
                <tr key={channel}>
                  <th scope="row">{label('campaign.channel', channel)}</th>
                  {Object.keys(progress.byStatus).map((status) => (
                    <td key={status}>{counts[status] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function CampaignActions({ caseId, campaign, onChange }: { caseId: string; campaign: Campaign; onChange: (next: Campaign) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [confirmCancel, setConfirmCancel] = useState(false);

  async function act(action: CampaignAction) {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await run(() => api.campaignAction(caseId, campaign.id, action)));
      setConfirmCancel(false);
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  const actions = campaignActions(campaign.state);
  const authorMayNotApprove = actions.includes('approve') && !mayApprove(campaign, user.id);
  return (
    <div className="stack">
      {actions.length === 0 ? <p className="note">{t('campaign.actions.none')}</p> : null}
      <div className="actions actions-wrap">
        {actions
          .filter((action) => action !== 'cancel')
          .map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'start' || action === 'approve' ? 'button button-primary' : 'button'}
              disabled={busy || (action === 'approve' && authorMayNotApprove)}
              aria-describedby={action === 'approve' && authorMayNotApprove ? 'campaign-approve-why' : undefined}
              onClick={() => void act(action)}
            >
              {t(`campaign.action.${action}`)}
            </button>
          ))}
        {actions.includes('cancel') && !confirmCancel ? (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirmCancel(true)}>
            {t('campaign.action.cancel')}
          </button>
        ) : null}
      </div>
      {authorMayNotApprove ? (
        <p className="note" id="campaign-approve-why">
          {t('campaign.approve.author')}
        </p>
      ) : null}
      {campaign.state === 'draft' && !authorMayNotApprove ? <p className="note">{t('campaign.approve.second')}</p> : null}
      {confirmCancel ? (
        <div className="message message-error" role="alertdialog" aria-labelledby="campaign-cancel-question">
          <p id="campaign-cancel-question">{t('campaign.cancel.question')}</p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void act('cancel')}>
              {t('campaign.cancel.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmCancel(false)}>
              {t('campaign.cancel.keep')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </div>
  );
}

function PreviewPanel({ caseId, campaign }: { caseId: string; campaign: Campaign }) {
  const { t, label, locale } = useI18n();
  const run = useAction();
  const people = useResource(() => api.sampleAudience(caseId, campaign.id).then((r) => r.people), [caseId, campaign.id]);
  const [personId, setPersonId] = useState('');
  const [preview, setPreview] = useState<CampaignPreview>();
  const [language, setLanguage] = useState<Locale>(locale);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function show(id: string) {
    setPersonId(id);
    setPreview(undefined);
    setError(undefined);
    if (!id) return;
    try {
      setPreview(await run(() => api.previewCampaign(caseId, campaign.id, id)));
    } catch (failure) {
      setError(describeError(failure, t));
    }
  }

  async function testSend() {
    setBusy(true);
    setError(undefined);
    setSent(undefined);
    try {
      const result = await run(() => api.testSendCampaign(caseId, campaign.id, { ...(personId ? { personId } : {}), language }));
      setSent(t('campaign.test.sent', { email: result.to }));
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <ResourceView resource={people}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('campaign.preview.nobody')}</p>
          ) : (
            <SelectField
              label={t('campaign.preview.person')}
              hint={t('campaign.preview.personHint')}
              value={personId}
              onChange={(e) => void show(e.target.value)}
              options={[
                { value: '', label: t('campaign.preview.choose') },
                ...list.map((p) => ({ value: p.id, label: t('campaign.preview.personOption', { key: p.personKey, channel: label('campaign.channel', p.channel) }) })),
              ]}
            />
          )
        }
      </ResourceView>
      {preview ? (
        <div className="campaign-preview" aria-label={t('campaign.preview.message')} role="region">
          <p className="subtle">{preview.channel ? t('campaign.preview.channel', { channel: label('campaign.channel', preview.channel) }) : t('campaign.preview.noChannel')}</p>
          {preview.subject ? <p className="preview-subject">{preview.subject}</p> : null}
          <pre className="preview-text">{preview.text}</pre>
        </div>
      ) : null}
      <div className="inline-form">
          <SelectField
            label={t('campaign.test.language')}
            value={language}
            onChange={(e) => setLanguage(e.target.value as Locale)}
            options={(['nl', 'en'] as const).map((value) => ({ value, label: t(`lang.${value}.long`) }))}
          />
          <button type="button" className="button" disabled={busy} onClick={() => void testSend()}>
            {t('campaign.test.send')}
          </button>
      </div>
      {sent ? <StatusMessage>{sent}</StatusMessage> : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </div>
  );
}

/** One campaign: what it says, who approved it, and the messages going out. */
export function CampaignPage({ caseId, campaignId }: { caseId: string; campaignId: string }) {
  const { t, label, moment } = useI18n();
  const campaign = useResource(() => api.getCampaign(caseId, campaignId), [caseId, campaignId]);
  const users = useResource(loadAssignableUsers, []);
  const nameOf = (userId: string | null) => {
    if (!userId) return t('common.none');
    return (users.status === 'ready' ? users.data.find((u) => u.id === userId)?.name : undefined) ?? t('campaign.someone');
  };
  const reload = campaign.reload;
  return (
    <>
      <p className="back-link">
        <Link to={`/cases/${encodeURIComponent(caseId)}#case-campaigns`}>← {t('campaign.back')}</Link>
      </p>
      {campaign.status !== 'ready' ? <PageTitle>{t('case.section.campaigns')}</PageTitle> : null}
      <ResourceView resource={campaign}>
        {(c) => (
          <article className="stack">
            <header>
              <PageTitle>{c.name}</PageTitle>
              <dl className="facts">
                <div>
                  <dt>{t('campaigns.col.state')}</dt>
                  <dd>
                    <span className={`state state-campaign-${c.state}`}>{label('campaign.state', c.state)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('campaigns.col.brand')}</dt>
                  <dd>{c.brand}</dd>
                </div>
                <div>
                  <dt>{t('campaign.field.organisation')}</dt>
                  <dd>{c.organisation}</dd>
                </div>
                <div>
                  <dt>{t('campaign.createdBy')}</dt>
                  <dd>
                    {nameOf(c.createdBy)}, {moment(c.createdAt)}
                  </dd>
                </div>
                <div>
                  <dt>{t('campaign.approvedBy')}</dt>
                  <dd>{c.approvedBy ? `${nameOf(c.approvedBy)}, ${moment(c.approvedAt)}` : t('campaign.notApproved')}</dd>
                </div>
                <div>
                  <dt>{t('campaign.field.channelOrder')}</dt>
                  <dd>{c.channelOrder.map((ch) => label('campaign.channel', ch)).join(' → ')}</dd>
                </div>
                <div>
                  <dt>{t('campaign.field.elderlyRoute')}</dt>
                  <dd>{label('campaign.elderly', c.elderlyRoute)}</dd>
                </div>
                <div>
                  <dt>{t('campaign.field.audience')}</dt>
                  <dd>{c.audienceSets.map((s) => label('campaign.audience', s)).join(', ')}</dd>
                </div>
              </dl>
            </header>
            <section className="card" aria-labelledby="campaign-actions-title">
              <h2 id="campaign-actions-title">{t('campaign.actions.title')}</h2>
              <CampaignActions caseId={caseId} campaign={c} onChange={(next) => campaign.status === 'ready' && campaign.update(() => next)} />
            </section>
            <section className="card" aria-labelledby="campaign-progress-title">
              <h2 id="campaign-progress-title">{t('campaign.progress.title')}</h2>
              {c.state === 'draft' || c.state === 'approved' ? <p className="note">{t('campaign.progress.notStarted')}</p> : <ProgressPanel caseId={caseId} campaign={c} onStateChange={reload} />}
            </section>
            <section className="card" aria-labelledby="campaign-preview-title">
              <h2 id="campaign-preview-title">{t('campaign.preview.title')}</h2>
              <PreviewPanel caseId={caseId} campaign={c} />
            </section>
            {campaignFiles.length > 0 ? (
              <section className="card" aria-labelledby="campaign-files-title">
                <h2 id="campaign-files-title">{t('campaign.files.title')}</h2>
                <ul>
                  {campaignFiles.map(({ file, key }) => (
                    <li key={file}>
                      <a href={api.campaignFileUrl(caseId, c.id, file)} download>
                        {t(key)}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </article>
        )}
      </ResourceView>
    </>
  );
}
