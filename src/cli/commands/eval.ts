import fs from 'node:fs';
import { createContext } from '../../nlp/index.js';
import { evaluate, formatResult, parseSkip } from '../../eval/score.js';
import { predictGold, readGold } from '../../eval/run-gold.js';
import { evaluateThemes, formatThemeResult } from '../../eval/themes.js';
import { resolveSettings } from '../../settings.js';
import type { Command } from '../command.js';
import { OPTIONS } from '../options.js';
import { EntityType } from '../../schema/document.js';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'Score entity extraction against gold annotations (precision, recall, F1)',
  usage: 'presslens eval --gold FILE.jsonl [--themes] [--json] [--skip-gold FIELD=VALUE] [--trim-articles]\n\nGold format: one {"id", "text", "entities": [{"start", "end", "type"}]} per line (see ../shared/eval/README.md).\nExact = same start, end and type; lenient = same type and overlapping, matched one to one.',
  options: [
    { name: 'gold', type: 'string', value: 'FILE', description: 'Gold annotations (JSONL)' },
    OPTIONS.json,
    { name: 'skip-gold', type: 'string', value: 'FIELD=VALUE', multiple: true, description: 'Ignore gold entities with this field value, and predictions inside only them (repeatable)' },
    { name: 'trim-articles', type: 'boolean', description: 'Strip a leading the/a/an and a trailing \'s from both sides before matching' },
    { name: 'types', type: 'string', value: 'A,B', description: 'Entity types scored', default: 'PERSON,ORGANIZATION,LOCATION' },
    { name: 'pred-out', type: 'string', value: 'FILE', description: 'Also write the predictions as JSONL (for ../shared/tools/ner-eval)' },
    { name: 'themes', type: 'boolean', description: 'Score document themes against each gold document\'s meta.themes instead of entities' },
    OPTIONS.codebook,
  ],
  validate(args) {
    const errors: string[] = [];
    if (!args.options.gold) errors.push('--gold FILE is required');
    else if (!fs.existsSync(String(args.options.gold))) errors.push(`--gold: ${args.options.gold} does not exist`);
    for (const s of (args.options['skip-gold'] as string[] | undefined) ?? []) if (!s.includes('=')) errors.push(`--skip-gold expects FIELD=VALUE, got "${s}"`);
    if (args.positionals.length) errors.push(`unexpected argument ${args.positionals[0]}`);
    const types = String(args.options.types ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = types.filter((t) => !EntityType.options.includes(t as EntityType));
    if (unknown.length || !types.length) errors.push(`--types expects a comma-separated list of ${EntityType.options.join(', ')}; got "${args.options.types ?? ''}"`);
    return errors;
  },
  run(args, io) {
    const file = String(args.options.gold);
    const golds = readGold(file);
    const ctx = createContext({ codebook: resolveSettings({ codebook: args.options.codebook as string | undefined }).codebook });
    if (args.options.themes) {
      const result = evaluateThemes(golds, ctx);
      io.stdout(args.options.json ? JSON.stringify(result, null, 2) + '\n' : formatThemeResult(result, `gold=${file}  docs with theme labels=${result.docs}  codebook=${ctx.codebook.name} ${ctx.codebook.version}`) + '\n');
      return 0;
    }
    const preds = predictGold(golds, ctx);
    if (args.options['pred-out']) fs.writeFileSync(String(args.options['pred-out']), preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const result = evaluate(golds, preds, {
      types: String(args.options.types).split(',').map((t) => t.trim()).filter(Boolean),
      skip: ((args.options['skip-gold'] as string[] | undefined) ?? []).map(parseSkip),
      trimArticles: Boolean(args.options['trim-articles']),
    });
    io.stdout(args.options.json ? JSON.stringify(result, null, 2) + '\n' : formatResult(result, `gold=${file}  docs=${result.docs}`) + '\n');
    return 0;
  },
};
