import { z } from 'zod';
import { checkItems } from './art34-checker.ts';

export const checkMessageBody = z
  .object({
    subject: z.string().max(500),
    body: z.string().min(1, 'must not be empty').max(50_000),
    locale: z.enum(['nl', 'en']),
  })
  .strict();

const bilingual = z.object({ nl: z.string(), en: z.string() });

export const messageCheckResponse = z.object({
  passed: z.boolean(),
  items: z.array(z.object({ item: z.enum(checkItems), passed: z.boolean(), reason: bilingual, evidence: z.string().nullable() })),
  readability: z.object({
    sentences: z.number(),
    words: z.number(),
    averageSentenceLength: z.number(),
    longWordShare: z.number(),
    jargon: z.array(z.string()),
  }),
});
