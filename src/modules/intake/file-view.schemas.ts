import { z } from 'zod';
import type { FileView } from '../files/index.ts';

export const fileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
}) satisfies z.ZodType<FileView>;
