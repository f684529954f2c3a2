import type { EntityType, Place } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { CsvTable } from '../schema/tables.js';

import type { Terms } from '../nlp/keywords.js';

/** What the run-wide entities.csv needs of one entity in one document. */
export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number;
  place: Place | null;
}

/** One analysed document, ready to write: everything per-document is already rendered. */
export interface DocResult {
  id: string;
  /**
   * The documents.jsonl line without its last member: `keywords` comes last in the schema and is
   * known only once the whole run's document frequencies are, so pass 2 appends it.
   */
  jsonHead: string;
  terms: Terms;
  wordCount: number;
  /** Rendered CSV rows of the per-document tables (keywords.csv aside). */
  csv: Partial<Record<CsvTable, string>>;
  entities: EntitySummary[];
  acronyms: Array<{ acronym: string; long_form: string; entity_id: string; start: number; end: number }>;
  /** Acronyms the document defines for no name ("traumatic brain injury (TBI)"), sorted. */
  commonAcronyms: string[];
  themes: string[];
  /**
   * Entity pairs of the document, [entity_a, entity_b, sentences they share], a < b: every pair
   * sharing a sentence, and every pair of the document's ten most mentioned entities.
   */
  pairs: Array<[string, string, number]>;
  title: string | null;
  date: string | null;
  publisher: string | null;
  mentions: number;
}

/** Everything one input file (or one part of a large JSONL file) gave: its documents and its problems, in text order. */
export interface FileResult {
  path: string;
  sha256: string | null;
  /** Which part of its file this is, when the file was read in parts (ingest/parts.ts). */
  part?: { index: number; count: number };
  problems: Problem[];
  docs: DocResult[];
  /** Whether the result came from the cache (no NLP work done). */
  cached: boolean;
}
