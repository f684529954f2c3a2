import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvHeader, csvRows, neutralise, readCsvRecords } from '../../src/export/csv.js';

describe('csv', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-ends-', "'-ends-"],
    ['@handle', "'@handle"],
    ['\tindent', "'\tindent"],
    ['\rreturn', "'\rreturn"],
    ['NATO', 'NATO'],
  ])('neutralises %j', (input, output) => expect(neutralise(input)).toBe(output));

  it('leaves numbers alone, including negative ones, and writes empty cells for null', () => {
    expect(neutralise(-5)).toBe('-5');
    expect(neutralise(null)).toBe('');
  });

  it('writes RFC 4180: CRLF records, quotes doubled, fields with commas or newlines quoted', () => {
    expect(csvHeader('keywords.csv')).toBe('doc_id,rank,term,score,count\r\n');
    const out = csvRows('keywords.csv', [{ doc_id: 'a,"b"\nc', rank: 1, term: 'x', score: 0.5, count: 2 }]);
    expect(out).toBe('"a,""b""\nc",1,x,0.5,2\r\n');
  });

  it.each([
    ['a lone line feed', 'VA.\n CARANA'],
    ['a lone carriage return', 'one\rtwo'],
    ['a CRLF', 'one\r\ntwo'],
    ['a quote and no comma', 'the "Alliance"'],
  ])('quotes a field with %s, so that a CSV reader gets it back whole', (_, text) => {
    const out = csvRows('mentions.csv', [{ doc_id: 'd', entity_id: 'person/x', type: 'PERSON', start: 0, end: text.length, text, sentence_index: 0 }]);
    expect(out.startsWith('d,person/x,PERSON,0,')).toBe(true);
    expect(parse(out)).toEqual([['d', 'person/x', 'PERSON', '0', String(text.length), text, '0']]);
  });

  it('reads back what it writes exactly as csv-parse does, whatever the cells hold', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '""', '\r\n', '\n', '\r', 'a,"b"\r\nc', ' x '));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 6 }), (cells) => {
        const text = csvHeader('keywords.csv') + csvRows('keywords.csv', cells.map(([doc_id, term, count]) => ({ doc_id, rank: 1, term, score: 0.5, count: count as never })));
        expect(readCsvRecords(text, true)).toEqual(parse(text, { from_line: 2, relax_column_count: true }));
      }),
      { numRuns: 2000, seed: 20181030 },
    );
  });

  it.each([
    ['an unclosed quote', 'a,"b\r\n', /not closed/],
    ['text after a closing quote', 'a,"b"c\r\n', /followed by "c"/],
  ])('refuses CSV with %s', (_, text, message) => expect(() => readCsvRecords(text)).toThrow(message));

  it('reads the last record without a line break and an empty last field', () => {
    expect(readCsvRecords('a,b\r\nc,')).toEqual([['a', 'b'], ['c', '']]);
  });
});
