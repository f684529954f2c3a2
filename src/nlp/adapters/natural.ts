import { createRequire } from 'node:module';

// The package root of natural loads database clients and reads ./.env (see FACTS.md); its stemmer
// and stop-word files alone load in milliseconds. Only this file imports natural.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(token: string): string };
const stopwordList = require('natural/lib/natural/util/stopwords.js') as { words: string[] };

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Porter stem of a lower-case word (memoised: stemming is the hot part of theme matching). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porter.stem(word);
    // When full, keep what is there (the frequent words, met first).
    if (cache.size < CACHE_LIMIT) cache.set(word, s);
  }
  return s;
}

/** natural's English stop words. */
export const STOPWORDS: ReadonlySet<string> = new Set(stopwordList.words);
