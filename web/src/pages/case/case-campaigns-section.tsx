import { useState } from 'react';
import { api } from '../../api.ts';
import type { Campaign } from '../../api-types.ts';
import { progressFraction } from '../../campaign-view.ts';
import { ResourceView } from '../../components/resource-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { useResource } from '../../use-resource.ts';
import { CampaignForm } from './campaign-form.tsx';

export function campaignPath(caseId: string, campaignId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/campaigns/${encodeURIComponent(campaignId)}`;
}

function CampaignRow({ caseId, campaign }: { caseId: string; campaign: Campaign }) {
  const { t, label, moment } = useI18n();
  // A draft has no outbox yet: its counts would only be zeros.
  const progress = useResource(() => (campaign.state === 'draft' ? Promise.resolve(null) : api.getCampaignProgress(caseId, campaign.id)), [caseId, campaign.id, campaign.state]);
  const counts = progress.status === 'ready' ? progress.data : null;
  return (
    <tr>
      <th scope="row">
        <Link to={campaignPath(caseId, campaign.id)}>{campaign.name}</Link>
      </th>
      <td>{campaign.brand}</td>
      <td>
        <span className={`state state-campaign-${campaign.state}`}>{label('campaign.state', campaign.state)}</span>
      </td>
      <td>
        {counts ? (
          <label>
            {t('campaign.sentOf', { sent: counts.sent, total: counts.total })} <progress max={1} value={progressFraction(counts)} />
          </label>
        ) : (
          t('common.none')
        )}
      </td>
      <td className="nowrap">{moment(campaign.createdAt)}</td>
    </tr>
  );
}

/** The messages to the people affected: each campaign with its state and progress, and a new one. */
export function CaseCampaignsSection({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const campaigns = useResource(() => api.listCampaigns(caseId).then((r) => r.campaigns), [caseId]);
  const [writing, setWriting] = useState(false);
  return (
    <section id="case-campaigns" className="card" aria-labelledby="case-campaigns-title">
      <h2 id="case-campaigns-title">{t('case.section.campaigns')}</h2>
      <p className="note">{t('campaigns.intro')}</p>
      <ResourceView resource={campaigns}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('campaigns.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('case.section.campaigns')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.col.name')}</th>
                    <th scope="col">{t('campaigns.col.brand')}</th>
                    <th scope="col">{t('campaigns.col.state')}</th>
                    <th scope="col">{t('campaigns.col.progress')}</th>
                    <th scope="col">{t('campaigns.col.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((campaign) => (
                    <CampaignRow key={campaign.id} caseId={caseId} campaign={campaign} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
      {writing ? (
        <CampaignForm caseId={caseId} onCancel={() => setWriting(false)} onCreated={(created) => navigate(campaignPath(caseId, created.id))} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setWriting(true)}>
            {t('campaigns.new')}
          </button>
        </p>
      )}
    </section>
  );
}
