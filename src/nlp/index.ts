import type { DocumentTheme, Entity } from '../schema/document.js';
import type { IngestedDocument } from '../ingest/types.js';
import { addDefinedAcronyms, joinLongForms } from './acronyms.js';
import { findZones } from './boilerplate.js';
import { loadTowns, namesCountryOrRegion, placeEntries } from './resources/gazetteer.js';
import { isTitleWord } from './resources/wordlists.js';
import { inCapitalLines, isOrdinaryWord, usuallyLowerCase } from './word-classes.js';
import { makeConsistent } from './consistency.js';
import type { NlpContext } from './context.js';
import { buildEntities, type AcronymDefinition } from './entities.js';
import { placeIds } from './entity-id.js';
import { countTerms, type Terms } from './keywords.js';
import { linkPlaces } from './places.js';
import { addGazetteerPlaces, applyNamePatterns, commonNounAcronyms, extendOrganisations } from './patterns.js';
import { applyReleaseConventions } from './release-conventions.js';
import { addTitleCaseOrganisations, shapeOrganisations } from './name-shapes.js';
import { placesByContext } from './place-context.js';
import { addSpeakingAcronyms } from './speaking-acronyms.js';
import { findRoles, type RoleMention } from './roles.js';
import { splitSentences, type Sentence } from './sentences.js';
import { cleanSpans, splitAtLayoutBreaks, type CleanSpan } from './spans.js';
import { tagDocument } from './tagger.js';
import { themeScores, type ScoredTheme } from './themes.js';
import { splitGluedPossessives, tokenize, type GluedWords, type Token } from './tokenize.js';
import type { TokenSpan } from './model/tags.js';

export type { NlpContext } from './context.js';
export { createContext } from './context.js';

/** A document as it moves through the nlp stages; each stage fills in one part. */
export interface Analysis {
  doc: IngestedDocument;
  tokens?: Token[];
  wordCount?: number;
  sentences?: Sentence[];
  /** 1 for each token of a headline written in capitals (read by consistency, speaking acronyms and roles). */
  capitalLines?: Uint8Array;
  /** Acronyms the document defines for no name ("traumatic brain injury (TBI)"). */
  commonAcronyms?: Set<string>;
  tagged?: TokenSpan[];
  spans?: CleanSpan[];
  roles?: RoleMention[];
  entities?: Entity[];
  spanEntity?: string[];
  acronyms?: AcronymDefinition[];
  countries?: string[];
  themes?: DocumentTheme[];
  /** Every theme with evidence, assigned or not (for explain). */
  themeScores?: ScoredTheme[];
  terms?: Terms;
}

type Stage = (a: Analysis, ctx: NlpContext) => void;

function need<T>(value: T | undefined, what: string, stage: string): T {
  if (value === undefined) throw new Error(`nlp stage "${stage}" needs ${what}, which no earlier stage produced`);
  return value;
}

const WORD = /[\p{L}\p{N}]/u;
/** Written as a place's name is: "Philippines", not "VAs" (Vas, a county in Hungary). */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

/**
 * What splitting glued possessives asks of the resources: a title or a word usually lower case
 * ends in a plural "s" ("Senators", "Services"), a place keeps its "s" ("Philippines"); a
 * country or region with a glued "s" shows the text lost its apostrophes ("Hawaiis"), and so
 * may a plural place named after one ("Americas", see splitGluedPossessives).
 */
function gluedWords({ lists, caseBuckets, gazetteer }: NlpContext['resources']): GluedWords {
  return {
    isWordOfItsOwn: (word, stem) => isTitleWord(lists, stem) || usuallyLowerCase(caseBuckets, word) || (TITLE_CASE.test(word) && placeEntries(gazetteer, [word]) !== undefined),
    isPlacePossessive: (word, stem) => namesCountryOrRegion(gazetteer, [stem]) && !placeEntries(gazetteer, [word]),
    isPluralPlace: (word, stem) => namesCountryOrRegion(gazetteer, [stem]) && placeEntries(gazetteer, [word]) !== undefined,
  };
}

