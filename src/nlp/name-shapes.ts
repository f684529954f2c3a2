import { oneSpaceApart, type Token } from './tokenize.js';
import { makeSpan, takenTokens, type CleanSpan } from './spans.js';
import type { Sentence } from './sentences.js';
import type { FeatureResources } from './model/features.js';
import { placeEntries } from './resources/gazetteer.js';

const POSSESSIVE = /^['’]s?$/i;
/** Organisation heads whose name goes on with "in" and the place they serve ("Mission in Mali"). */
const SERVES_IN = new Set(['mission', 'force', 'operation']);
/** Capitalised at the start of a sentence or heading, never the start of a name ("The Fletcher School" is "Fletcher School"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'our', 'their', 'his', 'her', 'my', 'your', 'every', 'each', 'all', 'both']);

/**
 * Where an organisation's name starts and ends, by the shape of the words around it (the
 * tagger sees two words either side; these rules see the whole name):
 *  - "European Union and New Zealand" tagged as one organisation is an organisation and a place;
 *  - "City Council's Committee on Energy": an organisation's possessive before a name that starts
 *    with a head word ends the first name;
 *  - "United Nations Mission in South Sudan": a mission or force takes in the country it serves;
 *  - "Defence and Security Committee", "Digital Democracy Alliance": an organisation ending in a
 *    head word takes in the untagged capitalised words before it.
 */
export function shapeOrganisations(text: string, tokens: Token[], sentences: Sentence[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { lists, caseBuckets, gazetteer } = res;
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const capitalised = (i: number) => i >= 0 && i < tokens.length && /^\p{Lu}/u.test(tokens[i].text);
  const isHead = (i: number) => capitalised(i) && lists.orgHeads.has(lower(i));
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const kinds = (a: number, b: number) => placeEntries(gazetteer, tokens.slice(a, b).map((t) => t.text)) ?? [];
  const isCountryOrRegion = (a: number, b: number) => kinds(a, b).some((e) => e.kind === 'country' || e.kind === 'region' || e.kind === 'area');
  const sentenceStart = new Set(sentences.map((s) => s.first));

  // Split first: coordinated places and possessives.
  const split: CleanSpan[] = [];
  for (const s of spans) {
    if (s.type !== 'ORGANIZATION') {
      split.push(s);
      continue;
    }
    let cut = -1;
    for (let k = s.first + 1; k < s.last - 1 && cut < 0; k++) {
      if (lower(k) === 'and' && isCountryOrRegion(k + 1, s.last)) cut = k;
      const before = k - 1;
      if (POSSESSIVE.test(tokens[k].text) && isHead(k + 1) && (isHead(before) || before === s.first)) cut = k;
    }
    if (cut < 0) {
      split.push(s);
      continue;
    }
    const place = lower(cut) === 'and';
    split.push(makeSpan(s.first, cut, s.type, s.title));
    split.push(makeSpan(cut + 1, s.last, place ? 'LOCATION' : 'ORGANIZATION'));
  }

  const taken = takenTokens(tokens.length, split);
  const out: CleanSpan[] = [];
  for (let n = 0; n < split.length; n++) {
    let s = split[n];
    if (s.type === 'ORGANIZATION') {
      // "... Mission in (the) South Sudan".
      const next = split[n + 1];
      let at = s.last;
      if (SERVES_IN.has(lower(s.last - 1)) && tokens[at]?.text === 'in') {
        at++;
        if (lower(at) === 'the') at++;
        // A country or region: a mission serves one; a task force "in Wolf Point" is located there.
        if (next && next.first === at && next.type === 'LOCATION' && oneSpace(s.last - 1, s.last) && isCountryOrRegion(next.first, next.last)) {
          s = makeSpan(s.first, next.last, s.type, s.title);
          n++;
        }
      }
      // "Digital" + "Democracy Alliance": words written in title case that are not usually lower
      // case (headline verbs, "If", "As"), onto a name of two words or more (a lone "Senate"
      // after "House and" is a second name).
      if (isHead(s.last - 1) && s.last - s.first >= 2) {
        const bucket = (i: number) => caseBuckets?.get(lower(i)) ?? 4;
        // Not a headline's verb ("Joins", "Urges"): a word ending in "s" must be nearly always capitalised.
        const modifier = (i: number) => /^\p{Lu}\p{Ll}/u.test(tokens[i].text) && !taken[i] && !lists.titleWords.has(lower(i)) && !DETERMINERS.has(lower(i)) && bucket(i) >= 2 && (bucket(i) >= 4 || !/s$/.test(lower(i)));
        let first = s.first;
        for (;;) {
          const p = first - 1;
          if (p >= 0 && modifier(p) && oneSpace(p, first)) first--;
          else if (p > 0 && lower(p) === 'and' && modifier(p - 1) && !isHead(p - 1) && oneSpace(p - 1, p) && oneSpace(p, first)) first -= 2;
          else break;
        }
        // A sentence's first word is capitalised anyway: kept only when usually capitalised.
        while (first < s.first && sentenceStart.has(first) && bucket(first) <= 2) first++;
        if (first < s.first) s = makeSpan(first, s.last, s.type);
      }
    }
    out.push(s);
  }
  return out;
}

/** Lower-case words that may stand inside an organisation's name ("Committee on the Civil Dimension of Security"). */
const NAME_CONNECTORS = new Set(['of', 'on', 'for', 'the', 'and', 'to', 'in']);
/** Head words that as often end the name of a programme, fund, event or generic body ("Energy Bill", "Advisory Board"). */
const WEAK_HEADS = new Set(['program', 'programme', 'fund', 'conference', 'partnership', 'team', 'board', 'union']);
const MONTHS_AND_DAYS = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * Organisations the tagger missed, in running text: "the" and title-case words that either end
 * in an organisation head word ("the Royal Canadian Mounted Police") or start with one and go on
 * with "of", "on", "for" ("the Committee on the Civil Dimension of Security"), followed by a
 * lower-case word or punctuation. The lower-case neighbours keep title-case headlines out
 * ("Senate Passes Farm Bill"); a title ("Secretary of Energy") is not a head.
 */
export function addTitleCaseOrganisations(text: string, tokens: Token[], spans: CleanSpan[], res: FeatureResources): CleanSpan[] {
  const { lists } = res;
  const taken = takenTokens(tokens.length, spans);
  const lower = (i: number) => tokens[i].text.toLowerCase();
  const titleCase = (i: number) => i < tokens.length && !taken[i] && /^\p{Lu}[\p{Ll}\p{Lu}'’-]*$/u.test(tokens[i].text) && /\p{Ll}/u.test(tokens[i].text) && !MONTHS_AND_DAYS.test(lower(i));
  const isHead = (i: number) => lists.orgHeads.has(lower(i)) && !WEAK_HEADS.has(lower(i));
  const oneSpace = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const added: CleanSpan[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1].text !== 'the' || !titleCase(i) || !oneSpace(i - 1, i)) continue;
    let end = i + 1;
    let connected = false;
    for (;;) {
      if (end < tokens.length && titleCase(end) && oneSpace(end - 1, end)) end++;
      else if (end < tokens.length && NAME_CONNECTORS.has(tokens[end].text) && oneSpace(end - 1, end)) {
        let k = end;
        while (k < tokens.length && NAME_CONNECTORS.has(tokens[k].text) && k - end < 2) k++;
        // The name goes on with "of", "on", "for", "to" ("Guard and Reserve" is two names).
        const opens = connected || /^(of|on|for|to)$/.test(tokens[end].text);
        if (opens && k < tokens.length && titleCase(k) && oneSpace(k - 1, k)) {
          end = k + 1;
          connected = true;
        } else break;
      } else break;
    }
    const after = tokens[end];
    const closed = !after || !/^\p{Lu}/u.test(after.text);
    const headFirst = isHead(i) && connected;
    const headLast = isHead(end - 1) && !connected && !lists.titleWords.has(lower(i));
    if (end - i >= 2 && closed && (headFirst || headLast)) added.push(makeSpan(i, end, 'ORGANIZATION'));
    i = end;
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.first - b.first) : spans;
}
