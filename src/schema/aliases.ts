import { z } from 'zod';

const EntityIdRef = z.string().regex(/^(person|organization|location)\/[\p{L}\p{N}-]+$/u, 'an entity id is type/slug, e.g. "organization/united-nations"');

/**
 * An aliases file (`--aliases FILE`): merges presslens should make, and merges it must not.
 *   merge:    every id in `ids` becomes `into` ("organization/un" -> "organization/united-nations");
 *   separate: these people keep their full names as ids, instead of being joined by first and
 *             last name ("person/john-a-smith" and "person/john-b-smith" are two people).
 */
export const AliasFile = z.strictObject({
  merge: z.array(z.strictObject({ into: EntityIdRef, ids: z.array(EntityIdRef).min(1) })).default([]),
  separate: z.array(EntityIdRef).default([]),
});
export type AliasFile = z.infer<typeof AliasFile>;
