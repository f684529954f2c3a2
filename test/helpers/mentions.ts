import { expect, it } from 'vitest';
import { analyze, createContext, type NlpContext } from '../../src/nlp/index.js';
import { goldDocument } from '../../src/eval/run-gold.js';
import { TEST_CODEBOOK } from './codebook.js';

let ctx: NlpContext | null = null;

/** Every mention presslens finds in a text, as "TYPE:text" (the model loads once, on first use). */
export function foundMentions(text: string): string[] {
  ctx ??= createContext({ codebook: TEST_CODEBOOK });
  return (analyze(goldDocument({ id: 't', text, entities: [] }), ctx).entities ?? []).flatMap((e) => e.mentions.map((m) => `${e.type}:${m.text}`));
}

/** One test per row [name, text, expected]: the text's mentions include each expected "TYPE:text". */
export function itFinds(rows: Array<[string, string, string | string[]]>): void {
  it.each(rows)('%s', (_, text, expected) => {
    const got = foundMentions(text);
    for (const e of [expected].flat()) expect(got).toContain(e);
  });
}

/** One test per row [name, text, unwanted] (false positives): no mention of the text matches `unwanted`. */
export function itDoesNotFind(rows: Array<[string, string, RegExp]>, title = '%s'): void {
  it.each(rows)(title, (_, text, unwanted) => {
    expect(foundMentions(text).filter((m) => unwanted.test(m))).toEqual([]);
  });
}
