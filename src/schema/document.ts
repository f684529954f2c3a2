import { z } from 'zod';

export const EntityType = z.enum(['PERSON', 'ORGANIZATION', 'LOCATION']);
export type EntityType = z.infer<typeof EntityType>;

const Offset = z.number().int().nonnegative();

export const Mention = z.object({
  start: Offset.describe('UTF-16 offset of the first character in the document text'),
  end: Offset.describe('UTF-16 offset just past the last character (text.slice(start, end) === text)'),
  text: z.string().describe('The mention exactly as it stands in the document text'),
  sentence: z.number().int().nonnegative().describe('0-based index of the sentence holding the mention'),
});
export type Mention = z.infer<typeof Mention>;

export const Place = z.object({
  kind: z.enum(['country', 'region', 'city']).describe('What the gazetteer matched: a country, a first-level region (a US state), a city or town of 1,000 people or more'),
  country_code: z.string().length(2).describe('ISO 3166-1 alpha-2 code of the country'),
  region_code: z.string().nullable().describe('ISO 3166-2 code of the first-level region (a US state: "US-ME") of a region, or of a city or town where the gazetteer has it (US, Swiss and Belgian places), else null'),
  lat: z.number().nullable().describe('Latitude (WGS84) of a city or town, else null'),
  lon: z.number().nullable().describe('Longitude (WGS84) of a city or town, else null'),
});
export type Place = z.infer<typeof Place>;

export const Entity = z.object({
  id: z.string().describe('Stable id from type and normalised name (a person by first and last name), e.g. person/rosemary-dicarlo; a linked place other than a country also by where it is: location/portland.us-me'),
  type: EntityType.describe('PERSON, ORGANIZATION or LOCATION'),
  name: z.string().describe('Canonical name: the fullest form used in the document'),
  aliases: z.array(z.string()).describe('Other forms the document uses for this entity, sorted'),
  role: z.string().nullable().describe('The first title or role the document gives the person that is not a courtesy title alone (Mr, Ms, Dr, Sir and the like, which stay in roles); a courtesy title when that is all it gives; else null'),
  place: Place.nullable().describe('Gazetteer link of a LOCATION, else null'),
  mentions: z.array(Mention).describe('Every mention, in text order'),
});
export type Entity = z.infer<typeof Entity>;

export const Evidence = z.object({
  term: z.string().describe('The codebook term or phrase that matched'),
  rule: z.enum(['term', 'phrase']).describe('Which codebook list the match came from'),
  start: Offset,
  end: Offset,
  text: z.string().describe('The matched text as it stands in the document'),
  sentence: z.number().int().nonnegative().describe('0-based sentence index'),
  weight: z.number().describe('Weight the hit contributed after title, lead and boilerplate weighting'),
});
export type Evidence = z.infer<typeof Evidence>;

export const DocumentTheme = z.object({
  id: z.string().describe('Theme id from the codebook'),
  label: z.string().describe('Theme label from the codebook'),
  score: z.number().describe('Weighted hits per 1,000 words'),
  threshold: z.number().describe('The theme is assigned when score >= threshold and minSentences is met'),
  sentences: z.number().int().describe('Distinct sentences with evidence, boilerplate aside (what the theme\'s minimum sentence count is checked against)'),
  evidence: z.array(Evidence).describe('Every counted hit, in text order'),
  evidence_sentence: z.string().describe('The sentence with the most evidence, white space collapsed'),
  evidence_start: Offset.describe('Offset of that sentence in the document text'),
  evidence_end: Offset,
});
export type DocumentTheme = z.infer<typeof DocumentTheme>;

export const Keyword = z.object({
  term: z.string().describe('The most frequent surface form of the stem, lower-cased'),
  score: z.number().describe('TF-IDF over the documents of the run'),
  count: z.number().int().positive().describe('Occurrences in the document'),
});
export type Keyword = z.infer<typeof Keyword>;

export const Dateline = z.object({
  text: z.string().describe('The dateline as written, without its closing dash'),
  place: z.string().nullable().describe('The place part, e.g. "Brussels" or "OTTAWA, Ont."'),
  date: z.string().nullable().describe('ISO 8601 date (YYYY-MM-DD) read from the dateline'),
  start: Offset.describe('Offset of the dateline in the document text'),
  end: Offset,
});
export type Dateline = z.infer<typeof Dateline>;

export const Source = z.object({
  path: z.string().describe('Path relative to its input root, / separators'),
  format: z.enum(['txt', 'md', 'html', 'json', 'jsonl']).describe('How the file was read'),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).describe('How its bytes were decoded'),
  record: z.string().nullable().describe('Record id or index inside a JSON/JSONL file, else null'),
  sha256: z.string().describe('sha256 of the source file bytes'),
});
export type Source = z.infer<typeof Source>;

export const Role = z.object({
  entity_id: z.string().describe('The person holding the role'),
  role: z.string().describe('The title or role as written, each run of white space as one space, e.g. "Under-Secretary-General for Political Affairs"'),
  organization_id: z.string().nullable().describe('Entity id of the organisation the role is held at, where the text says'),
  start: Offset,
  end: Offset,
});
export type Role = z.infer<typeof Role>;

export const Acronym = z.object({
  acronym: z.string().describe('As written, e.g. "PCTR"'),
  long_form: z.string().describe('The name it stands for in this document'),
  entity_id: z.string().describe('The entity both forms name'),
  start: Offset.describe('Offset of the acronym in its definition "Long Form (ACRONYM)"'),
  end: Offset,
});
export type Acronym = z.infer<typeof Acronym>;

export const DocumentRecord = z.object({
  id: z.string().describe('Path relative to the input root; path#id or path#N for JSON records'),
  source: Source.describe('Where the document came from'),
  title: z.string().nullable().describe('First line (txt), first heading (md), <h1> or <title> (html), or the record\'s "title"'),
  date: z.string().nullable().describe('Publication date, ISO 8601 (YYYY-MM-DD)'),
  date_source: z.enum(['metadata', 'dateline', 'text', 'path']).nullable().describe('Where the date was read'),
  dateline: Dateline.nullable().describe('"Brussels, 30 October 2018 -" at the start of a line near the top, or after the date that opens a line; its place known to the gazetteer (or its region or country), or in capitals before the first sentence'),
  publisher: z.string().nullable().describe('The record\'s "publisher", or the page\'s og:site_name'),
  url: z.string().nullable().describe('The record\'s "url", or the page\'s canonical URL'),
  text: z.string().describe('The document text all offsets point into'),
  word_count: z.number().int().nonnegative().describe('Tokens with a letter or digit'),
  sha256: z.string().describe('sha256 of the document text (UTF-8)'),
  entities: z.array(Entity).describe('People, organisations and places, in order of first mention'),
  roles: z.array(Role).describe('Roles and titles given to people, in text order'),
  acronyms: z.array(Acronym).describe('Acronyms defined in the document'),
  countries: z.array(z.string().length(2)).describe('ISO codes of countries named or referred to by nationality words, sorted'),
  themes: z.array(DocumentTheme).describe('Themes assigned by the codebook, in codebook order'),
  keywords: z.array(Keyword).describe('Top terms by TF-IDF over the run, best first'),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;
