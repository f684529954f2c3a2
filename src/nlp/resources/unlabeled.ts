import fs from 'node:fs';
import { DATA_DIR, readTsv } from './data-files.js';

/**
 * Statistics learned from unlabeled press releases (see data/unlabeled/README.md), used as tagger
 * features: word clusters (bit-string paths, used at several prefix lengths) and how often a word
 * is capitalised away from a sentence start; and, for the name-shape rules, the short forms
 * written as names. All are optional: absent files mean no such features or rule.
 */
export const CLUSTER_PREFIXES = [4, 8, 12, 16];

export function loadClusters(): Map<string, string[]> | null {
  if (!fs.existsSync(`${DATA_DIR}unlabeled/clusters.tsv`)) return null;
  const out = new Map<string, string[]>();
  for (const [word, path] of readTsv('unlabeled/clusters.tsv')) {
    const prefixes = CLUSTER_PREFIXES.filter((p) => p <= path.length).map((p) => `c${p}:${path.slice(0, p)}`);
    if (path.length > 16) prefixes.push(`c:${path}`);
    out.set(word, prefixes);
  }
  return out;
}

export function loadCaseBuckets(): Map<string, number> | null {
  if (!fs.existsSync(`${DATA_DIR}unlabeled/case.tsv`)) return null;
  const out = new Map<string, number>();
  for (const [word, bucket] of readTsv('unlabeled/case.tsv')) out.set(word, Number(bucket));
  return out;
}

/** Words that, ending a short form after "the", press releases nearly always capitalise ("the House"). */
export function loadShortForms(): Set<string> {
  if (!fs.existsSync(`${DATA_DIR}unlabeled/short-forms.tsv`)) return new Set();
  return new Set(readTsv('unlabeled/short-forms.tsv').map(([word]) => word));
}
