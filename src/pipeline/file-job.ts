import { ingestFile } from '../ingest/index.js';
import type { InputFile } from '../ingest/types.js';
import { analyze, type NlpContext } from '../nlp/index.js';
import type { Terms } from '../nlp/keywords.js';
import { toRecord } from '../export/record.js';
import { deferredCsv, themeEvidenceRows, themeRows } from '../export/rows.js';
import { csvRows } from '../export/csv.js';
import { entityPart } from '../export/summary.js';
import { DocumentRecord } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { DocResult, FileResult } from './types.js';
import { withPart } from './job-result.js';
import { compareStrings } from '../util/compare.js';

/** What a file job needs of the run's settings (plain data: it crosses to worker threads). */
export interface JobSettings {
  maxBytes: number;
  publisherFromPath: boolean;
}

const KEYWORDS_TAIL = ',"keywords":[]}';

function documentResult(record: DocumentRecord, terms: Terms, commonAcronyms: ReadonlySet<string>): DocResult {
  const checked = DocumentRecord.safeParse(record);
  if (!checked.success) throw new Error(`the record does not match the schema: ${checked.error.message}`);
  const json = JSON.stringify(record);
  if (!json.endsWith(KEYWORDS_TAIL)) throw new Error('keywords must be the last member of a document record');
  return {
    id: record.id,
    jsonHead: json.slice(0, -KEYWORDS_TAIL.length),
    terms,
    wordCount: record.word_count,
    csv: {
      ...deferredCsv(record),
      'themes.csv': csvRows('themes.csv', themeRows(record)),
      'theme_evidence.csv': csvRows('theme_evidence.csv', themeEvidenceRows(record)),
    },
    ...entityPart(record),
    acronyms: record.acronyms,
    commonAcronyms: [...commonAcronyms].sort(compareStrings),
    themes: record.themes.map((t) => t.id),
    title: record.title,
    date: record.date,
    publisher: record.publisher,
    mentions: record.entities.reduce((n, e) => n + e.mentions.length, 0),
  };
}

/**
 * The whole per-file part of a run: ingest, analyse and render every document of one input file.
 * Pure but for reading the file, so it runs the same in the main thread or any worker, and its
 * result can be cached by the file's content. A document whose analysis throws becomes an E_NLP
 * problem; the other documents of the file go on.
 */
export function processFile(file: InputFile, settings: JobSettings, ctx: NlpContext): FileResult {
  const ingested = ingestFile(file, { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath });
  const problems: Problem[] = [];
  const docs: DocResult[] = [];
  for (const item of ingested.items) {
    if (item.kind === 'problem') {
      problems.push(item.problem);
      continue;
    }
    const doc = item.document;
    problems.push(...doc.warnings);
    try {
      const analysis = analyze(doc, ctx);
      docs.push(documentResult(toRecord(analysis), analysis.terms!, analysis.commonAcronyms!));
    } catch (error) {
      problems.push({ code: 'E_NLP', severity: 'fatal', stage: 'nlp', file: file.relPath, doc_id: doc.id, message: `Analysis failed: ${(error as Error).message}. Please report this document.` });
    }
  }
  return withPart(file, { path: file.relPath, sha256: ingested.sha256, problems, docs, cached: false });
}
