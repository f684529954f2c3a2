import fs from 'node:fs';
import { z } from 'zod';
import { Codebook } from '../schema/codebook.js';
import type { TermEntry } from '../schema/codebook.js';
import { PresslensError } from '../util/errors.js';
import { sha256 } from '../util/hash.js';
import { stem } from './adapters/natural.js';
import { DATA_DIR } from './resources/data-files.js';
import { tokenize } from './tokenize.js';
import { matchForm } from './themes.js';

export const DEFAULT_CODEBOOK = `${DATA_DIR}codebook/default.json`;

export interface CompiledTerm {
  theme: number;
  text: string;
  rule: 'term' | 'phrase';
  stems: string[];
  weight: number;
  /** Stem sequences of which one must occur in the same sentence; empty = no requirement. */
  requires: string[][];
}

export interface CompiledTheme {
  id: string;
  label: string;
  threshold: number;
  minSentences: number;
  /** Lower-case word sequences inside which a hit does not count. */
  exclusions: string[][];
}

export interface CompiledCodebook {
  name: string;
  version: string;
  /** sha256 of the codebook's canonical JSON: goes into the manifest and the cache key. */
  hash: string;
  codebook: Codebook;
  themes: CompiledTheme[];
  /** First stem -> terms and phrases starting with it. */
  index: Map<string, CompiledTerm[]>;
}

/** Lower-case words of a phrase as the matcher sees them (hyphens split, punctuation dropped). */
export function words(phrase: string): string[] {
  return tokenize(phrase)
    .map((t) => matchForm(t.text))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

export const stems = (phrase: string) => words(phrase).map(stem);

/** Every problem of an invalid codebook, one line each with its path ("themes[2].terms[0]: ..."). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
    return `${path || '(root)'}: ${i.message}`;
  });
}

/** Validate a codebook value; throws E_CODEBOOK listing every problem with its path. */
export function parseCodebook(value: unknown, source: string): Codebook {
  const parsed = Codebook.safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    throw new PresslensError('E_CODEBOOK', `Invalid codebook ${source}: ${details.length} problem(s):\n${details.map((d) => `  ${d}`).join('\n')}`, { details });
  }
  return parsed.data;
}

export function readCodebookFile(file: string): Codebook {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PresslensError('E_CODEBOOK', `Cannot read codebook ${file}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new PresslensError('E_CODEBOOK', `Codebook ${file} is not valid JSON: ${(error as Error).message}`, { details: [`(root): ${(error as Error).message}`] });
  }
  return parseCodebook(value, file);
}

const entryOf = (e: TermEntry) => (typeof e === 'string' ? { text: e, weight: 1, requires: undefined } : e);

/** Turn a validated codebook into stem sequences indexed by their first stem. */
export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const index = new Map<string, CompiledTerm[]>();
  const themes: CompiledTheme[] = codebook.themes.map((t, ti) => {
    for (const [rule, list] of [['term', t.terms], ['phrase', t.phrases]] as const) {
      for (const raw of list) {
        const e = entryOf(raw);
        const s = stems(e.text);
        if (!s.length) continue;
        const term: CompiledTerm = { theme: ti, text: e.text, rule, stems: s, weight: e.weight, requires: (e.requires ?? []).map(stems).filter((r) => r.length) };
        index.set(s[0], [...(index.get(s[0]) ?? []), term]);
      }
    }
    return { id: t.id, label: t.label, threshold: t.threshold, minSentences: t.minSentences, exclusions: t.exclusions.map(words).filter((x) => x.length) };
  });
  // Longer phrases first, so the longest match wins at a position.
  for (const list of index.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { name: codebook.name, version: codebook.version, hash: sha256(JSON.stringify(codebook)), codebook, themes, index };
}

export function loadCodebook(file = DEFAULT_CODEBOOK): CompiledCodebook {
  return compileCodebook(readCodebookFile(file));
}
