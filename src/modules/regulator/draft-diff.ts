import type { DraftChange, DraftSection } from './regulator.schemas.ts';

/**
 * What a follow-up changes against the last submitted notification (GDPR art. 33(4)): every answer that
 * was added, removed or reads differently, in the order of the form.
 */
export function diffDraftSections(before: readonly DraftSection[], after: readonly DraftSection[]): DraftChange[] {
  const key = (sectionId: string, answerId: string) => `${sectionId}/${answerId}`;
  const old = new Map(before.flatMap((s) => s.answers.map((a) => [key(s.id, a.id), { section: s.id, answer: a }] as const)));
  const changes: DraftChange[] = [];
  const seen = new Set<string>();
  for (const section of after) {
    for (const current of section.answers) {
      const k = key(section.id, current.id);
      seen.add(k);
      // The "kind" line always differs between an initial notification and its follow-up.
      if (section.id === '0' && current.id === 'kind') continue;
      const previous = old.get(k)?.answer;
      const was = previous && !previous.missing ? previous.answer : null;
      const is = current.missing ? null : current.answer;
      if (was?.nl === is?.nl && was?.en === is?.en) continue;
      changes.push({ sectionId: section.id, answerId: current.id, question: current.question, before: was, after: is });
    }
  }
  for (const [k, { section, answer }] of old) {
    if (!seen.has(k) && !answer.missing) changes.push({ sectionId: section, answerId: answer.id, question: answer.question, before: answer.answer, after: null });
  }
  return changes;
}
