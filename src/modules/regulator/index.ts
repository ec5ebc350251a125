export { registerRegulatorRoutes } from './regulator.routes.ts';
export { buildDraftContent, type DraftInput } from './draft-sections.ts';
export { diffDraftSections } from './draft-diff.ts';
export { obligationOfDraft } from './regulator.service.ts';
export { draftKinds, draftRegimes, type DraftKind, type DraftRegime, type DraftView, type DraftSection, type DraftAnswer, type DraftChange } from './regulator.schemas.ts';
