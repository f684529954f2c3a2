import { z } from 'zod';
import { PresslensError } from './util/errors.js';

/** What the library's extract functions accept: checked before anything runs, every problem named. */
const Inputs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const Options = z
  .object({
    config: z.string().min(1),
    codebook: z.string().min(1),
    keywords: z.number().int().min(0),
    maxBytes: z.number().int().positive(),
    ignore: z.array(z.string()),
    publisherFromPath: z.boolean(),
    aliases: z.string().min(1),
    workers: z.number().int().min(0),
    cache: z.union([z.string().min(1), z.literal(false)]),
    onProgress: z.function(),
    signal: z.instanceof(AbortSignal),
    followSymlinks: z.boolean(),
    shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).refine((s) => s.index <= s.count, 'index must be at most count'),
  })
  .partial()
  .strict();

/** The inputs as a list, or a PresslensError (E_OPTIONS) that names every bad input or option. */
export function checkLibraryCall(inputs: unknown, options: unknown): string[] {
  const problems: string[] = [];
  const i = Inputs.safeParse(inputs);
  if (!i.success) problems.push('inputs: expected a path or a non-empty list of paths');
  const o = Options.safeParse(options ?? {});
  if (!o.success) for (const issue of o.error.issues) problems.push(`${issue.path.join('.') || 'options'}: ${issue.message}`);
  if (problems.length) throw new PresslensError('E_OPTIONS', `Invalid call: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`, { details: problems });
  return [i.data!].flat();
}
