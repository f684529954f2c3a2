import { describe, expect, it } from 'vitest';
import { extract } from '../../src/api.js';
import { ROOT } from '../helpers/run.js';

/** The document presslens was created from: what a reader finds in it, found by general means. */
describe('the seed press release', async () => {
  const { documents } = await extract(`${ROOT}corpus/000_0885b6eca21b04fd.txt`);
  const seed = documents[0];

  it('has its title, dateline and date', () => {
    expect(seed.title).toBe('NATO-UN relations can be developed further');
    expect(seed.dateline).toMatchObject({ place: 'Brussels', date: '2018-10-30' });
    expect(seed.date).toBe('2018-10-30');
  });

  it('names exactly six people, each merged under their full name', () => {
    const people = seed.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((p) => p.name).sort()).toEqual(['Carlos Humberto Loitey', 'Mike Gapes', 'Monica Duffy Toft', 'Nicholas Burns', 'Richard K. Betts', 'Rosemary A. DiCarlo']);
    const dicarlo = people.find((p) => p.name === 'Rosemary A. DiCarlo')!;
    expect(dicarlo.mentions.map((m) => m.text)).toEqual(['Rosemary A. DiCarlo', 'DiCarlo', 'DiCarlo']);
    expect(dicarlo.role).toBe('Under-Secretary-General for Political Affairs');
    expect(people.find((p) => p.name === 'Carlos Humberto Loitey')!.role).toBe('Lieutenant General');
  });

  it('merges the defined acronyms with their long forms', () => {
    const pctr = seed.entities.find((e) => e.name === 'Sub-Committee on Transatlantic Relations');
    expect(pctr?.aliases).toContain('PCTR');
    expect(seed.acronyms.map((a) => a.acronym)).toEqual(expect.arrayContaining(['PCTR', 'LMSI']));
  });

  it('codes cyber, peacekeeping and populism, each with evidence', () => {
    const ids = seed.themes.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['cyber', 'peacekeeping', 'populism']));
    for (const id of ['cyber', 'peacekeeping', 'populism']) {
      const t = seed.themes.find((x) => x.id === id)!;
      expect(t.evidence.length).toBeGreaterThan(0);
      expect(t.evidence_sentence.length).toBeGreaterThan(20);
    }
  });
});
