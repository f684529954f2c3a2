import type { EntityType } from '../../schema/document.js';

/**
 * BILOU tags over tokens: Begin, Inside, Last of a multi-token name, Unit (a one-token name), O.
 * BILOU rather than BIO: the tagger learns name ends as well as starts, which moves boundaries.
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION'];
const PREFIX: Record<EntityType, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC' };
const TYPE_OF: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION' };

export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${PREFIX[t]}`))];
export const O = 0;

const part = (tag: string) => ({ pos: tag[0], type: tag.slice(2) });

/** May tag `to` follow tag `from` (from = -1 for the sentence start)? */
export function allowed(from: number, to: number): boolean {
  const t = part(TAGS[to]);
  if (from < 0) return t.pos === 'O' || t.pos === 'B' || t.pos === 'U';
  const f = part(TAGS[from]);
  if (f.pos === 'B' || f.pos === 'I') return (t.pos === 'I' || t.pos === 'L') && t.type === f.type;
  return t.pos === 'O' || t.pos === 'B' || t.pos === 'U';
}

/** May a sentence end on this tag? (not inside an open name) */
export function canEnd(tag: number): boolean {
  const p = TAGS[tag][0];
  return p === 'O' || p === 'L' || p === 'U';
}

export interface TokenSpan {
  first: number;
  last: number;
  type: EntityType;
}

/** Token spans [first, last) with types -> one tag index per token. */
export function encode(length: number, spans: TokenSpan[]): number[] {
  const tags = new Array<number>(length).fill(O);
  for (const s of spans) {
    const p = PREFIX[s.type];
    if (s.last - s.first === 1) tags[s.first] = TAGS.indexOf(`U-${p}`);
    else {
      tags[s.first] = TAGS.indexOf(`B-${p}`);
      for (let i = s.first + 1; i < s.last - 1; i++) tags[i] = TAGS.indexOf(`I-${p}`);
      tags[s.last - 1] = TAGS.indexOf(`L-${p}`);
    }
  }
  return tags;
}

/** Tag indices -> token spans. Tolerant of ill-formed sequences (a stray I or L opens a span). */
export function decode(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: { first: number; type: string } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const { pos, type } = part(TAGS[tags[i]]);
    if (open && (pos === 'O' || pos === 'B' || pos === 'U' || type !== open.type)) {
      spans.push({ first: open.first, last: i, type: TYPE_OF[open.type] });
      open = null;
    }
    if (pos === 'U') spans.push({ first: i, last: i + 1, type: TYPE_OF[type] });
    else if (pos === 'B' || ((pos === 'I' || pos === 'L') && !open)) open = { first: i, type };
    if (pos === 'L' && open) {
      spans.push({ first: open.first, last: i + 1, type: TYPE_OF[open.type] });
      open = null;
    }
  }
  if (open) spans.push({ first: open.first, last: tags.length, type: TYPE_OF[open.type] });
  return spans;
}
