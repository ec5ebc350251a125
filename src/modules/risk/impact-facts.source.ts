import type { DbOrTx } from '../../db/database.ts';
import type { ImpactFigures } from './case-facts-completion.ts';

/**
 * The integration point between the impact analysis of a breached dataset and the risk decision: the
 * figures measured for the case's dataset (categories found, persons as a min–max range, records, vulnerable
 * groups), or null while no analysis is stored for the case. The impact module implements it when it
 * stores analyses per case; the assessment then fills the facts from it with the analysis named as source
 * (mergeImpactFigures). A case without a completed analysis answers null and its recorded facts stand alone.
 */
export type ImpactFactsSource = (db: DbOrTx, caseId: string) => Promise<ImpactFigures | null>;

// Loaded on first use: the impact module itself reads the risk module's fact format, so a static import would be circular.
export const impactFactsForCase: ImpactFactsSource = async (db, caseId) => {
  const { latestImpactFigures } = await import('../impact/index.ts');
  return latestImpactFigures(db, caseId);
};
