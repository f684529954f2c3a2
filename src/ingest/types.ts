import type { Dateline, Source } from '../schema/document.js';
import type { Problem } from '../schema/problem.js';

export type Format = Source['format'];
export type Encoding = Source['encoding'];

/** A file found under an input root. */
export interface InputFile {
  root: string;
  /** Absolute path. */
  absPath: string;
  /** Path relative to root with / separators: the base of every document id. */
  relPath: string;
  format: Format | null;
  /**
   * Why this entry is not read as a document (a symbolic link not followed, say): it is reported
   * as a problem instead, so every input still appears in the output once.
   */
  skip?: { code: string; severity: 'fatal' | 'warning' | 'info'; message: string };
  /** Set when only a slice of a large JSONL file is read (parts.ts). */
  part?: FilePart;
}

/** A slice of whole lines of a JSONL file, read and analysed on its own (parts.ts). */
export interface FilePart {
  /** 0-based, of `count` parts of the file. */
  index: number;
  count: number;
  /** Byte range [start, end) of the file. */
  start: number;
  end: number;
  /** The number of the part's first line in the file (0-based): records are numbered by line. */
  firstLine: number;
  /** sha256 of the whole file: every document's source.sha256. */
  fileSha256: string;
  /** Ids of this part's documents that an earlier record of the file had already taken, by line: their new ids. */
  renamed: Record<number, string>;
}

/** Metadata a JSON record (or an HTML page) carries itself. */
export interface RecordMeta {
  title: string | null;
  date: string | null;
  url: string | null;
  publisher: string | null;
}

/** One document as ingest hands it to nlp: text plus everything read from its structure. */
export interface IngestedDocument {
  id: string;
  source: Source;
  text: string;
  title: string | null;
  date: string | null;
  dateSource: 'metadata' | 'dateline' | 'text' | 'path' | null;
  dateline: Dateline | null;
  publisher: string | null;
  url: string | null;
  /** Problems that did not stop the document (warnings), already attributed to it. */
  warnings: Problem[];
}

/** What ingest yields for each input, in order: documents and problems. */
export type IngestItem = { kind: 'document'; document: IngestedDocument } | { kind: 'problem'; problem: Problem };

/** Which input produced each item: lets the export count every input exactly once. */
export interface IngestOptions {
  /** Extra ignore globs (fast-glob syntax), on top of each root's .presslensignore. */
  ignore?: string[];
  /** Documents larger than this many bytes are refused as problems. */
  maxBytes?: number;
  /** Follow symbolic links, also out of the input folder (default: report them, do not follow). */
  followSymlinks?: boolean;
  /** Use the first folder of the path as publisher when a document names none. */
  publisherFromPath?: boolean;
}
