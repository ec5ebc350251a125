export { checkArt34Message, checkItems, knownPlaceholders, measureReadability, plainLanguageLimits, type CheckItem, type ItemVerdict, type MessageCheck, type MessageLocale, type MessageTemplate } from './art34-checker.ts';
export { registerMessagesCheckRoutes } from './messages-check.routes.ts';
