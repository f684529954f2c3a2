import type { OptionSpec, ParsedArgs } from './args.js';
import { settingsErrors, type ExtractOptions } from '../settings.js';
import { inputsNotFound } from '../ingest/discover.js';
import { outputFolderProblem } from '../export/output-dir.js';

/** Options several commands share, declared once so they read the same everywhere. */
export const OPTIONS = {
  out: { name: 'out', type: 'string', value: 'DIR', description: 'Output folder, replaced atomically', default: 'output' },
  config: { name: 'config', type: 'string', value: 'FILE', description: 'Config file (JSON): codebook, aliases, keywords, maxBytes, ignore' },
  codebook: { name: 'codebook', type: 'string', value: 'FILE', description: 'Theme codebook replacing the built-in one' },
  aliases: { name: 'aliases', type: 'string', value: 'FILE', description: 'Aliases file (JSON): entity merges to force ("merge") or forbid ("separate")' },
  quiet: { name: 'quiet', type: 'boolean', description: 'Print nothing but errors' },
  json: { name: 'json', type: 'boolean', description: 'Print the result as JSON' },
} satisfies Record<string, OptionSpec>;

/** The options that make a run's settings (config, codebook, aliases and the like), as extract and enqueue read them. */
export function settingOptions(args: ParsedArgs): ExtractOptions {
  return {
    config: args.options.config as string | undefined,
    codebook: args.options.codebook as string | undefined,
    aliases: args.options.aliases as string | undefined,
    keywords: args.options.keywords as number | undefined,
    maxBytes: args.options['max-bytes'] as number | undefined,
    ignore: args.options.ignore as string[] | undefined,
    publisherFromPath: args.options['publisher-from-path'] as boolean | undefined,
  };
}

/** What a run's inputs and settings get wrong (missing inputs; bad config, codebook or aliases files), checked before the run as the options are. */
export function inputAndSettingErrors(args: ParsedArgs): string[] {
  const errors: string[] = [];
  const missing = inputsNotFound(args.positionals.length ? args.positionals : ['corpus']);
  if (missing) errors.push(missing);
  for (const e of settingsErrors(settingOptions(args))) errors.push(e.replace(/\n/g, '\n    '));
  return errors;
}

/** Why --out cannot be the output folder, as a usage error, or none. */
export function outputErrors(args: ParsedArgs): string[] {
  const problem = outputFolderProblem(String(args.options.out));
  return problem ? [`--out: ${problem}`] : [];
}
