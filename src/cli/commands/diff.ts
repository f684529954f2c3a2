import { diffRuns, formatDiff } from '../../diff/index.js';
import type { Command } from '../command.js';
import { OPTIONS } from '../options.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare two runs: per document, entities, themes and fields added, removed or changed; problems; output files',
  usage: 'presslens diff OLD_DIR NEW_DIR [--max-changes N] [--json]\n\nOLD_DIR, NEW_DIR: --out folders of two runs. Exit code 1 when there are more than --max-changes changes.',
  options: [
    { name: 'max-changes', type: 'number', value: 'N', min: 0, description: 'Exit 1 when the runs differ by more than N changes (for CI)' },
    OPTIONS.json,
  ],
  validate(args) {
    return args.positionals.length === 2 ? [] : [`expected two output folders, OLD_DIR and NEW_DIR, got ${args.positionals.length}`];
  },
  run(args, io) {
    const [oldDir, newDir] = args.positionals;
    const diff = diffRuns(oldDir, newDir);
    io.stdout(args.options.json ? JSON.stringify(diff, null, 2) + '\n' : formatDiff(diff) + '\n');
    const max = args.options['max-changes'] as number | undefined;
    return max !== undefined && diff.totals.changes > max ? 1 : 0;
  },
};
