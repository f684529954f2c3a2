import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluate, trimSpan } from '../../src/eval/score.js';
import { ROOT, tempDir } from '../helpers/run.js';

const gold = [{ id: 'd', text: 'The Foreign Office met NATO in Paris.', entities: [
  { start: 4, end: 18, type: 'ORGANIZATION' },
  { start: 23, end: 27, type: 'ORGANIZATION' },
  { start: 31, end: 36, type: 'LOCATION' },
] }];

describe('scorer', () => {
  it('counts exact and lenient matches one to one', () => {
    const r = evaluate(gold, [{ id: 'd', entities: [
      { start: 0, end: 18, type: 'ORGANIZATION' },
      { start: 23, end: 27, type: 'ORGANIZATION' },
      { start: 23, end: 27, type: 'ORGANIZATION' },
      { start: 31, end: 36, type: 'PERSON' },
    ] }]);
    expect(r.micro).toMatchObject({ gold: 3, pred: 3, exact: 1, lenient: 2 });
    expect(r.diagnostics.duplicatePreds).toBe(1);
    expect(r.confusion).toEqual({ LOCATION: { PERSON: 1 } });
  });

  it('trims articles and possessives in the lenient view used for re3d', () => {
    expect(trimSpan("the UK's", { start: 0, end: 8, type: 'LOCATION' })).toMatchObject({ start: 4, end: 6 });
  });

  const tool = `${ROOT}../shared/tools/ner-eval/eval.mjs`;
  const haveTool = fs.existsSync(tool);
  if (!haveTool) console.warn(`skipping the cross-check with ner-eval: ${tool} is not here`);
  it.skipIf(!haveTool)('agrees with ../shared/tools/ner-eval on the same predictions', () => {
    const dir = tempDir();
    const pred = [{ id: 'd', entities: [{ start: 4, end: 18, type: 'ORGANIZATION' }, { start: 31, end: 36, type: 'PERSON' }, { start: 0, end: 3, type: 'LOCATION' }] }];
    fs.writeFileSync(`${dir}/g.jsonl`, gold.map((g) => JSON.stringify(g)).join('\n'));
    fs.writeFileSync(`${dir}/p.jsonl`, pred.map((p) => JSON.stringify(p)).join('\n'));
    const out = spawnSync(process.execPath, [tool, '--gold', `${dir}/g.jsonl`, '--pred', `${dir}/p.jsonl`, '--json'], { encoding: 'utf8' });
    const theirs = JSON.parse(out.stdout);
    const ours = evaluate(gold, pred);
    expect(ours.micro.exactScores).toEqual(theirs.micro.exactScores);
    expect(ours.micro.lenientScores).toEqual(theirs.micro.lenientScores);
  });
});
