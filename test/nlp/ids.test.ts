import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityId, slug } from '../../src/nlp/entities.js';
import { compileAliases } from '../../src/nlp/aliases.js';
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
