import { oneSpaceApart, type Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';
import { isKnownPerson, isOrdinaryWord } from './word-classes.js';
import { isTitleWord } from './resources/wordlists.js';

/** An acronym: capitals only ("UNHCR", "ENISA"); with digits it is more often a bill or a year ("HR5", "FY08"). */
const ACRONYM = /^\p{Lu}{2,10}$/u;

/**
 * Verbs of speaking and stating. Only people and organisations say, urge or condemn; an acronym
 * that does is an organisation (laws and programmes, also written as acronyms, "require" and
 * "provide", but do not speak). Forms that are also plural nouns are left out: "FOIA appeals",
 * "GCC states", "MTBE demands".
 */
const SPEECH_VERBS = new Set([
  'said', 'says', 'stated', 'announced', 'announces', 'urged', 'urges', 'welcomed', 'welcomes',
  'condemned', 'condemns', 'warned', 'warns', 'recommended', 'recommends', 'appealed', 'praised',
  'criticised', 'criticises', 'criticized', 'criticizes', 'demanded', 'stressed', 'applauded',
  'applauds', 'commended', 'commends', 'deplored', 'deplores', 'expressed', 'declared', 'declares',
]);
/** "Calls" speaks only when it calls on or for something ("a programme on 6PR called Bouncing Around"). */
const CALL_VERBS = new Set(['calls', 'called']);
const CALLED_FOR = new Set(['on', 'upon', 'for']);
/** Words that may come between the subject and its verb: "UNHCR also urged", "CPI has called". */
const BETWEEN = new Set(['also', 'has', 'have', 'had', 'today', 'further', 'again', 'strongly', 'jointly', 'repeatedly', 'publicly']);
/** Before the acronym: an article ("an MP said") or a party letter ("Alexander R TN said"). */
const ARTICLES = new Set(['a', 'an']);
const PARTY_LETTERS = new Set(['R', 'D', 'I']);
const LETTER_OR_DIGIT_END = /[\p{L}\p{N}]$/u;

/**
 * "ENISA recommends that …", "CPI urged Gulf governments …": an acronym the tagger left untagged,
 * the subject of a verb of speaking, is an organisation. Consistency then labels its other
 * mentions in the document. Not an acronym that is:
 *  - in a headline written in capitals (`loud`), or after a title ("Senator CRAIG expressed"): people's
 *    surnames are written in capitals there;
 *  - a place the gazetteer knows ("UK said"), an ordinary word ("TV") or a person known by
 *    initials ("JFK said"; not any first name, as acronyms often spell one: "RITA", "ARI");
 *  - after an article or a party letter (a role, "an MP said"; a state, "R TN said");
 *  - more than one space from its verb: in releases stripped of their punctuation, a quotation
 *    ends there and the verb belongs to the next name ("… digital TV   said Allard");
 *  - the end of a word the tokenizer split ("6PR");
 *  - the subject of a passive ("praised by governors").
 */
export function addSpeakingAcronyms(text: string, tokens: Token[], loud: Uint8Array, spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const taken = takenTokens(tokens.length, spans);
  const isTitle = (i: number) => isTitleWord(res.lists, tokens[i].text);
  const gap = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const glued = (i: number) => i > 0 && tokens[i - 1].end === tokens[i].start && LETTER_OR_DIGIT_END.test(tokens[i - 1].text);
  const added: CleanSpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i].text;
    if (taken[i] || loud[i] || !ACRONYM.test(word) || isTitle(i) || glued(i)) continue;
    if (i > 0 && (isTitle(i - 1) || ARTICLES.has(tokens[i - 1].text.toLowerCase()) || PARTY_LETTERS.has(tokens[i - 1].text))) continue;
    if (placeEntries(res.gazetteer, [word]) || isOrdinaryWord(res.lexicon, word) || isKnownPerson(res.lexicon, word)) continue;
    let verb = i + 1;
    if (BETWEEN.has(tokens[verb].text) && verb + 1 < tokens.length && gap(i, verb)) verb++;
    const next = verb + 1 < tokens.length ? tokens[verb + 1].text : '';
    const speaks = (SPEECH_VERBS.has(tokens[verb].text) && next !== 'by') || (CALL_VERBS.has(tokens[verb].text) && CALLED_FOR.has(next));
    // One space from the acronym to its verb (the word between, if any, was checked when it was taken).
    if (speaks && gap(verb - 1, verb)) added.push(makeSpan(i, i + 1, 'ORGANIZATION'));
  }
  if (!added.length) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}
