import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { compileCodebook, DEFAULT_CODEBOOK, parseCodebook, readCodebookFile, type CompiledCodebook } from './nlp/codebook.js';
import { DEFAULT_MAX_BYTES } from './ingest/read.js';
import { sha256 } from './util/hash.js';
import { PresslensError } from './util/errors.js';
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

/** The run's settings; throws one error naming every problem of the config, codebook and aliases files. */
export function resolveSettings(options: ExtractOptions = {}): Settings {
  const { settings, errors } = loadSettings(options);
  if (errors.length === 1) throw errors[0];
  if (!settings) throw new PresslensError(errors[0].code, errors.map((e) => e.message).join('\n'), { details: errors.flatMap((e) => (e.details.length ? e.details : [e.message])) });
  return settings;
}

/** What is wrong with the config, codebook and aliases files the options name, one message each. */
export function settingsErrors(options: ExtractOptions): string[] {
  return loadSettings(options).errors.map((e) => e.message);
}

/** Every file is checked before anything fails, so that one message names every problem. */
function loadSettings(options: ExtractOptions): { settings: Settings | null; errors: PresslensError[] } {
  const errors: PresslensError[] = [];
  const attempt = <T>(load: () => T, fallback: T): T => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof PresslensError)) throw error;
      errors.push(error);
      return fallback;
    }
  };
  const { config, base } = options.config ? attempt(() => loadConfig(options.config!), { config: {} as Config, base: process.cwd() }) : { config: {} as Config, base: process.cwd() };
  let codebookSource = 'built-in';
  let load = () => compileCodebook(readCodebookFile(DEFAULT_CODEBOOK));
  if (options.codebook) {
    codebookSource = options.codebook;
    load = () => compileCodebook(readCodebookFile(options.codebook!));
  } else if (typeof config.codebook === 'string') {
    codebookSource = path.resolve(base, config.codebook);
    load = () => compileCodebook(readCodebookFile(codebookSource));
  } else if (config.codebook) {
    codebookSource = `${options.config} (inline)`;
    load = () => compileCodebook(parseCodebook(config.codebook, codebookSource));
  }
  const codebook = attempt(load, null);
  const keywords = options.keywords ?? config.keywords ?? DEFAULT_KEYWORDS;
  const maxBytes = options.maxBytes ?? config.maxBytes ?? DEFAULT_MAX_BYTES;
  const ignore = [...(config.ignore ?? []), ...(options.ignore ?? [])];
  const publisherFromPath = options.publisherFromPath ?? config.publisherFromPath ?? false;
  const aliasPath = options.aliases ?? (config.aliases ? path.resolve(base, config.aliases) : undefined);
  const noAliases: AliasFile = { merge: [], separate: [] };
  const aliases = aliasPath ? attempt(() => readAliasFile(aliasPath), noAliases) : noAliases;
  if (errors.length || !codebook) return { settings: null, errors };
  const hash = sha256(JSON.stringify({ codebook: codebook.hash, keywords, maxBytes, ignore, publisherFromPath, aliases }));
  return { settings: { codebook, codebookSource, keywords, maxBytes, ignore, publisherFromPath, aliases, hash }, errors };
}
