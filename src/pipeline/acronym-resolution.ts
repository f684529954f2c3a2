import type { DocumentRecord, Entity } from '../schema/document.js';
import type { DocResult } from './types.js';
import { ACRONYM, entityId, typeOfId } from '../nlp/entity-id.js';
import { compareStrings } from '../util/compare.js';

/**
 * Bare acronyms resolved from the run's acronym table: "EEAS" in a release that never spells it
 * out joins "European External Action Service (EEAS)" defined in another, when the run defines
 * that acronym, for that type, one way only. Corpus-wide work between the two passes of a run:
 * pass 1 notes definitions and bare uses, pass 2 rewrites the ids of the documents using them.
 */
export class AcronymResolver {
  /** "TYPE\0ACRONYM" -> the long-form entity ids the run defines it as. */
  private readonly definitions = new Map<string, Set<string>>();
  /** Bare acronym entity id -> its "TYPE\0ACRONYM" key. */
  private readonly bare = new Map<string, string>();

  /** Pass 1: note a document's definitions; returns the ids of its bare acronym entities. */
  add(doc: Pick<DocResult, 'entities' | 'acronyms'>): string[] {
    const typeOf = new Map(doc.entities.map((e) => [e.id, e.type]));
    for (const a of doc.acronyms) {
      const type = typeOf.get(a.entity_id);
      if (!type) continue;
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

  /** Between the passes: bare acronym id -> the one long-form id the run defines it as. */
  resolve(): Map<string, string> {
    const into = new Map<string, string>();
    for (const [id, key] of this.bare) {
      const ids = this.definitions.get(key);
      if (ids?.size !== 1) continue;
      const [target] = ids;
      if (target !== id) into.set(id, target);
    }
    // No chains (a target resolved in turn): one step is what the acronym table shows. The chained
    // ids are found before any is dropped, so the result does not depend on the order of the map.
    const chained = [...into].filter(([, target]) => into.has(target)).map(([id]) => id);
    for (const id of chained) into.delete(id);
    return into;
  }
}

/**
 * A document record with entity ids replaced by `into`. Two entities that become one (the
 * document names both "EEAS" and the long form, unlinked) merge: mentions in text order, the
 * long form's name, the other names as aliases, at the place of the first mention.
 */
export function remapRecord(record: DocumentRecord, into: ReadonlyMap<string, string>): DocumentRecord {
  const map = (id: string) => into.get(id) ?? id;
  const byId = new Map<string, Entity>();
  for (const e of record.entities) {
    const id = map(e.id);
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
    roles: record.roles.map((r) => ({ ...r, entity_id: map(r.entity_id), organization_id: r.organization_id === null || typeOfId(map(r.organization_id)) !== 'ORGANIZATION' ? null : map(r.organization_id) })),
    acronyms: record.acronyms.map((a) => ({ ...a, entity_id: map(a.entity_id) })),
  };
}
