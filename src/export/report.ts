import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { DocumentRecord } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';
import type { Row } from '../schema/tables.js';
import type { FileResult } from '../pipeline/types.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './report-page.js';
import { Interner } from '../util/interner.js';

const require = createRequire(import.meta.url);
const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION'] as const;

/** Text embedded for the document view, at most; documents beyond it show their metadata only. */
export const REPORT_TEXT_BUDGET = 8_000_000;
const TOP_ENTITIES = 50;
const NETWORK_NODES = 60;
const NETWORK_EDGES = 240;

export interface ReportTables {
  entities: Array<Row<'entities.csv'>>;
  themesByMonth: Array<Row<'themes_by_month.csv'>>;
  cooccurrence: Array<Row<'entity_cooccurrence.csv'>>;
  problems: Problem[];
  counts: { documents: number; words: number; mentions: number; files: number };
}

/**
 * report.html: one self-contained page (no server, no network; the chart library inlined):
 * corpus overview, top people, organisations and places, themes by month as a chart, an entity
 * co-occurrence network, and a document view (search titles or entities; mentions highlighted by
 * type, theme evidence underlined). Collects compact data during the run; the page stays small
 * for large corpora because texts are embedded only up to REPORT_TEXT_BUDGET characters.
 */
export class ReportBuilder {
  private readonly entityIds = new Interner();
  private readonly docs: Array<[string, string, string, string, number[], number[]]> = [];
  private readonly docIndex = new Map<string, number>();
  private readonly texts: Record<number, { t: string; m: Array<[number, number, number]>; v: Array<[number, number, number]> }> = {};
  private textChars = 0;
  private textsOmitted = 0;
  private readonly publishers = new Map<string, number>();
  private minDate = '';
  private maxDate = '';

  constructor(private readonly themes: Array<{ id: string; label: string }>) {}

  private entity(id: string): number {
    return this.entityIds.id(id);
  }

  addFile(result: FileResult): void {
    for (const d of result.docs) {
      this.docIndex.set(d.id, this.docs.length);
      const themeIdx = d.themes.map((t) => this.themes.findIndex((x) => x.id === t)).filter((i) => i >= 0);
      this.docs.push([d.id, d.title ?? '', d.date ?? '', d.publisher ?? '', themeIdx, d.entities.map((e) => this.entity(e.id))]);
      if (d.publisher) this.publishers.set(d.publisher, (this.publishers.get(d.publisher) ?? 0) + 1);
      if (d.date && (!this.minDate || d.date < this.minDate)) this.minDate = d.date;
      if (d.date && d.date > this.maxDate) this.maxDate = d.date;
    }
  }

  /** Pass 2: a document's entity ids after run-wide acronym resolution changed them. */
  setEntities(id: string, entityIds: string[]): void {
    const idx = this.docIndex.get(id);
    if (idx !== undefined) this.docs[idx][5] = entityIds.map((e) => this.entity(e));
  }

  /** Pass 2: embed a document's text, mentions and theme evidence while the budget lasts. */
  addDocument(id: string, line: string): void {
    const idx = this.docIndex.get(id);
    if (idx === undefined) return;
    if (this.textChars + line.length > REPORT_TEXT_BUDGET) {
      this.textsOmitted++;
      return;
    }
    const r = JSON.parse(line) as DocumentRecord;
    this.textChars += r.text.length;
    this.texts[idx] = {
      t: r.text,
      m: r.entities.flatMap((e) => e.mentions.map((m) => [m.start, m.end, TYPES.indexOf(e.type)] as [number, number, number])).sort((a, b) => a[0] - b[0]),
      v: r.themes.flatMap((t) => t.evidence.map((e) => [e.start, e.end, this.themes.findIndex((x) => x.id === t.id)] as [number, number, number])).sort((a, b) => a[0] - b[0]),
    };
  }

