export { registerMailboxRoutes } from './mailbox.routes.ts';
export { getMailboxMessage, listMailbox } from './mailbox.service.ts';
export type { MailboxListing, MailboxMessage, MailboxSummary } from './mailbox.schemas.ts';
