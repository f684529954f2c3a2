import { describe, expect, it } from 'vitest';
import { readStructure } from '../../src/ingest/structure.js';
import { dateFromPath, findDate, normaliseDate } from '../../src/ingest/dates.js';

const NO_META = { title: null, date: null, url: null, publisher: null };
const body = (line: string) => `A title line\n\n${line} The rest of the first sentence follows here.`;

describe('datelines', () => {
  it.each([
    ['Brussels, 30 October 2018 - While', 'Brussels', '2018-10-30'],
    ['BRUSSELS, 14 June 2023 – The', 'BRUSSELS', '2023-06-14'],
    ['GENEVA, 3 June 2023 — The', 'GENEVA', '2023-06-03'],
    ['NEW YORK, Sept. 12, 2022 /PRNewswire/ -- The', 'NEW YORK', '2022-09-12'],
    ['WASHINGTON, D.C. – The', 'WASHINGTON, D.C.', null],
    ['Nairobi, 14/02/2021 - The', 'Nairobi', '2021-02-14'],
    ['TORONTO (May 5, 2020) – The', 'TORONTO', '2020-05-05'],
    ['Tallinn (Estonia), 2 May 2021: The', 'Tallinn, Estonia', '2021-05-02'],
    ['HONOLULU (AP) _ The', 'HONOLULU', null],
    ['OTTAWA, Ont. — March 3, 2022 — The', 'OTTAWA, Ont.', '2022-03-03'],
    ['Thursday, December 13, 2007   WASHINGTON - The', 'WASHINGTON', '2007-12-13'],
    ['June 2, 2006 Springfield, Ill. -- The', 'Springfield, Ill.', '2006-06-02'],
    ['KALVORO, Chad — The', 'KALVORO, Chad', null],
    ['KALVORO — The', 'KALVORO', null],
    ['Melbourne, Monday – The', 'Melbourne', null],
  ])('%s', (line, place, date) => {
    const s = readStructure(body(line), NO_META, 'x.txt', false);
    expect(s.dateline?.place).toBe(place);
    expect(s.dateline?.date ?? null).toBe(date);
    const text = body(line);
    expect(text.slice(s.dateline!.start, s.dateline!.end)).toBe(s.dateline!.text);
  });

  it.each([
    ['The minister said - in passing - that'],
    ['Today - a new plan'],
    ['While NATO-UN relations are good, there is potential.'],
    ['Contact: press office'],
    ['About the Agency: founded in 1990'],
    ['SEN. LUND: NEW FUNDS FOR FARMS'],
    ['Floor Statement - The'],
    ['Quarterly Outlook: The'],
    ['SEN. LUND — NEW FUNDS FOR FARMS'],
    ['BIDEN: The'],
    ['Portland: Energy independence is key'],
    ['SENATE PASSES GRANT FOR TOWN OF HOQUIAM, WA - The'],
  ])('no dateline in %j', (line) => {
    expect(readStructure(body(line), NO_META, 'x.txt', false).dateline).toBeNull();
  });

  it('takes a place the gazetteer lacks, in capitals, only near the top', () => {
    const text = 'A title line\n\nThe agency said on Monday that it will cut its budget.\nIt gave details.\nMore follows.\nKALVORO - Cut by 4 percent.\n';
    expect(readStructure(text, NO_META, 'x.txt', false).dateline).toBeNull();
  });
});

describe('title and date', () => {
  it('takes the first line as title and prefers metadata, then dateline, then text, then path', () => {
    const text = 'NATO-UN relations can be developed further\n\n30 October 2018\n\nBrussels, 30 October 2018 - While ...';
    const s = readStructure(text, NO_META, 'x.txt', false);
    expect(s).toMatchObject({ title: 'NATO-UN relations can be developed further', date: '2018-10-30', dateSource: 'dateline' });
    expect(readStructure(text, { ...NO_META, date: '2019-01-02T10:00:00Z' }, 'x', false)).toMatchObject({ date: '2019-01-02', dateSource: 'metadata' });
    expect(readStructure('Untitled note with no date at all', NO_META, 'Akaka/10Apr2007akaka175.txt', false)).toMatchObject({ date: '2007-04-10', dateSource: 'path' });
  });

  it('skips a date line before the title and strips Markdown heading marks', () => {
    expect(readStructure('12 March 2024\nReal title here\n\nBody.', NO_META, 'x', false).title).toBe('Real title here');
    expect(readStructure('# **Bold** heading\n\nBody.', NO_META, 'x.md', true).title).toBe('Bold heading');
  });

  it('has no title when the first line is a whole article', () => {
    expect(readStructure('x'.repeat(400), NO_META, 'x', false).title).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['30 October 2018', '2018-10-30'],
    ['October 30, 2018', '2018-10-30'],
    ['Oct. 30, 2018', '2018-10-30'],
    ['Sept. 12, 2022', '2022-09-12'],
    ['2018-10-30', '2018-10-30'],
    ['14/02/2021', '2021-02-14'],
    ['02/14/2021', '2021-02-14'],
    ['1st May 2020', '2020-05-01'],
  ])('%s', (s, iso) => expect(findDate(s)?.iso).toBe(iso));

  it.each([['31 February 2020'], ['13/13/2020'], ['May the 4th'], ['in 2018']])('rejects %s', (s) => expect(findDate(s)).toBeNull());

  it('normalises metadata dates and reads dates in file names', () => {
    expect(normaliseDate('2023-06-14')).toBe('2023-06-14');
    expect(normaliseDate('June 14, 2023')).toBe('2023-06-14');
    expect(normaliseDate('soon')).toBeNull();
    expect(dateFromPath('Akaka/10Apr2007akaka175.txt')).toBe('2007-04-10');
    expect(dateFromPath('nato/2023-06-14-cyber.txt')).toBe('2023-06-14');
    expect(dateFromPath('nato/readme.txt')).toBeNull();
  });
});
