import type { OptionSpec } from './args.js';

/** Options several commands share, declared once so they read the same everywhere. */
export const OPTIONS = {
  out: { name: 'out', type: 'string', value: 'DIR', description: 'Output folder, replaced atomically', default: 'output' },
  config: { name: 'config', type: 'string', value: 'FILE', description: 'Config file (JSON): codebook, aliases, keywords, maxBytes, ignore' },
  codebook: { name: 'codebook', type: 'string', value: 'FILE', description: 'Theme codebook replacing the built-in one' },
  aliases: { name: 'aliases', type: 'string', value: 'FILE', description: 'Aliases file (JSON): entity merges to force ("merge") or forbid ("separate")' },
  quiet: { name: 'quiet', type: 'boolean', description: 'Print nothing but errors' },
  json: { name: 'json', type: 'boolean', description: 'Print the result as JSON' },
} satisfies Record<string, OptionSpec>;
