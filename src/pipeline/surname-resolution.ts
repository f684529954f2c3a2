import type { DocResult } from './types.js';
import { ACRONYM, entityId, slug, SUFFIX } from '../nlp/entity-id.js';

/** First name and surname of a person named in full ("Daniel K. Akaka, Jr." -> daniel, akaka), or null. */
function nameParts(name: string): { first: string; surname: string } | null {
  const words = name.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w) && !SUFFIX.test(w.replace(/,$/, '')));
  return words.length >= 2 ? { first: slug(words[0]), surname: slug(words[words.length - 1]) } : null;
}

/**
 * People known only by surname, resolved from the run: "Allard" in a release that never gives his
 * full name joins "Wayne Allard" named in others, when the run names exactly one person in full
 * with that surname ("Clinton", with Bill and Hillary Clinton in the run, stays apart), in more than
 * one document. A word the run also uses as a first name ("John", "Michael") is no surname alone,
 * and neither is a surname with an "s" glued on where the possessive's apostrophe was lost
 * ("Bayhs", when the run knows "Bayh"). A lone word a release took for an organisation (it never
 * introduces the person: some corpora drop a senator's own name from their releases) is that
 * person too, unless the run names an organisation starting with the word ("Ford" of "Ford Motor
 * Company" stays a company). Corpus-wide
 * work between the two passes of a run, like AcronymResolver: pass 1 notes full names and lone
 * surnames, pass 2 rewrites the ids of the documents using them.
 */
export class SurnameResolver {
  /** Surname slug -> the ids of the people the run names in full with it. */
  private readonly fullNames = new Map<string, Set<string>>();
  /** Full-name person id -> documents naming them. */
  private readonly documents = new Map<string, number>();
  /** First names and lone words of people in the run (slugs). */
  private readonly firstNames = new Set<string>();
  private readonly loneWords = new Set<string>();
  /** Lone-surname person id (or one-word organisation id) -> its surname slug. */
  private readonly lone = new Map<string, string>();
  /** First words of the run's organisations of two or more words (slugs). */
  private readonly organisationFirstWords = new Set<string>();

  /** Pass 1: note a document's people; returns the ids of those it names by surname alone. */
  add(doc: Pick<DocResult, 'entities'>): string[] {
    const found: string[] = [];
    for (const e of doc.entities) {
      if (e.type === 'ORGANIZATION') {
        const words = e.name.split(/\s+/);
        if (words.length > 1) this.organisationFirstWords.add(slug(words[0]));
        else if (!ACRONYM.test(e.name) && e.id === entityId('ORGANIZATION', e.name)) {
          this.lone.set(e.id, slug(e.name));
          found.push(e.id);
        }
        continue;
      }
      if (e.type !== 'PERSON') continue;
      const parts = nameParts(e.name);
      if (parts) {
        let ids = this.fullNames.get(parts.surname);
        if (!ids) this.fullNames.set(parts.surname, (ids = new Set()));
        ids.add(e.id);
        this.documents.set(e.id, (this.documents.get(e.id) ?? 0) + 1);
        this.firstNames.add(parts.first);
        continue;
      }
      // One word, not an acronym, with the id of its own name (an aliases file's choice stands).
      if (/\s/.test(e.name) || ACRONYM.test(e.name) || e.id !== entityId('PERSON', e.name)) continue;
      this.lone.set(e.id, slug(e.name));
      this.loneWords.add(slug(e.name));
      found.push(e.id);
    }
    return found;
  }

  /** Between the passes: lone-surname id -> the one full-name id the run has for that surname. */
  resolve(): Map<string, string> {
    const into = new Map<string, string>();
    const known = (word: string) => this.fullNames.has(word) || this.loneWords.has(word);
    for (const [id, surname] of this.lone) {
      if (this.firstNames.has(surname) || (surname.endsWith('s') && known(surname.slice(0, -1)))) continue;
      if (id.startsWith('organization/') && this.organisationFirstWords.has(surname)) continue;
      const ids = this.fullNames.get(surname);
      if (ids?.size !== 1) continue;
      const [target] = ids;
      if (target !== id && this.documents.get(target)! >= 2) into.set(id, target);
    }
    return into;
  }
}
