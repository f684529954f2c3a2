import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';

const utf16 = (s: string, le: boolean, bom: boolean) => {
  const body = Buffer.from(s, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
};

describe('decode', () => {
  const text = 'Brussels, 30 October 2018 – NATO’s €5 “plan” für Zürich';
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM (BOM removed)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(text, true, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, false, true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(text, true, false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(text, false, false), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    const d = decode(bytes);
    expect(d).toEqual({ ok: true, text, encoding, warning: null });
  });

  it('keeps UTF-8 with a few broken bytes as UTF-8, replacing them, with a warning', () => {
    const bytes = Buffer.concat([Buffer.from('Zürich – Genève – München '), Buffer.from([0xff, 0xfe, 0x41])]);
    const d = decode(bytes);
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: 'Zürich – Genève – München \ufffd\ufffdA', warning: { code: 'W_INVALID_UTF8' } });
  });

  it.each([
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 3],
    ['an overlong form', [0xe0, 0x80, 0xaf], 3],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 4],
    ['a sequence cut short (one U+FFFD for its two bytes)', [0xe2, 0x82], 1],
    ["Java's two-byte NUL (C0 80)", [0xc0, 0x80], 2],
  ])('counts the U+FFFD it puts in for %s', (_name, bad, count) => {
    const d = decode(Buffer.concat([Buffer.from('Zürich – Genève – München, São Paulo, Málaga, Kraków, Göteborg and Niš '), Buffer.from(bad)]));
    expect(d.ok && d.text.endsWith('\ufffd'.repeat(count))).toBe(true);
    expect(d.ok && d.warning?.message).toMatch(new RegExp(`replaced by ${count} U\\+FFFD`));
  });

  it('keeps CESU-8 (surrogates encoded one by one, as Java writes them) as UTF-8, replacing only the surrogates', () => {
    const d = decode(Buffer.concat([Buffer.from('Café opens. '), Buffer.from([0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80])]));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: `Café opens. ${'\ufffd'.repeat(6)}`, warning: { code: 'W_INVALID_UTF8', message: expect.stringMatching(/replaced by 6 U\+FFFD/) } });
  });

  it.each([
    ['a multibyte character cut short', [0xe2, 0x82, 0x20]],
    ["Java's two-byte NUL", [0xc0, 0x80, 0x20]],
  ])('keeps text with few accented letters as UTF-8 despite %s', (_name, bad) => {
    const d = decode(Buffer.concat([Buffer.from('Café crème, São Paulo. '), Buffer.from(bad), Buffer.from('Ends.')]));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', warning: { code: 'W_INVALID_UTF8' } });
    expect(d.ok && d.text.startsWith('Café crème, São Paulo. \ufffd')).toBe(true);
  });

  it('reads Windows-1252 with its own table for 0x80-0x9F and flags it', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0xe9, 0xfc]);
    expect(decode(bytes)).toMatchObject({ ok: true, text: '€ “A” – éü', encoding: 'windows-1252', warning: { code: 'W_LEGACY_ENCODING' } });
  });

  it.each([
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])],
    ['a ZIP archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
    ['text with NUL bytes', Buffer.from('hello\u0000\u0000\u0000 world, this is not text at all\u0000', 'latin1')],
    ['control-code noise', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
  ])('refuses %s as binary', (_name, bytes) => {
    const d = decode(bytes);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(['E_BINARY', 'E_DECODE']).toContain(d.code);
  });

  it('keeps CR LF line endings (offsets point into the file as it is)', () => {
    const d = decode(Buffer.from('Title\r\n\r\nBody text.\r\n'));
    expect(d.ok && d.text).toBe('Title\r\n\r\nBody text.\r\n');
  });
});
