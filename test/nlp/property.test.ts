import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { parseRecords, isRecordError } from '../../src/ingest/records.js';
import { readStructure } from '../../src/ingest/structure.js';
import { analyze, createContext, type NlpContext } from '../../src/nlp/index.js';
import { toRecord } from '../../src/export/record.js';
import { DocumentRecord } from '../../src/schema/document.js';
import { TEST_CODEBOOK } from '../helpers/codebook.js';
import type { IngestedDocument } from '../../src/ingest/types.js';

let ctx: NlpContext;
beforeAll(() => {
  ctx = createContext({ codebook: TEST_CODEBOOK });
});

/** Run text through structure, nlp and export as a .txt document would go, and check the record. */
function check(text: string): void {
  const s = readStructure(text, { title: null, date: null, url: null, publisher: null }, 'p.txt', false);
  const doc: IngestedDocument = { id: 'p.txt', source: { path: 'p.txt', format: 'txt', encoding: 'utf-8', record: null, sha256: 'x' }, text, title: s.title, date: s.date, dateSource: s.dateSource, dateline: s.dateline, publisher: null, url: null, warnings: [] };
  const record = toRecord(analyze(doc, ctx));
  expect(DocumentRecord.safeParse(record).success).toBe(true);
  for (const e of record.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const t of record.themes) for (const ev of t.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
  for (const r of record.roles) expect(r.start).toBeLessThan(r.end);
  if (record.dateline) expect(text.slice(record.dateline.start, record.dateline.end)).toBe(record.dateline.text);
}

const pieces = fc.constantFrom(
  'BRUSSELS, 14 June 2023 –', 'Ms', 'Dr.', 'Lieutenant General', 'Anna', 'Berg', 'NATO', 'NATO’s', 'UN', 'U.S.', 'the', 'Sub-Committee', 'on', 'Relations',
  '(PCTR)', '(', ')', ',', '.', '. ', '!', '?', '"', '“', '”', "'s", '-', '–', '—', '/', ':', ';', '\n', '\n\n', '\r\n', '\r', '\t', '  ', 'Ministry of Defence',
  'New York Police Department', 'Paris', 'Syrian', 'cyber security', 'ransomware', 'asylum', 'migrants', '2%', '1,000', '###', 'Notes to editors', 'About',
  'https://example.org/a?b=c', 'press@example.org', 'Zürich', 'Ελλάδα', '東京', '🙂', 'e\u0301', '\u200b', '\ufeff', 'A.', 'K.', 'Inc.', 'Ltd', 'ACRONYM', 'x'.repeat(300),
);
const pressLike = fc.array(pieces, { maxLength: 60 }).map((xs) => xs.join(' '));

describe('property: no input breaks extraction or its offsets', () => {
  it('random press-release-like text (5,000 cases)', () => {
    fc.assert(fc.property(pressLike, (text) => check(text)), { numRuns: 5000, seed: 20181030 });
  });

  it('random bytes through decoding and every record format (5,000 cases)', () => {
    const formats = ['txt', 'md', 'html', 'json', 'jsonl'] as const;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...formats), (bytes, format) => {
        const decoded = decode(bytes);
        if (!decoded.ok) return;
        for (const rec of parseRecords(format, decoded.text)) if (!isRecordError(rec)) check(rec.text);
      }),
      { numRuns: 5000, seed: 20181030 },
    );
  });
});
