import { readWordList } from './data-files.js';
import { tokenize } from '../tokenize.js';

export interface WordLists {
  /** Lower-case title and honorific tokens (single words, as they tokenize). */
  titleWords: Set<string>;
  /** Lower-case words that head organisation names. */
  orgHeads: Set<string>;
}

let cached: WordLists | null = null;

export function loadWordLists(): WordLists {
  if (cached) return cached;
  const titleWords = new Set<string>();
  for (const title of readWordList('lexicon/titles.txt')) {
    // Title words are capitalised in the list; "of" in "Chief-of-Staff" is not a title word.
    for (const t of tokenize(title)) if (/^\p{Lu}/u.test(t.text)) titleWords.add(t.text.toLowerCase());
  }
  const orgHeads = new Set(readWordList('lexicon/org-heads.txt').map((w) => w.toLowerCase()));
  cached = { titleWords, orgHeads };
  return cached;
}

/** Whether a token is a title word, written with or without its full stop ("Sgt." and "Sgt"). */
export function isTitleWord(lists: WordLists, token: string): boolean {
  const lower = token.toLowerCase();
  return lists.titleWords.has(lower) || lists.titleWords.has(lower.replace(/\.$/, ''));
}
