import type { DocumentRecord } from '../schema/document.js';
import type { EntitySummary } from '../pipeline/types.js';
import { compareStrings } from '../util/compare.js';

/** What the run-wide entity tables take from one document: its entities and their pairs. */
export interface EntityPart {
  entities: EntitySummary[];
  /**
   * Entity pairs of the document, [entity_a, entity_b, sentences they share], a < b: every pair
   * sharing a sentence, and every pair of the document's ten most mentioned entities.
   */
  pairs: Array<[string, string, number]>;
}

/** Entities most mentioned in a document whose pairs count even without a shared sentence. */
const TOP_ENTITIES = 10;

export function entityPart(record: DocumentRecord): EntityPart {
  return {
    entities: record.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions.length, place: e.place })),
    pairs: entityPairs(record),
  };
}

function entityPairs(record: DocumentRecord): Array<[string, string, number]> {
  const entities = [...record.entities].sort((a, b) => compareStrings(a.id, b.id));
  const sentences = entities.map((e) => new Set(e.mentions.map((m) => m.sentence)));
  const top = new Set([...record.entities].sort((a, b) => b.mentions.length - a.mentions.length || compareStrings(a.id, b.id)).slice(0, TOP_ENTITIES).map((e) => e.id));
  const pairs: Array<[string, string, number]> = [];
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      let shared = 0;
      for (const s of sentences[i]) if (sentences[j].has(s)) shared++;
      if (shared || (top.has(entities[i].id) && top.has(entities[j].id))) pairs.push([entities[i].id, entities[j].id, shared]);
    }
  }
  return pairs;
}
