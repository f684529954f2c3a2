import type { Format } from './types.js';

/** File extensions presslens reads, and the format each one is parsed as. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

export function formatOf(path: string): Format | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return FORMAT_BY_EXTENSION[path.slice(dot).toLowerCase()] ?? null;
}
