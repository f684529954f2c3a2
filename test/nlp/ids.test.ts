import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityId, slug } from '../../src/nlp/entities.js';
import { compileAliases } from '../../src/nlp/aliases.js';
import { placeIds } from '../../src/nlp/entity-id.js';
import { analyze, createContext } from '../../src/nlp/index.js';
import type { Entity } from '../../src/schema/document.js';
import { cli, tempDir } from '../helpers/run.js';

describe('entity ids', () => {
  it.each([
    ['PERSON', 'Rosemary A. DiCarlo', 'person/rosemary-dicarlo'],
    ['PERSON', 'Rosemary DiCarlo', 'person/rosemary-dicarlo'],
    ['PERSON', 'Martin Luther King Jr.', 'person/martin-king'],
    ['PERSON', 'DiCarlo', 'person/dicarlo'],
    ['ORGANIZATION', 'the Fletcher School', 'organization/fletcher-school'],
    ['ORGANIZATION', 'Fletcher School', 'organization/fletcher-school'],
    ['LOCATION', 'Zürich', 'location/zurich'],
    ['ORGANIZATION', 'AT&T', 'organization/at-t'],
    ['ORGANIZATION', 'U.S. Department of Energy', 'organization/united-states-department-of-energy'],
    ['ORGANIZATION', 'U S Department of Energy', 'organization/united-states-department-of-energy'],
    ['ORGANIZATION', 'US Department of Energy', 'organization/united-states-department-of-energy'],
    ['ORGANIZATION', 'United States Department of Energy', 'organization/united-states-department-of-energy'],
    ['ORGANIZATION', 'U.K. Border Force', 'organization/united-kingdom-border-force'],
    ['ORGANIZATION', 'USA Swimming', 'organization/usa-swimming'],
    ['ORGANIZATION', 'CA Technologies', 'organization/ca-technologies'],
    ['ORGANIZATION', 'U.S.', 'organization/u-s'],
    ['LOCATION', 'U.S. Virgin Islands', 'location/u-s-virgin-islands'],
  ] as const)('%s %s -> %s', (type, name, id) => expect(entityId(type, name)).toBe(id));

  it('applies an aliases file: forced merges, and people kept apart', () => {
    const aliases = compileAliases({ merge: [{ into: 'organization/united-nations', ids: ['organization/un'] }], separate: ['person/john-a-smith'] });
    expect(entityId('ORGANIZATION', 'UN', aliases)).toBe('organization/united-nations');
    expect(entityId('PERSON', 'John A. Smith', aliases)).toBe('person/john-a-smith');
    expect(entityId('PERSON', 'John B. Smith', aliases)).toBe('person/john-smith');
  });

  it('slugs never come out empty', () => {
    expect(slug('…')).toBe('x');
  });
});

describe('place ids: places of one name are apart', () => {
  const ctx = createContext();
  const idsOf = (text: string) => analyze({ id: 'd', text, title: null, date: null, dateline: null } as never, ctx).entities!.filter((e) => e.type === 'LOCATION').map((e) => e.id);

  it.each([
    ['a city in a US state has the state', 'The Governor of Maine said Portland will host the summit.', 'location/portland.us-me'],
    ['the namesake in another state has its own', 'The Governor of Oregon said Portland will host the summit.', 'location/portland.us-or'],
    ['a state has its own code', 'Farmers in Maine lost crops.', 'location/maine.us-me'],
    ['a city abroad has its country where the gazetteer has no region', 'Talks in Lyon ended on Friday.', 'location/lyon.fr'],
    ['a country has none', 'Exports to Canada grew.', 'location/canada'],
    ['a state named like a country is apart from it', 'The plant in Atlanta, Georgia hired 200 people.', 'location/georgia.us-ga'],
    ['the country named like a state', 'Talks in Tbilisi, Georgia ended on Friday.', 'location/georgia'],
  ])('%s', (_, text, id) => {
    expect(idsOf(text)).toContain(id);
  });

  it('an id an aliases file set is kept, and the new id can be merged', () => {
    const place = { kind: 'city', country_code: 'US', region_code: 'US-ME', lat: 43.7, lon: -70.3 } as const;
    const entity = (id: string): Entity => ({ id, type: 'LOCATION', name: 'Portland', aliases: [], role: null, place: { ...place }, mentions: [] });
    const merged = [entity('location/portland-maine')];
    expect(placeIds(merged, ['location/portland-maine'])).toEqual(['location/portland-maine']);
    const aliases = compileAliases({ merge: [{ into: 'location/portland-harbour', ids: ['location/portland.us-me'] }], separate: [] });
    const own = [entity('location/portland')];
    expect(placeIds(own, ['location/portland', 'person/x'], aliases)).toEqual(['location/portland-harbour', 'person/x']);
    expect(own[0].id).toBe('location/portland-harbour');
  });
});

describe('--aliases on the command line', () => {
  const dir = tempDir('presslens-aliases-');
  const input = path.join(dir, 'a.txt');
  fs.writeFileSync(input, 'The UN met in Geneva. Ms Rosemary A. DiCarlo spoke for the UN.');

  it('merges ids across the run as the file says', () => {
    const file = path.join(dir, 'aliases.json');
    fs.writeFileSync(file, JSON.stringify({ merge: [{ into: 'organization/united-nations', ids: ['organization/un'] }] }));
    const out = path.join(dir, 'out');
    expect(cli(['extract', input, '--aliases', file, '--out', out, '--quiet']).code).toBe(0);
    const entities = fs.readFileSync(path.join(out, 'entities.csv'), 'utf8');
    expect(entities).toMatch(/organization\/united-nations,ORGANIZATION,UN/);
    expect(entities).not.toMatch(/organization\/un,/);
  });

  it('refuses an invalid aliases file with every problem and its path, exit 2', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ merge: [{ into: 'UN', ids: [] }], separate: [3], extra: true }));
    const r = cli(['extract', input, '--aliases', file, '--out', path.join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/merge\[0\]\.into/);
    expect(r.stderr).toMatch(/merge\[0\]\.ids/);
    expect(r.stderr).toMatch(/separate\[0\]/);
    expect(r.stderr).toMatch(/extra/);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
