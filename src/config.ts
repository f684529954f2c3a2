import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Codebook } from './schema/codebook.js';
import { PresslensError } from './util/errors.js';
import { describeIssues } from './nlp/codebook.js';

/** A presslens config file (`--config FILE`): every field optional. */
export const Config = z.strictObject({
  codebook: z
    .union([z.string().min(1), Codebook])
    .optional()
    .describe('A codebook file (path relative to the config file) or an inline codebook; default: the built-in one'),
  keywords: z.number().int().min(0).max(100).optional().describe('Keywords per document (default 10)'),
  maxBytes: z.number().int().positive().optional().describe('Largest input file read, in bytes (default 10 MiB); for a JSONL file, read in parts, the largest line'),
  ignore: z.array(z.string().min(1)).optional().describe('Globs of input files to skip, on top of .presslensignore'),
  aliases: z.string().min(1).optional().describe('An aliases file (path relative to the config file): entity merges to force or forbid'),
  publisherFromPath: z.boolean().optional().describe('Use the first folder of a document\'s path as its publisher when it has none'),
});
export type Config = z.infer<typeof Config>;

export interface LoadedConfig {
  config: Config;
  /** Folder the config's relative paths are resolved against. */
  base: string;
}

export function loadConfig(file: string): LoadedConfig {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PresslensError('E_CONFIG', `Cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Expected a JSON file.`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const detail = `(root): not valid JSON (${(error as Error).message})`;
    throw new PresslensError('E_CONFIG', `Invalid config ${file}:\n  ${detail}`, { details: [detail] });
  }
  const parsed = Config.safeParse(value);
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    throw new PresslensError('E_CONFIG', `Invalid config ${file}: ${details.length} problem(s):\n${details.map((d) => `  ${d}`).join('\n')}`, { details });
  }
  return { config: parsed.data, base: path.dirname(path.resolve(file)) };
}
