import { decodeWindows1252 } from './windows-1252.js';
import type { Encoding } from './types.js';

/** A warning about how a file was decoded (it was decoded anyway). */
export interface DecodeWarning {
  code: 'W_LEGACY_ENCODING' | 'W_INVALID_UTF8';
  message: string;
}

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; warning: DecodeWarning | null }
  | { ok: false; code: 'E_EMPTY' | 'E_BINARY' | 'E_DECODE'; message: string };

/** File signatures of common binary formats that sometimes land in a text corpus. */
const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or docx/xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['OLE document (doc/xls)', [0xd0, 0xcf, 0x11, 0xe0]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** UTF-16 without a BOM: most ASCII text then has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Count multi-byte sequences shaped like UTF-8 and the faults between them. Text that is UTF-8
 * with a few broken bytes (a bad copy, a truncated download) has many of the first and few of
 * the second; legacy single-byte text has stray high bytes and almost no valid sequences.
 */
function utf8Shape(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Overlong forms (C0, C1, E0 80.., F0 80..), encoded surrogates (CESU-8) and code points above
    // U+10FFFF have UTF-8's shape: they count for it, though the decoder replaces them.
    const len = b >= 0xc0 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf7 ? 4 : 1;
    let k = 1;
    while (k < len && i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80) k++;
    if (len > 1 && k === len) valid++;
    // A stray byte, or a sequence cut short (its lead and the continuation bytes it has): one fault.
    else invalid++;
    i += k;
  }
  return { valid, invalid };
}

/** U+FFFD characters the decoder put in for invalid bytes (not those the file itself holds). */
function replacements(text: string, bytes: Uint8Array): number {
  let inText = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) inText++;
  let inFile = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) inFile++;
  return inText - inFile;
}

/** Share of characters that are C0 controls other than tab, newline, carriage return, form feed. */
function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return text.length ? controls / text.length : 0;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number): string {
  const body = bytes.subarray(skip, bytes.length - ((bytes.length - skip) % 2));
  return new TextDecoder(encoding, { fatal: false }).decode(body);
}

/**
 * Stage 3 of ingest: bytes to text. UTF-8 (BOM removed), UTF-16 with a BOM or recognisably without
 * one; UTF-8 with a few broken bytes is kept as UTF-8 (the bytes replaced, flagged); otherwise
 * Windows-1252, which decodes any byte and is what legacy Western text mostly is (flagged, so a
 * researcher can check). Binary files are refused rather than decoded into noise.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: decodeUtf16(bytes, 'utf-16le', 2), encoding: 'utf-16le', warning: null };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeUtf16(bytes, 'utf-16be', 2), encoding: 'utf-16be', warning: null };
  }
  for (const [what, sig] of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig)) return { ok: false, code: 'E_BINARY', message: `The file is a ${what}, not text. Convert it to text or remove it from the input.` };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { ok: true, text: decodeUtf16(bytes, utf16, 0), encoding: utf16, warning: null };
  if (bytes.includes(0)) {
    return { ok: false, code: 'E_BINARY', message: 'The file contains NUL bytes: it is binary, not text. Convert it to text or remove it from the input.' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  let encoding: Encoding = 'utf-8';
  let warning: DecodeWarning | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const { valid, invalid } = utf8Shape(body);
    if (hasBom || (valid > 0 && valid >= 2 * invalid)) {
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
      warning = { code: 'W_INVALID_UTF8', message: `The file is UTF-8 with invalid bytes, replaced by ${replacements(text, body)} U+FFFD character(s). Check the file for damage, or re-save it as UTF-8.` };
    } else {
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
      warning = { code: 'W_LEGACY_ENCODING', message: 'The file is not valid UTF-8; it was decoded as Windows-1252. Check accented letters and quotes, or re-save it as UTF-8.' };
    }
  }
  if (controlShare(text) > 0.05) {
    return { ok: false, code: encoding === 'utf-8' ? 'E_BINARY' : 'E_DECODE', message: 'More than 5% of the characters are control codes: the file is not readable text. Check its encoding or remove it.' };
  }
  return { ok: true, text, encoding, warning };
}
