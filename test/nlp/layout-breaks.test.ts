import { describe, expect, it } from 'vitest';
import { splitAtLayoutBreaks } from '../../src/nlp/spans.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { EntityType } from '../../src/schema/document.js';

/** The texts of the spans left when `name` (tagged whole, as `type`) is split at layout breaks. */
function split(text: string, name: string, type: EntityType = 'ORGANIZATION'): string[] {
  const tokens = tokenize(text);
  const start = text.indexOf(name);
  const first = tokens.findIndex((t) => t.start === start);
  const last = tokens.findIndex((t) => t.end === start + name.length) + 1;
  expect(first >= 0 && last > first, `"${name}" is whole tokens of the text`).toBe(true);
  return splitAtLayoutBreaks(text, tokens, [{ first, last, type }]).map((s) => text.slice(tokens[s.first].start, tokens[s.last - 1].end));
}

describe('a name does not cross layout', () => {
  it.each([
    ['a space before the line break', 'Harlow Lumber, Eureka \nDunmore Corporation, Ronan', 'Eureka \nDunmore Corporation', ['Eureka', 'Dunmore Corporation']],
    ['an indented next line', 'the Linden battlefield \n   Ashcroft Valley Museum (Page County)', 'Linden battlefield \n   Ashcroft Valley Museum', ['Linden battlefield', 'Ashcroft Valley Museum']],
    ['a blank line', 'Arlington, VA\n\nCARANA is a provider', 'VA\n\nCARANA', ['VA', 'CARANA']],
    ['two breaks in one span', 'Alder Trust \n Birch Fund \n Cedar Group', 'Alder Trust \n Birch Fund \n Cedar Group', ['Alder Trust', 'Birch Fund', 'Cedar Group']],
  ])('%s', (_, text, name, expected) => expect(split(text, name)).toEqual(expected));

  it.each([
    ['hard-wrapped text: a bare line break', 'The report was presented by Anna\nLindqvist on Monday.', 'Anna\nLindqvist'],
    ['a bare CRLF', 'The report was presented by Anna\r\nLindqvist on Monday.', 'Anna\r\nLindqvist'],
    ['spaces without a line break', 'The Council  of Europe met.', 'Council  of Europe'],
  ])('keeps %s', (_, text, name) => expect(split(text, name, 'PERSON')).toEqual([name]));
});
