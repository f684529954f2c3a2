import nlp from 'compromise';

/**
 * compromise's lexicon (about 24,600 words with tags such as MaleName, Country, Organization),
 * reduced to the coarse classes the tagger uses as features. Only this file imports compromise;
 * its full parse is not used on documents: it costs ~50 ms a document, the lexicon nothing.
 */
const COARSE: Record<string, string> = {
  FirstName: 'first', MaleName: 'first', FemaleName: 'first', LastName: 'last', Person: 'person',
  Honorific: 'honorific', Country: 'country', City: 'city', Region: 'region', Place: 'place',
  Organization: 'org', SportsTeam: 'team', Demonym: 'demonym', Month: 'date', WeekDay: 'date', Date: 'date',
  PastTense: 'verb', PresentTense: 'verb', Infinitive: 'verb', Gerund: 'verb', Participle: 'verb', Verb: 'verb',
  Copula: 'verb', Modal: 'verb', Adjective: 'adj', Comparative: 'adj', Superlative: 'adj', Adverb: 'adv',
  Preposition: 'prep', Determiner: 'det', Conjunction: 'conj', Pronoun: 'pron', Possessive: 'pron',
  Singular: 'noun', Plural: 'noun', Uncountable: 'noun', Noun: 'noun', Actor: 'actor', ProperNoun: 'proper',
  Cardinal: 'value', Ordinal: 'value', TextValue: 'value', Abbreviation: 'abbr', Unit: 'unit', Currency: 'unit',
};

let lexicon: Map<string, string[]> | null = null;

/** Lower-case single word -> sorted coarse classes. */
export function compromiseLexicon(): Map<string, string[]> {
  if (lexicon) return lexicon;
  const raw = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  lexicon = new Map();
  for (const [word, tags] of Object.entries(raw)) {
    if (word.includes(' ')) continue;
    const classes = new Set<string>();
    for (const tag of ([] as string[]).concat(tags)) if (COARSE[tag]) classes.add(COARSE[tag]);
    if (classes.size) lexicon.set(word, [...classes].sort());
  }
  return lexicon;
}
