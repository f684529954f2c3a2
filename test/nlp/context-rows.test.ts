import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, type NlpContext } from '../../src/nlp/index.js';
import { RowSink } from '../../src/nlp/model/context-rows.js';
import { documentContext, extractFeatures, sentenceFeatures } from '../../src/nlp/model/features.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';

let ctx: NlpContext;
beforeAll(() => {
  ctx = createContext();
});

/**
 * For every token of `text`: the model rows the tagger finds for its context features, and the
 * rows of the names training builds for them (names the model lacks left out). They must be the
 * same rows in the same order, or tagging would score tokens differently from the trained model.
 */
function rowsBothWays(text: string): { found: number[][]; named: number[][] } {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const names = extractFeatures(tokens, sentences, ctx.resources);
  const doc = documentContext(tokens, sentences);
  const sink = new RowSink(ctx.model);
  const found: number[][] = [];
  const named: number[][] = [];
  for (const s of sentences) {
    sink.reset(s.last - s.first);
    sentenceFeatures(doc, s, ctx.resources, sink);
    for (let k = 0; k < s.last - s.first; k++) {
      found.push([...sink.rows.subarray(sink.from(k), sink.ends[k])]);
      named.push(names[s.first + k].map((f) => ctx.model.featureIndex.get(f)).filter((r) => r !== undefined));
    }
  }
  return { found, named };
}

const corpusFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? corpusFiles(path.join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('context feature rows', () => {
  it('are the rows of the feature names, for every token of every corpus document', () => {
    const files = corpusFiles('corpus');
    expect(files.length).toBeGreaterThan(50);
    let tokens = 0;
    for (const file of files) {
      const { found, named } = rowsBothWays(fs.readFileSync(file, 'utf8'));
      expect(found, file).toEqual(named);
      tokens += found.length;
    }
    expect(tokens).toBeGreaterThan(10_000);
  });

  // The model has names whose parts hold the "|" that separates them ("a|w:|||"): those tokens
  // are looked up by name. Headlines, sentence starts and gazetteer matches are in the pieces too.
  const pieces = fc.constantFrom('|', '||', 'a|b', '-', '<s>', '</s>', 'Senate', 'NEWS', 'News', 'of', 'the', 'Department', 'Defense', 'Ohio', 'Paris', 'said', '.', ',', '\n\n', 'U.S.', '2024', 'x');
  it('are the rows of the feature names for text with separators in its words (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(' ')), (text) => {
        const { found, named } = rowsBothWays(text);
        expect(found).toEqual(named);
      }),
      { numRuns: 2000, seed: 20181030 },
    );
  });

  it('find rows for the separator names the model has', () => {
    const { found, named } = rowsBothWays('News | - | Senate || x');
    expect(named.flat().length).toBeGreaterThan(0);
    expect(found).toEqual(named);
    expect(ctx.model.featureIndex.has('a|w:||-')).toBe(true);
  });
});
