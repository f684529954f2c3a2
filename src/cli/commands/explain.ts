import path from 'node:path';
import { discover, ingestFile } from '../../ingest/index.js';
import { splitIntoParts } from '../../ingest/parts.js';
import { analyze, createContext } from '../../nlp/index.js';
import { resolveSettings } from '../../settings.js';
import { compileAliases } from '../../nlp/aliases.js';
import { PresslensError } from '../../util/errors.js';
import type { Command } from '../command.js';
import { OPTIONS } from '../options.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Show for one document every theme\'s score, threshold and evidence, and every entity with its mentions',
  usage: 'presslens explain DOC_ID [INPUT...] [--codebook FILE | --config FILE]\n\nDOC_ID: a document id as in documents.csv (path relative to its input folder, path#id for JSON records). INPUT: where to find it (default: corpus).',
  options: [
    OPTIONS.codebook,
    OPTIONS.config,
    OPTIONS.aliases,
  ],
  validate(args) {
    return args.positionals.length ? [] : ['DOC_ID is required (e.g. nato/2023-06-14-cyber-defence-pledge.txt)'];
  },
  run(args, io) {
    const [id, ...inputs] = args.positionals;
    const settings = resolveSettings({ codebook: args.options.codebook as string | undefined, config: args.options.config as string | undefined, aliases: args.options.aliases as string | undefined });
    const file = id.split('#')[0];
    const candidates = discover(inputs.length ? inputs : ['corpus'], settings.ignore).filter((f) => f.relPath === file);
    const doc = candidates.flatMap((f) => splitIntoParts(f, settings.maxBytes)).flatMap((f) => ingestFile(f, { maxBytes: settings.maxBytes, publisherFromPath: settings.publisherFromPath }).items).find((i) => i.kind === 'document' && i.document.id === id);
    if (!doc || doc.kind !== 'document') {
      throw new PresslensError('E_NO_DOCUMENT', `No document with id ${id} under ${(inputs.length ? inputs : ['corpus']).map((i) => path.resolve(i)).join(', ')}. Ids are as in documents.csv.`);
    }
    const a = analyze(doc.document, createContext({ codebook: settings.codebook, aliases: compileAliases(settings.aliases) }));
    const text = doc.document.text;
    const out: string[] = [`${id}`, `  title: ${doc.document.title ?? '(none)'}`, `  date: ${doc.document.date ?? '(none)'}${doc.document.dateSource ? ` (from ${doc.document.dateSource})` : ''}`, `  words: ${a.wordCount}`, ''];
    out.push(`Themes (codebook ${settings.codebook.name} ${settings.codebook.version}; score = weighted hits per 1,000 words):`);
    const scored = a.themeScores ?? [];
    if (!scored.length) out.push('  no codebook term matched');
    for (const t of scored) {
      out.push(`  ${t.assigned ? 'ASSIGNED' : 'not assigned'}  ${t.id}: score ${t.score} (threshold ${t.threshold}), ${t.sentences} sentence(s) with evidence (minimum ${t.minSentences})`);
      const bySentence = new Map<number, typeof t.evidence>();
      for (const e of t.evidence) bySentence.set(e.sentence, [...(bySentence.get(e.sentence) ?? []), e]);
      for (const [n, hits] of bySentence) {
        const s = a.sentences![n];
        out.push(`    [sentence ${n}] ${oneLine(text.slice(s.start, s.end))}`);
        out.push(`      hits: ${hits.map((h) => `"${h.text}" (${h.rule} "${h.term}", weight ${h.weight}, ${h.start}-${h.end})`).join('; ')}`);
      }
    }
    out.push('', 'Entities:');
    for (const e of a.entities ?? []) {
      const extra = [e.role ? `role: ${e.role}` : '', e.place ? `place: ${e.place.kind} ${e.place.region_code ?? e.place.country_code}${e.place.lat !== null ? ` (${e.place.lat}, ${e.place.lon})` : ''}` : '', e.aliases.length ? `aliases: ${e.aliases.join(' | ')}` : ''].filter(Boolean);
      out.push(`  ${e.type.padEnd(12)} ${e.name}  [${e.id}]${extra.length ? `  ${extra.join('; ')}` : ''}`);
      out.push(`    ${e.mentions.map((m) => `${m.start}-${m.end} "${m.text}"`).join(', ')}`);
    }
    io.stdout(out.join('\n') + '\n');
    return 0;
  },
};
