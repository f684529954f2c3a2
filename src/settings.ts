import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { compileCodebook, DEFAULT_CODEBOOK, parseCodebook, readCodebookFile, type CompiledCodebook } from './nlp/codebook.js';
import { DEFAULT_MAX_BYTES } from './ingest/read.js';
import { sha256 } from './util/hash.js';
import { readAliasFile } from './nlp/aliases.js';
import type { AliasFile } from './schema/aliases.js';

export const DEFAULT_KEYWORDS = 10;

/** Options a caller (CLI or library) may give; they win over the config file's. */
export interface ExtractOptions {
  /** A presslens config file (JSON). */
  config?: string;
  /** A codebook file replacing the built-in one. */
  codebook?: string;
  keywords?: number;
  maxBytes?: number;
  ignore?: string[];
  /** Take a document's publisher from the first folder of its path when it has none of its own. */
  publisherFromPath?: boolean;
  /** An aliases file: entity merges to force or forbid. */
  aliases?: string;
}

/** Everything that decides a run's output besides the inputs: resolved, validated, hashed. */
export interface Settings {
  codebook: CompiledCodebook;
  codebookSource: string;
  keywords: number;
  maxBytes: number;
  ignore: string[];
  publisherFromPath: boolean;
  aliases: AliasFile;
  /** sha256 of the settings that shape output (codebook hash, keywords, max bytes, ignore globs). */
  hash: string;
}

export function resolveSettings(options: ExtractOptions = {}): Settings {
  let config: Config = {};
  let base = process.cwd();
  if (options.config) ({ config, base } = loadConfig(options.config));
  let codebookSource = 'built-in';
  let codebook: CompiledCodebook;
  if (options.codebook) {
    codebookSource = options.codebook;
    codebook = compileCodebook(readCodebookFile(options.codebook));
  } else if (typeof config.codebook === 'string') {
    codebookSource = path.resolve(base, config.codebook);
    codebook = compileCodebook(readCodebookFile(codebookSource));
  } else if (config.codebook) {
    codebookSource = `${options.config} (inline)`;
    codebook = compileCodebook(parseCodebook(config.codebook, codebookSource));
  } else {
    codebook = compileCodebook(readCodebookFile(DEFAULT_CODEBOOK));
  }
  const keywords = options.keywords ?? config.keywords ?? DEFAULT_KEYWORDS;
  const maxBytes = options.maxBytes ?? config.maxBytes ?? DEFAULT_MAX_BYTES;
  const ignore = [...(config.ignore ?? []), ...(options.ignore ?? [])];
  const publisherFromPath = options.publisherFromPath ?? config.publisherFromPath ?? false;
  const aliasPath = options.aliases ?? (config.aliases ? path.resolve(base, config.aliases) : undefined);
  const aliases: AliasFile = aliasPath ? readAliasFile(aliasPath) : { merge: [], separate: [] };
  const hash = sha256(JSON.stringify({ codebook: codebook.hash, keywords, maxBytes, ignore, publisherFromPath, aliases }));
  return { codebook, codebookSource, keywords, maxBytes, ignore, publisherFromPath, aliases, hash };
}
