import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { AcronymResolver, remapRecord } from '../../src/pipeline/acronym-resolution.js';
import type { DocumentRecord, Entity, EntityType } from '../../src/schema/document.js';
import type { EntitySummary } from '../../src/pipeline/types.js';
import { cli, tempDir } from '../helpers/run.js';
import { extract } from '../../src/api.js';

const entity = (id: string, type: EntityType, name: string): EntitySummary => ({ id, type, name, aliases: [], mentions: 1, place: null });
const defining = (acronym: string, longId: string, type: EntityType, longName: string) => ({
  entities: [{ ...entity(longId, type, longName), aliases: [acronym] }],
  acronyms: [{ acronym, long_form: longName, entity_id: longId, start: 0, end: acronym.length }],
  commonAcronyms: [],
});
const using = (...entities: EntitySummary[]) => ({ entities, acronyms: [], commonAcronyms: [] as string[] });
/** A release that defines the acronym for no name: "traumatic brain injury (TBI)". */
const definingNoName = (acronym: string) => ({ ...using(), commonAcronyms: [acronym] });

describe('bare acronyms resolved from the run table', () => {
  const cases: Array<[string, Array<ReturnType<typeof using>>, Record<string, string | null>]> = [
    ['one definition in the run: the bare use joins it', [defining('EMSA', 'organization/european-maritime-safety-agency', 'ORGANIZATION', 'European Maritime Safety Agency'), using(entity('organization/emsa', 'ORGANIZATION', 'EMSA'))], { 'organization/emsa': 'organization/european-maritime-safety-agency' }],
    ['the definition may come after the bare use', [using(entity('organization/emsa', 'ORGANIZATION', 'EMSA')), defining('EMSA', 'organization/european-maritime-safety-agency', 'ORGANIZATION', 'European Maritime Safety Agency')], { 'organization/emsa': 'organization/european-maritime-safety-agency' }],
    ['defined for no name only: the bare use is dropped', [definingNoName('TBI'), using(entity('organization/tbi', 'ORGANIZATION', 'TBI'))], { 'organization/tbi': null }],
    // False positives: nothing is joined or dropped.
    ['defined for no name and for a name: kept', [definingNoName('ACR'), defining('ACR', 'organization/american-college-of-radiology', 'ORGANIZATION', 'American College of Radiology'), using(entity('location/acr', 'LOCATION', 'ACR'))], {}],
    ['two long forms: ambiguous', [defining('ACR', 'organization/agency-for-coastal-resilience', 'ORGANIZATION', 'Agency for Coastal Resilience'), defining('ACR', 'organization/american-college-of-radiology', 'ORGANIZATION', 'American College of Radiology'), using(entity('organization/acr', 'ORGANIZATION', 'ACR'))], {}],
    ['defined for another type only', [defining('PA', 'location/pennsylvania', 'LOCATION', 'Pennsylvania'), using(entity('organization/pa', 'ORGANIZATION', 'PA'))], {}],
    ['never defined', [using(entity('organization/fema', 'ORGANIZATION', 'FEMA'))], {}],
    ['a name that is not an acronym', [defining('Port', 'organization/port-authority', 'ORGANIZATION', 'Port Authority'), using(entity('organization/port', 'ORGANIZATION', 'Port'))], {}],
    ['an id an aliases file chose is left alone', [defining('UN', 'organization/un-women', 'ORGANIZATION', 'UN Women'), using(entity('organization/united-nations', 'ORGANIZATION', 'UN'))], {}],
  ];
  it.each(cases)('%s', (_, docs, expected) => {
    const resolver = new AcronymResolver();
    for (const d of docs) resolver.add(d);
    expect(Object.fromEntries(resolver.resolve())).toEqual(expected);
  });

  it('follows no chains, whatever order the documents come in', () => {
    const docs = [
      defining('ABC', 'organization/ab', 'ORGANIZATION', 'AB'),
      defining('AB', 'organization/alpha-beta', 'ORGANIZATION', 'Alpha Beta'),
      using(entity('organization/abc', 'ORGANIZATION', 'ABC')),
    ];
    for (const order of [docs, [...docs].reverse()]) {
      const resolver = new AcronymResolver();
      for (const d of order) resolver.add(d);
      expect(Object.fromEntries(resolver.resolve())).toEqual({ 'organization/ab': 'organization/alpha-beta' });
    }
  });

  it('reports which entities of a document are bare acronyms', () => {
    const resolver = new AcronymResolver();
    expect(resolver.add(using(entity('organization/emsa', 'ORGANIZATION', 'EMSA'), entity('person/ann-lee', 'PERSON', 'Ann Lee')))).toEqual(['organization/emsa']);
  });
});

