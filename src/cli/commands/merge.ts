import { mergeShardOutputs } from '../../api.js';
import type { Command } from '../command.js';
import { OPTIONS } from '../options.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Combine the outputs of "extract --shard I/N" runs into the output of one run',
  usage: 'presslens merge SHARD_DIR... [--out DIR]\n\nSHARD_DIR: the --out folders of all N shards of one run (same inputs and settings). The result equals a single run, byte for byte (manifest times aside).',
  options: [
    OPTIONS.out,
    OPTIONS.quiet,
  ],
  validate(args) {
    return args.positionals.length ? [] : ['expected the shard output folders (SHARD_DIR...)'];
  },
  async run(args, io) {
    const result = await mergeShardOutputs(args.positionals, String(args.options.out));
    if (!args.options.quiet) io.stdout(`presslens: merged ${args.positionals.length} shards: ${result.counts.documents} documents from ${result.counts.files} files into ${args.options.out}\n`);
    return result.counts.problems.fatal > 0 ? 1 : 0;
  },
};
