import { z } from 'zod';
import { Codebook } from './codebook.js';
import { DocumentRecord } from './document.js';
import { Problem } from './problem.js';
import { CSV_TABLES } from './tables.js';

/**
 * JSON Schemas of the data contract, generated from the zod schemas (one source of truth):
 * documents.jsonl lines, codebooks, problems, and one per CSV file (a row as an object).
 */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {
    'document.schema.json': z.toJSONSchema(DocumentRecord, { io: 'output' }),
    'codebook.schema.json': z.toJSONSchema(Codebook, { io: 'input' }),
    'problem.schema.json': z.toJSONSchema(Problem),
  };
  for (const [file, schema] of Object.entries(CSV_TABLES)) out[file.replace(/\.csv$/, '.row.schema.json')] = z.toJSONSchema(schema);
  return out;
}