  build(tables: ReportTables): string {
    const entities = new Map(tables.entities.map((e) => [e.entity_id, e]));
    const top = Object.fromEntries(
      TYPES.map((type) => [
        type,
        tables.entities
          .filter((e) => e.type === type)
          .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.entity_id < b.entity_id ? -1 : 1))
          .slice(0, TOP_ENTITIES)
          .map((e) => [e.name, e.documents, e.mentions, this.entity(e.entity_id)]),
      ]),
    );
    const months = [...new Set(tables.themesByMonth.map((r) => r.month))].sort();
    const series = this.themes.map((t) => months.map((m) => tables.themesByMonth.find((r) => r.month === m && r.theme === t.id)?.documents ?? 0));
    const nodes = [...tables.entities].sort((a, b) => b.documents - a.documents || (a.entity_id < b.entity_id ? -1 : 1)).slice(0, NETWORK_NODES);
    const nodeSet = new Set(nodes.map((n) => n.entity_id));
    const edges = tables.cooccurrence
      .filter((c) => nodeSet.has(c.entity_a) && nodeSet.has(c.entity_b))
      .sort((a, b) => b.documents - a.documents || b.sentences - a.sentences)
      .slice(0, NETWORK_EDGES)
      .map((c) => [this.entity(c.entity_a), this.entity(c.entity_b), c.documents]);
    const problemCodes: Record<string, number> = {};
    for (const p of tables.problems) problemCodes[p.code] = (problemCodes[p.code] ?? 0) + 1;
    const data = {
      overview: {
        documents: tables.counts.documents,
        words: tables.counts.words,
        mentions: tables.counts.mentions,
        files: tables.counts.files,
        entities: Object.fromEntries(TYPES.map((t) => [t, tables.entities.filter((e) => e.type === t).length])),
        from: this.minDate,
        to: this.maxDate,
        publishers: [...this.publishers].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20),
        publisherCount: this.publishers.size,
        problems: problemCodes,
        textsOmitted: this.textsOmitted,
      },
      themes: this.themes,
      months,
      series,
      top,
      nodes: nodes.map((n) => this.entity(n.entity_id)),
      edges,
      entities: this.entityIds.values.map((id) => {
        const e = entities.get(id);
        return [e?.name ?? id, TYPES.indexOf((e?.type ?? 'PERSON') as (typeof TYPES)[number])];
      }),
      docs: this.docs,
      texts: this.texts,
    };
    const uplotJs = fs.readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
    const uplotCss = fs.readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    // JSON inside a script element: escape "<" so no "</script>" in the data can end it early.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>presslens report</title>
<style>${uplotCss}</style><style>${REPORT_STYLE}</style></head>
<body>
<header><h1>presslens report</h1><p id="subtitle"></p></header>
<main>
<section id="overview"><h2>Corpus</h2><div class="cards" id="cards"></div><div id="publishers"></div><div id="problems"></div></section>
<section id="entities"><h2>Top people, organisations and places</h2><div class="columns" id="top"></div></section>
<section id="themes"><h2>Themes by month</h2><div id="chart"></div><p class="note">Documents coded with each theme per month (themes_by_month.csv).</p></section>
<section id="network"><h2>Who appears with whom</h2><svg id="graph" viewBox="0 0 900 560" role="img" aria-label="entity co-occurrence network"></svg><p class="note">The ${NETWORK_NODES} entities in most documents; a line joins two named in the same documents (thicker: more documents).</p></section>
<section id="search-section"><h2>Documents</h2><input id="search" type="search" placeholder="Search titles and entities" aria-label="Search titles and entities"><ol id="results"></ol></section>
<section id="document" hidden><h2 id="doc-title"></h2><p id="doc-meta"></p><p class="legend"><mark class="PERSON">person</mark> <mark class="ORGANIZATION">organisation</mark> <mark class="LOCATION">place</mark> <span class="evidence">theme evidence</span></p><div id="doc-entities"></div><article id="doc-text"></article></section>
</main>
<script type="application/json" id="data">${json}</script>
<script>${uplotJs}</script>
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
  }
}
