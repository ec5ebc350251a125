export { registerCampaignRoutes } from './campaigns.routes.ts';
export { registerCampaignAudienceRoutes } from './campaign-audience.routes.ts';
export { sendCampaignJob, enqueueCampaignSending } from './send-campaign.job.ts';
export {
  createCampaign,
  approveCampaign,
  startCampaign,
  pauseCampaign,
  resumeCampaign,
  cancelCampaign,
  getCampaign,
  listCampaigns,
  previewCampaign,
  seedOutbox,
  campaignProgress,
  getCampaignProgress,
  checkTemplates,
} from './campaigns.service.ts';
export { toCampaign, messageIdDomain } from './campaign-row.ts';
export { createOutboxSender, type OutboxSender, type SenderOptions } from './outbox-sender.ts';
export { createSmtpChannel, createMailerChannel, type EmailChannel } from './email-channel.ts';
export { createHttpSmsGateway, type SmsGateway } from './sms-gateway.ts';
export { findCampaignRowById, findCaseReference } from './notifications.repository.ts';
export { applyBounce, type BounceSource } from './bounces.service.ts';
export { parseDsn, type DsnNotice } from './dsn-parser.ts';
export type { Campaign, CampaignState, Channel, OutboxState } from './notifications.types.ts';
