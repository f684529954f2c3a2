import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/nlp/index.js';
import { evaluate } from '../../src/eval/score.js';
import { predictGold, readGold } from '../../src/eval/run-gold.js';
import { ROOT } from '../helpers/run.js';
import { TEST_CODEBOOK } from '../helpers/codebook.js';

/**
 * Accuracy floors: the figures presslens reaches (README, Accuracy), less a small margin. A change
 * that costs more than the margin fails here; one that gains should raise the floor.
 */
const FLOORS = {
  corpus: 0.90,
  seed: 0.95,
  wikigold: 0.70,
};

const ctx = createContext({ codebook: TEST_CODEBOOK });
const score = (file: string) => {
  const gold = readGold(file);
  return evaluate(gold, predictGold(gold, ctx));
};

describe('accuracy against gold', () => {
  it(`corpus/gold: exact micro F1 >= ${FLOORS.corpus}`, () => {
    const r = score(`${ROOT}corpus/gold/gold.jsonl`);
    expect(r.diagnostics.textMismatch).toBe(0);
    expect(r.micro.exactScores.f1).toBeGreaterThanOrEqual(FLOORS.corpus);
  });

  const shared = `${ROOT}../shared/eval`;
  const haveShared = fs.existsSync(`${shared}/seed.gold.jsonl`);
  if (!haveShared) console.warn(`skipping the ../shared/eval floors: ${shared} is not here`);
  it.skipIf(!haveShared)(`../shared/eval seed: exact micro F1 >= ${FLOORS.seed}`, () => {
    expect(score(`${shared}/seed.gold.jsonl`).micro.exactScores.f1).toBeGreaterThanOrEqual(FLOORS.seed);
  });
  it.skipIf(!haveShared)(`../shared/eval WikiGold: exact micro F1 >= ${FLOORS.wikigold}`, () => {
    expect(score(`${shared}/wikigold.jsonl`).micro.exactScores.f1).toBeGreaterThanOrEqual(FLOORS.wikigold);
  });
});
