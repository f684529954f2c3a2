import { analyze, createContext, type NlpContext } from '../../src/nlp/index.js';
import { goldDocument } from '../../src/eval/run-gold.js';
import { TEST_CODEBOOK } from './codebook.js';

let ctx: NlpContext | null = null;

/** Every mention presslens finds in a text, as "TYPE:text" (the model loads once, on first use). */
export function foundMentions(text: string): string[] {
  ctx ??= createContext({ codebook: TEST_CODEBOOK });
  return (analyze(goldDocument({ id: 't', text, entities: [] }), ctx).entities ?? []).flatMap((e) => e.mentions.map((m) => `${e.type}:${m.text}`));
}
