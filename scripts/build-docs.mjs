#!/usr/bin/env node
// npm run build:docs: writes the data-contract tables into README.md (between the contract markers)
// from the zod schemas, and CODEBOOK.md from the built-in codebook, so the docs cannot drift from
// the code. A test checks both are up to date.
import fs from 'node:fs';
import { z } from 'zod';
import { CSV_TABLES } from '../dist/schema/tables.js';
import { DocumentRecord } from '../dist/schema/document.js';
import { loadCodebook } from '../dist/nlp/codebook.js';
import { codebookMarkdown } from '../dist/nlp/codebook-markdown.js';

const root = new URL('../', import.meta.url).pathname;

const typeOf = (s) => {
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.enum) return s.enum.map((v) => `\`${v}\``).join(' \\| ');
  if (s.type === 'object') return 'object';
  return Array.isArray(s.type) ? s.type.join(' \| ') : (s.type ?? 'any');
};
const table = (schema, prefix = '') => {
  const js = z.toJSONSchema(schema, { io: 'output' });
  const rows = [];
  const walk = (obj, path) => {
    for (const [key, s] of Object.entries(obj.properties ?? {})) {
      const inner = s.anyOf ? s.anyOf.find((x) => x.type === 'object') : s.type === 'array' && s.items?.type === 'object' ? s.items : s.type === 'object' ? s : null;
      rows.push(`| \`${path}${key}\` | ${typeOf(s)} | ${(s.description ?? '').replace(/\|/g, '\\|')} |`);
      if (inner && path.split('.').length < 3) walk(inner, `${path}${key}${s.type === 'array' ? '[]' : ''}.`);
    }
  };
  walk(js, prefix);
  return ['| column | type | meaning |', '| --- | --- | --- |', ...rows].join('\n');
};

export function contractMarkdown() {
  const parts = ['### `documents.jsonl`', '', 'One JSON object per line, one line per extracted document, in input order (JSON Schema: `schema/document.schema.json`).', '', table(DocumentRecord).replace('| column |', '| field |')];
  for (const [file, schema] of Object.entries(CSV_TABLES)) {
    parts.push('', `### \`${file}\``, '', `JSON Schema of a row: \`schema/${file.replace(/\.csv$/, '.row.schema.json')}\`.`, '', table(schema));
  }
  return parts.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const readme = fs.readFileSync(`${root}README.md`, 'utf8');
  const start = '<!-- contract:start -->';
  const end = '<!-- contract:end -->';
  fs.writeFileSync(`${root}README.md`, readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${contractMarkdown()}\n${end}`));
  fs.writeFileSync(`${root}CODEBOOK.md`, codebookMarkdown(loadCodebook()));
  console.log('README.md contract tables and CODEBOOK.md written');
}
