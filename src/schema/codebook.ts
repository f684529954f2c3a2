import { z } from 'zod';

/** A codebook term or phrase: a plain string, or an object with a weight and a same-sentence requirement. */
export const TermEntry = z.union([
  z.string().trim().min(1, 'a term must not be empty'),
  z.strictObject({
    text: z.string().trim().min(1, 'a term must not be empty'),
    weight: z.number().min(0).max(3).default(1).describe('How much one hit counts (default 1)'),
    requires: z
      .array(z.string().trim().min(1))
      .min(1)
      .optional()
      .describe('The hit counts only if one of these words or phrases is in the same sentence'),
  }),
]);
export type TermEntry = z.infer<typeof TermEntry>;

export const Theme = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a theme id is lower-case letters, digits and hyphens, e.g. "arms-control"'),
    label: z.string().trim().min(1),
    description: z.string().trim().min(1).describe('The definition a coder applies'),
    terms: z.array(TermEntry).default([]).describe('Single words, matched on Porter stems'),
    phrases: z.array(TermEntry).default([]).describe('Multi-word phrases, matched as consecutive stems'),
    exclusions: z.array(z.string().trim().min(1)).default([]).describe('Exact word sequences (lower case) inside which no hit counts'),
    threshold: z.number().positive().default(2).describe('Minimum score (weighted hits per 1,000 words)'),
    minSentences: z.number().int().min(1).default(2).describe('Minimum number of distinct sentences with a hit'),
  })
  .refine((t) => t.terms.length + t.phrases.length > 0, { message: 'a theme needs at least one term or phrase' });
export type Theme = z.infer<typeof Theme>;

export const Codebook = z
  .strictObject({
    name: z.string().trim().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH, e.g. "1.0.0"'),
    description: z.string().default(''),
    themes: z.array(Theme).min(1, 'a codebook needs at least one theme'),
  })
  .superRefine((cb, ctx) => {
    const seen = new Set<string>();
    cb.themes.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `duplicate theme id "${t.id}"` });
      seen.add(t.id);
    });
  });
export type Codebook = z.infer<typeof Codebook>;