/**
 * The nlp stages, in order (order here matters). Every stage reads one document and the shared
 * context, and nothing else: documents are independent, so they can run anywhere in any order.
 */
export const NLP_STAGES: ReadonlyArray<[string, Stage]> = [
  ['tokenize', (a, ctx) => {
    a.tokens = splitGluedPossessives(a.doc.text, tokenize(a.doc.text), gluedWords(ctx.resources));
    a.wordCount = a.tokens.filter((t) => WORD.test(t.text)).length;
  }],
  ['sentences', (a) => {
    const tokens = need(a.tokens, 'tokens', 'sentences');
    a.sentences = splitSentences(a.doc.text, tokens);
    a.capitalLines = inCapitalLines(tokens, a.sentences);
  }],
  ['common-noun acronyms', (a, ctx) => {
    a.commonAcronyms = commonNounAcronyms(need(a.tokens, 'tokens', 'common-noun acronyms'), ctx.resources.lists.orgHeads);
  }],
  ['tag', (a, ctx) => {
    a.tagged = tagDocument(need(a.tokens, 'tokens', 'tag'), need(a.sentences, 'sentences', 'tag'), ctx.model, ctx.resources);
  }],
  ['clean', (a, ctx) => {
    const tokens = need(a.tokens, 'tokens', 'clean');
    a.spans = cleanSpans(tokens, splitAtLayoutBreaks(a.doc.text, tokens, need(a.tagged, 'tagged spans', 'clean')), ctx.resources.lists);
  }],
  ['patterns', (a, ctx) => {
    a.spans = applyNamePatterns(a.doc.text, need(a.tokens, 'tokens', 'patterns'), need(a.sentences, 'sentences', 'patterns'), need(a.spans, 'spans', 'patterns'), need(a.commonAcronyms, 'common-noun acronyms', 'patterns'), ctx.resources);
  }],
  ['organisation runs', (a, ctx) => {
    a.spans = extendOrganisations(a.doc.text, need(a.tokens, 'tokens', 'organisation runs'), need(a.spans, 'spans', 'organisation runs'), ctx.resources.lists.orgHeads);
  }],
  ['title-case organisations', (a, ctx) => {
    a.spans = addTitleCaseOrganisations(a.doc.text, need(a.tokens, 'tokens', 'title-case organisations'), need(a.spans, 'spans', 'title-case organisations'), ctx.resources);
  }],
  ['organisation shapes', (a, ctx) => {
    a.spans = shapeOrganisations(a.doc.text, need(a.tokens, 'tokens', 'organisation shapes'), need(a.sentences, 'sentences', 'organisation shapes'), need(a.spans, 'spans', 'organisation shapes'), ctx.resources);
  }],
  ['release conventions', (a, ctx) => {
    a.spans = applyReleaseConventions(a.doc.text, need(a.tokens, 'tokens', 'release conventions'), need(a.spans, 'spans', 'release conventions'), ctx.resources);
  }],
  ['gazetteer places', (a, ctx) => {
    a.spans = addGazetteerPlaces(need(a.tokens, 'tokens', 'gazetteer places'), need(a.spans, 'spans', 'gazetteer places'), ctx.resources.gazetteer);
  }],
  ['acronyms', (a, ctx) => {
    const tokens = need(a.tokens, 'tokens', 'acronyms');
    const { gazetteer, caseBuckets, lexicon, lists } = ctx.resources;
    const isTitle = (word: string) => isTitleWord(lists, word);
    const isProperName = (word: string) => !placeEntries(gazetteer, [word]) && !isOrdinaryWord(lexicon, word) && !usuallyLowerCase(caseBuckets, word);
    a.spans = addDefinedAcronyms(tokens, joinLongForms(tokens, need(a.spans, 'spans', 'acronyms'), isTitle), isProperName);
  }],
  ['speaking acronyms', (a, ctx) => {
    a.spans = addSpeakingAcronyms(a.doc.text, need(a.tokens, 'tokens', 'speaking acronyms'), need(a.capitalLines, 'capital lines', 'speaking acronyms'), need(a.spans, 'spans', 'speaking acronyms'), ctx.resources);
  }],
  ['places by context', (a, ctx) => {
    a.spans = placesByContext(a.doc.text, need(a.tokens, 'tokens', 'places by context'), need(a.spans, 'spans', 'places by context'), ctx.resources);
  }],
  ['consistency', (a, ctx) => {
    a.spans = makeConsistent(a.doc.text, need(a.tokens, 'tokens', 'consistency'), need(a.sentences, 'sentences', 'consistency'), need(a.capitalLines, 'capital lines', 'consistency'), need(a.spans, 'spans', 'consistency'), ctx.resources.gazetteer, ctx.resources.lexicon, ctx.resources.lists.titleWords, ctx.resources.caseBuckets);
  }],
  ['patterns again', (a, ctx) => {
    // Consistency labels repeats of known names; the same shape rules apply to those.
    a.spans = applyNamePatterns(a.doc.text, need(a.tokens, 'tokens', 'patterns'), need(a.sentences, 'sentences', 'patterns'), need(a.spans, 'spans', 'patterns'), need(a.commonAcronyms, 'common-noun acronyms', 'patterns'), ctx.resources);
  }],
  ['roles', (a, ctx) => {
    a.roles = findRoles(a.doc.text, need(a.tokens, 'tokens', 'roles'), need(a.capitalLines, 'capital lines', 'roles'), need(a.spans, 'spans', 'roles'), ctx.resources.lists, ctx.resources.lexicon, ctx.resources.caseBuckets);
  }],
  ['entities', (a, ctx) => {
    const result = buildEntities(a.doc.text, need(a.tokens, 'tokens', 'entities'), need(a.sentences, 'sentences', 'entities'), need(a.spans, 'spans', 'entities'), need(a.roles, 'roles', 'entities'), ctx.aliases);
    a.entities = result.entities;
    a.spanEntity = result.spanEntity;
    a.acronyms = result.acronyms;
  }],
  ['places', (a, ctx) => {
    const entities = need(a.entities, 'entities', 'places');
    a.countries = linkPlaces(a.doc.text, need(a.tokens, 'tokens', 'places'), entities, ctx.resources.gazetteer, loadTowns);
    a.spanEntity = placeIds(entities, need(a.spanEntity, 'entity of each span', 'places'), ctx.aliases);
  }],
  ['themes', (a, ctx) => {
    const tokens = need(a.tokens, 'tokens', 'themes');
    const sentences = need(a.sentences, 'sentences', 'themes');
    const spans = need(a.spans, 'spans', 'themes');
    const names: Array<[number, number]> = spans.filter((s) => s.type === 'ORGANIZATION').map((s) => [tokens[s.first].start, tokens[s.last - 1].end]);
    for (const r of need(a.roles, 'roles', 'themes')) names.push([r.start, r.end]);
    const zones = findZones(a.doc.text, sentences, a.doc.title);
    const titleSentence = zones.lead.has(0) && a.doc.title ? 0 : null;
    a.themeScores = themeScores({ text: a.doc.text, tokens, sentences, zones, wordCount: a.wordCount ?? 0, names, titleSentence }, ctx.codebook);
    a.themes = a.themeScores.filter((t) => t.assigned).map(({ assigned: _a, minSentences: _m, ...t }) => t);
  }],
  ['terms', (a) => {
    a.terms = countTerms(need(a.tokens, 'tokens', 'terms'));
  }],
];

/** Run every nlp stage over one document. */
export function analyze(doc: IngestedDocument, ctx: NlpContext): Analysis {
  const a: Analysis = { doc };
  for (const [, stage] of NLP_STAGES) stage(a, ctx);
  return a;
}
