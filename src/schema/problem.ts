import { z } from 'zod';

/** How bad a document-level problem is (vfile's levels): fatal means the document was not extracted. */
export const Severity = z.enum(['fatal', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** A per-document problem: written to problems.csv and counted in the manifest. */
export const Problem = z.object({
  code: z.string().describe('Stable problem code, e.g. E_EMPTY, W_LEGACY_ENCODING'),
  severity: Severity.describe('fatal: the document (or record) was not extracted; warning: extracted, with a caveat'),
  stage: z.enum(['ingest', 'nlp', 'export']).describe('Pipeline stage that raised the problem'),
  file: z.string().describe('Source path relative to its input root, with / separators'),
  doc_id: z.string().describe('Document id when the problem concerns one record or document, else empty'),
  message: z.string().describe('What was expected, what was found, and what to do'),
});
export type Problem = z.infer<typeof Problem>;
