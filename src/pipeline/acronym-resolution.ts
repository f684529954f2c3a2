import type { DocumentRecord, Entity } from '../schema/document.js';
import type { DocResult } from './types.js';
import { ACRONYM, entityId, typeOfId } from '../nlp/entity-id.js';
import { compareStrings } from '../util/compare.js';

/**
 * Bare acronyms resolved from the run's acronym table: "EEAS" in a release that never spells it
 * out joins "European External Action Service (EEAS)" defined in another, when the run defines
 * that acronym, for that type, one way only. A bare acronym the run defines only for things that
 * are no names ("traumatic brain injury (TBI)", "Arms Trade Treaty (ATT)") is no name either, and
 * is dropped. Corpus-wide work between the two passes of a run: pass 1 notes definitions and bare
 * uses, pass 2 rewrites the ids of the documents using them.
 */
export class AcronymResolver {
  /** "TYPE\0ACRONYM" -> the long-form entity ids the run defines it as. */
  private readonly definitions = new Map<string, Set<string>>();
  /** Acronyms the run defines for a name of any type. */
  private readonly named = new Set<string>();
  /** Acronyms the run defines for no name. */
  private readonly common = new Set<string>();
  /** Bare acronym entity id -> its "TYPE\0ACRONYM" key. */
  private readonly bare = new Map<string, string>();

  /** Pass 1: note a document's definitions; returns the ids of its bare acronym entities. */
  add(doc: Pick<DocResult, 'entities' | 'acronyms' | 'commonAcronyms'>): string[] {
    for (const a of doc.commonAcronyms) this.common.add(a);
    const typeOf = new Map(doc.entities.map((e) => [e.id, e.type]));
    for (const a of doc.acronyms) {
      const type = typeOf.get(a.entity_id);
      if (!type) continue;
      this.named.add(a.acronym);
      const key = `${type}\u0000${a.acronym}`;
      let ids = this.definitions.get(key);
      if (!ids) this.definitions.set(key, (ids = new Set()));
      ids.add(a.entity_id);
    }
    const bare: string[] = [];
    for (const e of doc.entities) {
      if (!ACRONYM.test(e.name)) continue;
      // An id other than the name's own was chosen by an aliases file: the user's word stands.
      if (e.id !== entityId(e.type, e.name)) continue;
      this.bare.set(e.id, `${e.type}\u0000${e.name}`);
      bare.push(e.id);
    }
    return bare;
  }

  /** Between the passes: bare acronym id -> the one long-form id the run defines it as, or null for none (dropped). */
  resolve(): Map<string, string | null> {
    const into = new Map<string, string | null>();
    for (const [id, key] of this.bare) {
      const acronym = key.slice(key.indexOf('\u0000') + 1);
      if (this.common.has(acronym) && !this.named.has(acronym)) {
        into.set(id, null);
        continue;
      }
      const ids = this.definitions.get(key);
      if (ids?.size !== 1) continue;
      const [target] = ids;
      if (target !== id) into.set(id, target);
    }
    // No chains (a target resolved in turn): one step is what the acronym table shows. The chained
    // ids are found before any is dropped, so the result does not depend on the order of the map.
    const chained = [...into].filter(([, target]) => target !== null && into.has(target)).map(([id]) => id);
    for (const id of chained) into.delete(id);
    return into;
  }
}

/**
 * A document record with entity ids replaced by `into`, and entities mapped to null dropped with
 * their roles. Two entities that become one (the document names both "EEAS" and the long form,
 * unlinked) merge: mentions in text order, the long form's name, the other names as aliases, at
 * the place of the first mention.
 */
export function remapRecord(record: DocumentRecord, into: ReadonlyMap<string, string | null>): DocumentRecord {
  const map = (id: string) => (into.has(id) ? into.get(id)! : id);
  const byId = new Map<string, Entity>();
  for (const e of record.entities) {
    const id = map(e.id);
    if (id === null) continue;
    const seen = byId.get(id);
    if (!seen) {
      // An organisation resolved to a person is one ("Snowe" -> person/olympia-snowe).
      byId.set(id, { ...e, id, type: typeOfId(id) ?? e.type });
      continue;
    }
    const [full, bare] = e.id === id ? [e, seen] : [seen, e];
    const name = full.name;
    byId.set(id, {
      ...seen,
      name,
      aliases: [...new Set([...seen.aliases, ...e.aliases, seen.name, e.name])].filter((a) => a !== name).sort(compareStrings),
      role: seen.role ?? e.role,
      place: full.place ?? bare.place,
      mentions: [...seen.mentions, ...e.mentions].sort((a, b) => a.start - b.start || a.end - b.end),
    });
  }
  return {
    ...record,
    entities: [...byId.values()],
    // A role's organisation stays an organisation (one resolved to a person is dropped from the role).
    roles: record.roles.flatMap((r) => {
      const entityId = map(r.entity_id);
      const organisation = r.organization_id === null ? null : map(r.organization_id);
      return entityId === null ? [] : [{ ...r, entity_id: entityId, organization_id: organisation === null || typeOfId(organisation) !== 'ORGANIZATION' ? null : organisation }];
    }),
    acronyms: record.acronyms.flatMap((a) => {
      const entityId = map(a.entity_id);
      return entityId === null ? [] : [{ ...a, entity_id: entityId }];
    }),
  };
}
