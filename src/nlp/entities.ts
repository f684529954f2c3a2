import type { Entity, EntityType, Mention } from '../schema/document.js';
import type { Sentence } from './sentences.js';
import type { Token } from './tokenize.js';
import type { CleanSpan } from './spans.js';
import { isHonorific, type RoleMention } from './roles.js';
import { NO_ALIASES, type AliasTable } from './aliases.js';
import { ACRONYM, entityId } from './entity-id.js';
import { bracketAfter, isShortName } from './acronyms.js';

export { entityId, slug } from './entity-id.js';

/** An acronym defined in the text: "Lower Manhattan Security Initiative (LMSI)". */
export interface AcronymDefinition {
  acronym: string;
  longForm: string;
  type: EntityType;
  start: number;
  end: number;
}

export interface EntityResult {
  entities: Entity[];
  /** Entity id of every span, by span index. */
  spanEntity: string[];
  acronyms: AcronymDefinition[];
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The last of increasing indexes below i, or null. */
function lastBefore(sorted: number[], i: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo ? sorted[lo - 1] : null;
}

/** Word tokens of a name, without initials ("A.") and punctuation: what identifies a person. */
function nameWords(tokens: Token[], s: CleanSpan): string[] {
  return tokens
    .slice(s.first, s.last)
    .map((t) => t.text)
    .filter((w) => /\p{L}{2,}/u.test(w) && !/^\p{Lu}\.$/u.test(w));
}

/**
 * Merge a document's mentions into entities, as a reader would:
 *   - an acronym defined in brackets joins its long form, and so do its later bare uses;
 *   - a person's mentions join on first and last name ("Rosemary DiCarlo" = "Rosemary A. DiCarlo"),
 *     and a surname alone joins the person named in full before it (or, failing that, after it);
 *   - other names join on their case-insensitive text.
 * The canonical name is the fullest form; the id comes from type and canonical name, so it is the
 * same in every document and every run.
 */
export function buildEntities(text: string, tokens: Token[], sentences: Sentence[], spans: CleanSpan[], roles: RoleMention[], aliasTable: AliasTable = NO_ALIASES): EntityResult {
  const mentionText = spans.map((s) => normalise(text.slice(tokens[s.first].start, tokens[s.last - 1].end)));
  const types = spans.map((s) => s.type);
  const group = spans.map((_, i) => i);
  // Iterative, with path compression: a chain of thousands of joins must not overflow the stack.
  const find = (i: number): number => {
    let root = i;
    while (group[root] !== root) root = group[root];
    while (group[i] !== root) {
      const next = group[i];
      group[i] = root;
      i = next;
    }
    return root;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) group[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Acronyms: SPAN ( ACRONYM ), the acronym a span of its own.
  const acronyms: AcronymDefinition[] = [];
  const acronymOf = new Map<string, number>();
  spans.forEach((s, i) => {
    const next = spans[i + 1];
    if (!next || next.last - next.first !== 1) return;
    const open = bracketAfter(tokens, s.last);
    if (open < 0 || next.first !== open + 1 || tokens[next.last]?.text !== ')') return;
    const acronym = tokens[next.first].text;
    const shortName = types[i] === 'ORGANIZATION' && types[i + 1] === 'ORGANIZATION' && s.last - s.first >= 2 && isShortName(tokens, s, acronym);
    if (!(ACRONYM.test(acronym) || shortName) || acronymOf.has(acronym)) return;
    // A one-word name, or a place, stands for the acronym only if it starts with the same letter:
    // in "Force in Lebanon (UNIFIL)" or "Mission in the Democratic Republic of the Congo (MONUSCO)"
    // the acronym belongs to a longer name the tagger did not find whole.
    if ((s.last - s.first === 1 || types[i] === 'LOCATION') && tokens[s.first].text[0].toUpperCase() !== acronym[0]) return;
    acronymOf.set(acronym, i);
    types[i + 1] = types[i];
    join(i, i + 1);
    acronyms.push({ acronym, longForm: mentionText[i], type: types[i], start: tokens[next.first].start, end: tokens[next.first].end });
  });
  spans.forEach((_, i) => {
    const def = acronymOf.get(mentionText[i]);
    if (def !== undefined && def !== i) {
      types[i] = types[def];
      join(def, i);
    }
  });

  // People: full names by (first word, last word); short forms by surname.
  const fullByKey = new Map<string, number>();
  const fullBySurname = new Map<string, number[]>();
  spans.forEach((s, i) => {
    if (types[i] !== 'PERSON') return;
    const words = nameWords(tokens, s);
    if (words.length < 2) return;
    const key = `${words[0].toLowerCase()} ${words[words.length - 1].toLowerCase()}`;
    const prev = fullByKey.get(key);
    if (prev === undefined) fullByKey.set(key, i);
    else join(prev, i);
    const surname = words[words.length - 1].toLowerCase();
    const list = fullBySurname.get(surname) ?? [];
    list.push(i);
    fullBySurname.set(surname, list);
  });
  // How many people each surname names, counted once (a document may repeat a name thousands of times).
  const peopleBySurname = new Map([...fullBySurname].map(([surname, list]) => [surname, new Set(list.map(find)).size]));
  spans.forEach((s, i) => {
    if (types[i] !== 'PERSON') return;
    const words = nameWords(tokens, s);
    if (words.length !== 1) return;
    const surname = words[0].toLowerCase();
    const candidates = fullBySurname.get(surname);
    if (!candidates) return;
    // Ambiguous surname (two people called Smith): the most recent full mention before it wins.
    const before = lastBefore(candidates, i);
    const target = peopleBySurname.get(surname) === 1 ? candidates[0] : before;
    if (target !== null) join(target, i);
  });

  // Organisations: a first-words short form joins the one longer name it starts
  // ("Halberd" -> "Halberd Defence Systems"). Only one word, and not an acronym: "UN" is not
  // "UN Security Council", "European Union" not "European Union Agency for Fundamental Rights";
  // ambiguous short forms stay on their own.
  const orgWords = spans.map((s, i) => (types[i] === 'ORGANIZATION' ? tokens.slice(s.first, s.last).map((t) => t.text) : null));
  // Longer names by first word, as entities before any short form joins them.
  const longerByFirst = new Map<string, Set<number>>();
  orgWords.forEach((words, j) => {
    if (!words || words.length < 2) return;
    const set = longerByFirst.get(words[0]) ?? new Set<number>();
    set.add(find(j));
    longerByFirst.set(words[0], set);
  });
  orgWords.forEach((words, i) => {
    if (!words || words.length !== 1 || words[0] === words[0].toUpperCase()) return;
    const longer = longerByFirst.get(words[0]);
    if (longer?.size === 1) join([...longer][0], i);
  });

  // Everything else: same type and same text, ignoring case.
  const byText = new Map<string, number>();
  spans.forEach((_, i) => {
    const key = `${types[i]}\u0000${mentionText[i].toLowerCase()}`;
    const prev = byText.get(key);
    if (prev === undefined) byText.set(key, i);
    else join(prev, i);
  });

  // Collect groups; canonical name = most words, then longest, then first.
  const groups = new Map<number, number[]>();
  spans.forEach((_, i) => {
    const r = find(i);
    const members = groups.get(r);
    if (members) members.push(i);
    else groups.set(r, [i]);
  });
  const sentenceOf = (offset: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const rolesByGroup = new Map<number, RoleMention[]>();
  for (const r of roles) {
    const g = find(r.person);
    const list = rolesByGroup.get(g);
    if (list) list.push(r);
    else rolesByGroup.set(g, [r]);
  }
  const byId = new Map<string, { entity: Entity; order: number }>();
  const spanEntity = new Array<string>(spans.length);
  for (const members of groups.values()) {
    const type = types[members[0]];
    let canonical = members[0];
    for (const m of members) {
      const words = (i: number) => spans[i].last - spans[i].first;
      if (words(m) > words(canonical) || (words(m) === words(canonical) && mentionText[m].length > mentionText[canonical].length)) canonical = m;
    }
    const name = mentionText[canonical];
    const id = entityId(type, name, aliasTable);
    const mentions: Mention[] = members.map((m) => {
      const start = tokens[spans[m].first].start;
      const end = tokens[spans[m].last - 1].end;
      return { start, end, text: text.slice(start, end), sentence: sentenceOf(start) };
    });
    const aliases = new Set(members.map((m) => mentionText[m]).filter((t) => t !== name));
    const ownRoles = rolesByGroup.get(find(members[0])) ?? [];
    for (const r of ownRoles) {
      const span = spans[r.person];
      if (span.last - span.first === 1 && r.end <= tokens[span.first].start) aliases.add(`${r.text} ${mentionText[r.person]}`);
    }
    const role = ownRoles.find((r) => !isHonorific(r.text))?.text ?? ownRoles[0]?.text ?? null;
    for (const m of members) spanEntity[m] = id;
    const existing = byId.get(id);
    if (existing) {
      for (const m of mentions) existing.entity.mentions.push(m);
      existing.entity.aliases = [...new Set([...existing.entity.aliases, ...aliases])].sort();
      existing.entity.role ??= role;
    } else {
      byId.set(id, { entity: { id, type, name, aliases: [...aliases].sort(), role, place: null, mentions }, order: members[0] });
    }
  }
  const entities = [...byId.values()].sort((a, b) => a.order - b.order).map((e) => e.entity);
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  return { entities, spanEntity, acronyms };
}