describe('remapRecord', () => {
  const mention = (start: number, text: string, sentence = 0) => ({ start, end: start + text.length, text, sentence });
  const e = (id: string, name: string, mentions: Entity['mentions']): Entity => ({ id, type: 'ORGANIZATION', name, aliases: [], role: null, place: null, mentions });
  const record = (entities: Entity[]): DocumentRecord =>
    ({ id: 'd', entities, roles: [{ entity_id: 'person/x', role: 'Director', organization_id: 'organization/emsa', start: 0, end: 8 }], acronyms: [] }) as unknown as DocumentRecord;
  const into = new Map([['organization/emsa', 'organization/european-maritime-safety-agency']]);

  it('renames a bare acronym entity, and the organisation of a role', () => {
    const r = remapRecord(record([e('organization/emsa', 'EMSA', [mention(10, 'EMSA')])]), into);
    expect(r.entities.map((x) => [x.id, x.name])).toEqual([['organization/european-maritime-safety-agency', 'EMSA']]);
    expect(r.roles[0].organization_id).toBe('organization/european-maritime-safety-agency');
  });

  it('drops an entity mapped to none, with the roles it holds, and leaves it out of roles it is the organisation of', () => {
    const withRole = { ...record([e('organization/emsa', 'EMSA', [mention(10, 'EMSA')]), e('organization/ccc', 'CCC', [mention(30, 'CCC')])]) };
    withRole.roles = [...withRole.roles, { entity_id: 'organization/ccc', role: 'Chair', organization_id: null, start: 25, end: 29 }];
    const r = remapRecord(withRole, new Map([['organization/emsa', null], ['organization/ccc', null]]));
    expect(r.entities).toEqual([]);
    expect(r.roles).toEqual([{ entity_id: 'person/x', role: 'Director', organization_id: null, start: 0, end: 8 }]);
  });

  it('merges it with the long form named in the same document, mentions in text order', () => {
    const r = remapRecord(record([e('organization/emsa', 'EMSA', [mention(10, 'EMSA'), mention(90, 'EMSA')]), e('organization/european-maritime-safety-agency', 'European Maritime Safety Agency', [mention(40, 'European Maritime Safety Agency')])]), into);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({ id: 'organization/european-maritime-safety-agency', name: 'European Maritime Safety Agency', aliases: ['EMSA'] });
    expect(r.entities[0].mentions.map((m) => m.start)).toEqual([10, 40, 90]);
  });
});

describe('an acronym a release defines for no name, over a run', () => {
  const dir = tempDir('presslens-common-acronyms-');
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(path.join(dir, 'in', 'a.txt'), 'Senator backs care for veterans\n\nWASHINGTON, May 3, 2007 - Senator Jane Doe said veterans with post-traumatic stress disorder (PTSD) need better care.\n');
  fs.writeFileSync(path.join(dir, 'in', 'b.txt'), 'Senator backs research\n\nWASHINGTON, May 4, 2007 - The bill funds research on TBI and PTSD at military hospitals, Doe said.\n');
  const mentionsOf = (input: string, out: string) => {
    expect(cli(['extract', input, '--out', out, '--quiet', '--workers', '1']).code).toBe(0);
    return (parse(fs.readFileSync(path.join(out, 'mentions.csv')), { columns: true }) as Array<Record<string, string>>).map((m) => `${m.doc_id}:${m.text}`);
  };

  it('is no name in a release that uses it without defining it', () => {
    // Alone, the release's "PTSD" is an organisation to the tagger; the run knows better.
    expect(mentionsOf(path.join(dir, 'in', 'b.txt'), path.join(dir, 'alone'))).toContain('b.txt:PTSD');
    expect(mentionsOf(path.join(dir, 'in'), path.join(dir, 'out'))).not.toContain('b.txt:PTSD');
  });
});

describe('acronym resolution over a run', () => {
  const dir = tempDir('presslens-acronyms-');
  fs.mkdirSync(path.join(dir, 'in'));
  fs.writeFileSync(
    path.join(dir, 'in', 'a.txt'),
    'Agency opens new office\n\nLISBON, 3 March 2024 - The European Maritime Safety Agency (EMSA) opened a new training centre in Lisbon on Monday. EMSA said the centre will train inspectors from every member state.\n',
  );
  fs.writeFileSync(
    path.join(dir, 'in', 'b.txt'),
    'Inspectors complete course\n\nLISBON, 9 April 2024 - Forty port inspectors completed their first course on Friday, according to EMSA. The course will run again in June, EMSA said.\n',
  );
  const out = path.join(dir, 'out');
  const run = cli(['extract', path.join(dir, 'in'), '--out', out, '--quiet', '--workers', '1']);
  const table = (name: string) => parse(fs.readFileSync(path.join(out, name)), { columns: true }) as Array<Record<string, string>>;

  it('joins the bare acronym of one release to the long form defined in another, in every output', () => {
    expect(run.code).toBe(0);
    const mentions = table('mentions.csv').filter((m) => m.text === 'EMSA');
    expect(mentions.filter((m) => m.doc_id === 'b.txt').length).toBe(2);
    expect(new Set(mentions.map((m) => m.entity_id))).toEqual(new Set(['organization/european-maritime-safety-agency']));
    const entities = table('entities.csv').filter((x) => x.entity_id.includes('emsa') || x.entity_id.includes('maritime'));
    expect(entities).toEqual([expect.objectContaining({ entity_id: 'organization/european-maritime-safety-agency', name: 'European Maritime Safety Agency', aliases: 'EMSA', documents: '2' })]);
    const b = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((d) => d.id === 'b.txt');
    expect(b.entities.find((x: Entity) => x.name === 'EMSA').id).toBe('organization/european-maritime-safety-agency');
  });

  it('does the same in the library call', async () => {
    const r = await extract(path.join(dir, 'in'));
    expect(r.entities.filter((x) => x.entity_id.includes('emsa') || x.entity_id.includes('maritime')).map((x) => [x.entity_id, x.documents])).toEqual([['organization/european-maritime-safety-agency', 2]]);
    expect(r.documents.find((d) => d.id === 'b.txt')!.entities.filter((x) => x.name === 'EMSA').map((x) => x.id)).toEqual(['organization/european-maritime-safety-agency']);
  });
});
