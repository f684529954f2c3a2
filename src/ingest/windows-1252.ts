/**
 * Windows-1252 bytes 0x80-0x9F (the only range where it differs from ISO-8859-1). Node's
 * TextDecoder('windows-1252') decodes these as C1 control characters, like Latin-1, which turns
 * euro signs, curly quotes and dashes into invisible characters; hence this table. Bytes 0x81,
 * 0x8D, 0x8F, 0x90 and 0x9D are unassigned and map to the same code point (WHATWG behaviour).
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(slice.length);
    for (let j = 0; j < slice.length; j++) {
      const b = slice[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
