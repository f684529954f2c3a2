import { compromiseLexicon } from '../adapters/compromise.js';
import type { FeatureResources } from '../model/features.js';
import { loadGazetteer } from './gazetteer.js';
import { loadCaseBuckets, loadClusters, loadShortForms } from './unlabeled.js';
import { loadWordLists } from './wordlists.js';

let cached: FeatureResources | null = null;

/** Every resource the tagger's features read, loaded once per process. */
export function loadFeatureResources(): FeatureResources {
  cached ??= {
    lexicon: compromiseLexicon(),
    gazetteer: loadGazetteer(),
    lists: loadWordLists(),
    clusters: loadClusters(),
    caseBuckets: loadCaseBuckets(),
    shortForms: loadShortForms(),
  };
  return cached;
}
