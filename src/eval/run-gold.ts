import fs from 'node:fs';
import { analyze, type NlpContext } from '../nlp/index.js';
import { readStructure } from '../ingest/structure.js';
import type { IngestedDocument } from '../ingest/types.js';
import { sha256 } from '../util/hash.js';
import { PresslensError } from '../util/errors.js';
import type { GoldDoc, PredDoc } from './score.js';

/** Read a gold JSONL file ({id, text, entities, meta} per line), refusing malformed lines by number. */
export function readGold(file: string): GoldDoc[] {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PresslensError('E_INPUT_NOT_FOUND', `Cannot read gold file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const docs: GoldDoc[] = [];
  const problems: string[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const d = JSON.parse(line);
      if (typeof d.id !== 'string' || typeof d.text !== 'string' || !Array.isArray(d.entities)) throw new Error('expected {"id", "text", "entities": [...]}');
      docs.push(d);
    } catch (error) {
      problems.push(`line ${i + 1}: ${(error as Error).message}`);
    }
  });
  if (problems.length) throw new PresslensError('E_GOLD', `Invalid gold file ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`, { details: problems });
  return docs;
}

/** A gold text as a document, read exactly as a .txt file with the same text would be. */
export function goldDocument(gold: GoldDoc): IngestedDocument {
  const structure = readStructure(gold.text, { title: null, date: null, url: null, publisher: null }, gold.id, false);
  return {
    id: gold.id,
    source: { path: gold.id, format: 'txt', encoding: 'utf-8', record: null, sha256: sha256(gold.text) },
    text: gold.text,
    title: structure.title,
    date: structure.date,
    dateSource: structure.dateSource,
    dateline: structure.dateline,
    publisher: null,
    url: null,
    warnings: [],
  };
}

/** Run the extraction on every gold document's text; predictions in the scorer's format. */
export function predictGold(golds: GoldDoc[], ctx: NlpContext): PredDoc[] {
  return golds.map((g) => {
    const a = analyze(goldDocument(g), ctx);
    const entities = (a.entities ?? []).flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type, text: m.text })));
    entities.sort((x, y) => x.start - y.start || x.end - y.end);
    return { id: g.id, entities };
  });
}
