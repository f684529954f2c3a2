import { describe, expect, it } from 'vitest';
import { countTerms, DocumentFrequencies } from '../../src/nlp/keywords.js';
import { tokenize } from '../../src/nlp/tokenize.js';

describe('keywords', () => {
  it('ranks terms by tf-idf over the run, grouping inflections under the commonest form', () => {
    const docs = [
      'Refugees and refugee camps: the refugee agency helps refugees. The plan is new.',
      'The plan for roads is new. The roads agency builds roads.',
      'The plan for schools is new.',
    ].map((t) => countTerms(tokenize(t)));
    const df = new DocumentFrequencies();
    for (const d of docs) df.add(d);
    const top = df.keywords(docs[0], 14, 3);
    expect(top[0]).toMatchObject({ term: 'refugee', count: 4 });
    expect(top.map((k) => k.term)).not.toContain('the');
    expect(top.map((k) => k.term)).not.toContain('plan');
  });

  it('skips stop words, numbers and one- or two-letter words', () => {
    expect([...countTerms(tokenize('The 2018 UN of a is it to be')).keys()]).toEqual([]);
  });
});
