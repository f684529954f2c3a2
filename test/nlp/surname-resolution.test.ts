import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { cli, tempDir } from '../helpers/run.js';
import { SurnameResolver } from '../../src/pipeline/surname-resolution.js';
import type { EntityType } from '../../src/schema/document.js';
import type { EntitySummary } from '../../src/pipeline/types.js';

const entity = (id: string, name: string, type: EntityType = 'PERSON'): EntitySummary => ({ id, type, name, aliases: [], mentions: 1, place: null });
const doc = (...entities: EntitySummary[]) => ({ entities });
const vantreese = entity('person/marta-vantreese', 'Marta Vantreese');
const lone = entity('person/vantreese', 'Vantreese');

describe('people known by surname alone, resolved from the run', () => {
  const cases: Array<[string, Array<ReturnType<typeof doc>>, Record<string, string>]> = [
    ['one person in full, in two documents: the surname joins', [doc(vantreese), doc(vantreese), doc(lone)], { 'person/vantreese': 'person/marta-vantreese' }],
    ['the full name may come later', [doc(lone), doc(vantreese), doc(entity('person/marta-vantreese', 'Marta J. Vantreese'))], { 'person/vantreese': 'person/marta-vantreese' }],
    ['a suffix is no surname', [doc(entity('person/tom-vantreese', 'Tom Vantreese Jr.')), doc(entity('person/tom-vantreese', 'Tom Vantreese Jr.')), doc(lone)], { 'person/vantreese': 'person/tom-vantreese' }],
    // False positives: nothing is joined.
    ['two people with the surname: ambiguous', [doc(vantreese), doc(vantreese), doc(entity('person/omar-vantreese', 'Omar Vantreese')), doc(lone)], {}],
    ['the full name in one document only', [doc(vantreese), doc(lone)], {}],
    ['a word the run uses as a first name', [doc(entity('person/lena-marta', 'Lena Marta')), doc(entity('person/lena-marta', 'Lena Marta')), doc(vantreese), doc(entity('person/marta', 'Marta'))], {}],
    ['a possessive that lost its apostrophe', [doc(vantreese), doc(entity('person/ann-vantreeses', 'Ann Vantreeses')), doc(entity('person/ann-vantreeses', 'Ann Vantreeses')), doc(entity('person/vantreeses', 'Vantreeses'))], {}],
    ['a lone word taken for an organisation is the person', [doc(vantreese), doc(vantreese), doc(entity('organization/vantreese', 'Vantreese', 'ORGANIZATION'))], { 'organization/vantreese': 'person/marta-vantreese' }],
    ['a word that starts an organisation of the run stays an organisation', [doc(vantreese), doc(vantreese), doc(entity('organization/vantreese-motor-company', 'Vantreese Motor Company', 'ORGANIZATION')), doc(entity('organization/vantreese', 'Vantreese', 'ORGANIZATION'))], {}],
    ['an acronym is no surname', [doc(entity('person/jo-kpmg', 'Jo KPMG')), doc(entity('person/jo-kpmg', 'Jo KPMG')), doc(entity('person/kpmg', 'KPMG'))], {}],
    ['an id an aliases file chose is left alone', [doc(vantreese), doc(vantreese), doc(entity('person/m-vantreese', 'Vantreese'))], {}],
  ];
  it.each(cases)('%s', (_, docs, expected) => {
    const resolver = new SurnameResolver();
    for (const d of docs) resolver.add(d);
    expect(Object.fromEntries(resolver.resolve())).toEqual(expected);
  });

  it('reports which people of a document are named by surname alone', () => {
    const resolver = new SurnameResolver();
    expect(resolver.add(doc(lone, vantreese, entity('organization/nato', 'NATO', 'ORGANIZATION'), entity('organization/halberd', 'Halberd', 'ORGANIZATION')))).toEqual(['person/vantreese', 'organization/halberd']);
  });
});

describe('a record remapped from the run', () => {
  it('makes an organisation resolved to a person a person, and no role\'s organisation', async () => {
    const { remapRecord } = await import('../../src/pipeline/acronym-resolution.js');
    const record = {
      entities: [{ id: 'organization/vantreese', type: 'ORGANIZATION', name: 'Vantreese', aliases: [], role: null, place: null, mentions: [{ start: 0, end: 9, text: 'Vantreese', sentence: 0 }] }],
      roles: [{ entity_id: 'person/ida-lund', role: 'director', organization_id: 'organization/vantreese', start: 20, end: 28 }],
      acronyms: [],
    };
    const after = remapRecord(record as never, new Map([['organization/vantreese', 'person/marta-vantreese']]));
    expect(after.entities.map((e) => [e.id, e.type])).toEqual([['person/marta-vantreese', 'PERSON']]);
    expect(after.roles[0].organization_id).toBeNull();
  });
});

describe('surname resolution over a run', () => {
  const dir = tempDir('presslens-surnames-');
  fs.mkdirSync(path.join(dir, 'in'));
  const release = (date: string, body: string) => `Port upgrade\n\nPORTLAND, ${date} - ${body}\n`;
  fs.writeFileSync(path.join(dir, 'in', 'a.txt'), release('3 March 2024', 'Senator Marta Vantreese announced funding for the harbour on Monday. Vantreese said the work would start in May.'));
  fs.writeFileSync(path.join(dir, 'in', 'b.txt'), release('9 April 2024', 'Senator Marta Vantreese visited the harbour on Friday and met the dock workers.'));
  fs.writeFileSync(path.join(dir, 'in', 'c.txt'), release('2 May 2024', 'Work on the harbour began on Thursday. This is a good day for the city, said Vantreese.'));
  const out = path.join(dir, 'out');
  const run = cli(['extract', path.join(dir, 'in'), '--out', out, '--quiet', '--workers', '1']);
  const table = (name: string) => parse(fs.readFileSync(path.join(out, name)), { columns: true }) as Array<Record<string, string>>;

  it('gives the surname alone in one release the id of the full name in others', () => {
    expect(run.code).toBe(0);
    const inC = table('mentions.csv').filter((m) => m.doc_id === 'c.txt' && m.text === 'Vantreese');
    expect(inC.map((m) => m.entity_id)).toEqual(['person/marta-vantreese']);
    const people = table('entities.csv').filter((x) => x.entity_id.includes('vantreese'));
    expect(people).toEqual([expect.objectContaining({ entity_id: 'person/marta-vantreese', name: 'Marta Vantreese', documents: '3' })]);
  });
});
