import { oneSpaceApart, type Token } from './tokenize.js';
import type { Sentence } from './sentences.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';
import { inCapitalLines, isOrdinaryWord } from './word-classes.js';

/** An acronym: a capital, then capitals, digits or "&" ("UNHCR", "G7", "AT&T"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&]{1,9}$/u;

/**
 * Verbs of speaking and stating. Only people and organisations say, urge or condemn; an acronym
 * that does is an organisation (laws and programmes, also written as acronyms, "require" and
 * "provide", but do not speak).
 */
const SPEECH_VERBS = new Set([
  'said', 'says', 'stated', 'announced', 'announces', 'urged', 'urges', 'welcomed', 'welcomes',
  'condemned', 'condemns', 'warned', 'warns', 'recommended', 'recommends', 'appealed', 'appeals', 'praised', 'praises',
  'criticised', 'criticises', 'criticized', 'criticizes', 'demanded', 'demands', 'stressed', 'stresses', 'applauded',
  'applauds', 'commended', 'commends', 'deplored', 'deplores', 'expressed', 'expresses', 'declared', 'declares',
]);
/** "Calls" speaks only when it calls on or for something ("a programme on 6PR called Bouncing Around"). */
const CALL_VERBS = new Set(['calls', 'called']);
const CALLED_FOR = new Set(['on', 'upon', 'for']);
/** Words that may come between the subject and its verb: "UNHCR also urged", "CPI has called". */
const BETWEEN = new Set(['also', 'has', 'have', 'had', 'today', 'further', 'again', 'strongly', 'jointly', 'repeatedly', 'publicly']);

/**
 * "ENISA recommends that …", "CPI urged Gulf governments …": an acronym the tagger left untagged,
 * the subject of a verb of speaking, is an organisation. Consistency then labels its other
 * mentions in the document. Not an acronym that is:
 *  - in a headline written in capitals, or after a title ("Senator CRAIG expressed"): people's
 *    surnames are written in capitals there;
 *  - a place the gazetteer knows ("UK said") or an ordinary word ("TV");
 *  - more than one space from its verb: in releases stripped of their punctuation, a quotation
 *    ends there and the verb belongs to the next name ("… digital TV   said Allard");
 *  - part of a longer word the tokenizer split ("6PR").
 */
export function addSpeakingAcronyms(text: string, tokens: Token[], sentences: Sentence[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const taken = takenTokens(tokens.length, spans);
  const loud = inCapitalLines(tokens, sentences);
  const isTitle = (i: number) => res.lists.titleWords.has(tokens[i].text.toLowerCase());
  const added: CleanSpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i].text;
    if (taken[i] || loud[i] || !ACRONYM.test(word) || isTitle(i) || (i > 0 && (isTitle(i - 1) || tokens[i - 1].end === tokens[i].start))) continue;
    if (placeEntries(res.gazetteer, [word]) || isOrdinaryWord(res.lexicon, word)) continue;
    let verb = i + 1;
    if (BETWEEN.has(tokens[verb].text) && verb + 1 < tokens.length && oneSpaceApart(text, tokens, i, verb)) verb++;
    const speaks = SPEECH_VERBS.has(tokens[verb].text) || (CALL_VERBS.has(tokens[verb].text) && verb + 1 < tokens.length && CALLED_FOR.has(tokens[verb + 1].text));
    if (speaks && oneSpaceApart(text, tokens, verb - 1, verb) && oneSpaceApart(text, tokens, i, i + 1)) added.push(makeSpan(i, i + 1, 'ORGANIZATION'));
  }
  if (!added.length) return spans;
  return [...spans, ...added].sort((a, b) => a.first - b.first);
}
