import { resolveSettings } from '../../settings.js';
import { codebookMarkdown } from '../../nlp/codebook-markdown.js';
import type { Command } from '../command.js';
import { OPTIONS } from '../options.js';

export const codebookCommand: Command = {
  name: 'codebook',
  summary: 'Print the theme codebook as Markdown (definitions, terms, exclusions)',
  usage: 'presslens codebook [--codebook FILE | --config FILE] > CODEBOOK.md',
  options: [
    OPTIONS.codebook,
    OPTIONS.config,
  ],
  run(args, io) {
    const settings = resolveSettings({ codebook: args.options.codebook as string | undefined, config: args.options.config as string | undefined });
    io.stdout(codebookMarkdown(settings.codebook));
    return 0;
  },
};
