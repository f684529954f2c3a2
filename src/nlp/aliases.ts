import fs from 'node:fs';
import { AliasFile } from '../schema/aliases.js';
import { PresslensError } from '../util/errors.js';
import { describeIssues } from './codebook.js';

/** A compiled aliases file: id -> id it merges into, and full-name ids kept apart. */
export interface AliasTable {
  into: Map<string, string>;
  separate: Set<string>;
}

export const NO_ALIASES: AliasTable = { into: new Map(), separate: new Set() };

export function compileAliases(file: AliasFile): AliasTable {
  const into = new Map<string, string>();
  for (const m of file.merge) for (const id of m.ids) into.set(id, m.into);
  return { into, separate: new Set(file.separate) };
}

export function readAliasFile(path: string): AliasFile {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PresslensError('E_ALIASES', `Cannot read aliases file ${path}: ${(error as Error).message}`, { details: [`(root): ${(error as Error).message}`] });
  }
  const parsed = AliasFile.safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    throw new PresslensError('E_ALIASES', `Invalid aliases file ${path}: ${details.length} problem(s):\n${details.map((d) => `  ${d}`).join('\n')}`, { details });
  }
  const cycles = parsed.data.merge.filter((m) => m.ids.includes(m.into)).map((m, i) => `merge[${i}]: "${m.into}" merges into itself`);
  if (cycles.length) throw new PresslensError('E_ALIASES', `Invalid aliases file ${path}:\n${cycles.map((d) => `  ${d}`).join('\n')}`, { details: cycles });
  return parsed.data;
}
