import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/ingest/records.js';
import { htmlToText } from '../../src/ingest/html.js';

const codes = (xs: ReturnType<typeof parseRecords>) => xs.map((x) => ('code' in x ? x.code : `doc:${x.record}`));

describe('records', () => {
  it('keeps txt and md text exactly as decoded', () => {
    const text = '# Title\r\n\r\nBody with **bold**.\r\n';
    expect(parseRecords('md', text)).toEqual([{ record: null, text, meta: { title: null, date: null, url: null, publisher: null } }]);
  });

  it('reads Markdown front matter as metadata; the text is what follows it', () => {
    const body = '# Ministers meet\n\nBRUSSELS, 14 June 2023 – Ministers met.\n';
    const text = `---\ntitle: "Allies meet: a summary"\ndate: 2023-06-14\nlink: https://example.org/r/1\nsource: Council press office\ntags:\n  - defence\n---\n${body}`;
    expect(parseRecords('md', text)).toEqual([{ record: null, text: body, meta: { title: 'Allies meet: a summary', date: '2023-06-14', url: 'https://example.org/r/1', publisher: 'Council press office' } }]);
    // A rule that is not at the very start, or never closed, is text.
    for (const plain of ['Intro\n---\ntitle: x\n---\nBody', '---\ntitle: x\nBody without a closing rule', '---\n\nThis release opens with a rule.\n\n---\n\nMore text.', '---\nSenator Ana Ruiz met the mayor.\n---\nMore text.', '---\n# Key points\n- Funding doubles\n- Talks resume\n---\nMore text.']) expect(parseRecords('md', plain)).toEqual([{ record: null, text: plain, meta: { title: null, date: null, url: null, publisher: null } }]);
    expect(parseRecords('md', '---\ntitle: Only metadata\n---\n \n')).toEqual([expect.objectContaining({ code: 'E_EMPTY' })]);
    expect(parseRecords('md', '---\ntitle: >\n  Folded title\ndate: 2024-01-02\n---\nBody.')).toEqual([{ record: null, text: 'Body.', meta: { title: null, date: '2024-01-02', url: null, publisher: null } }]);
  });

  it('keeps a record whose metadata is not text, naming the fields it ignored; says what a bad record is', () => {
    expect(parseRecords('json', JSON.stringify({ id: 'a', text: 'Hello', publisher: { name: 'x' }, url: ['u'], title: 'T' }))).toEqual([
      { record: 'a', text: 'Hello', meta: { title: 'T', date: null, url: null, publisher: null }, ignored: ['url', 'publisher'] },
    ]);
    expect(parseRecords('json', '[null]')).toEqual([expect.objectContaining({ code: 'E_NOT_RECORD', message: expect.stringMatching(/^Record 0 is null;/) })]);
    expect(parseRecords('json', '{"text": {"body": "x"}}')).toEqual([expect.objectContaining({ code: 'E_NO_TEXT', message: expect.stringMatching(/it is an object/) })]);
  });

  it('names a record without text by its id where it has one, as it names an empty one', () => {
    const problems = parseRecords('jsonl', '{"id":"d"}\n{"id":"e","text":""}\n{"title":"no id"}\n{"id":{"x":1}}');
    expect(problems.map((p) => ['code' in p ? p.code : 'doc', p.record])).toEqual([['E_NO_TEXT', 'd'], ['E_EMPTY', 'e'], ['E_NO_TEXT', '2'], ['E_NO_TEXT', '3']]);
  });

  it('reads a JSON object, an array, and JSONL with ids, indexes and metadata', () => {
    expect(parseRecords('json', JSON.stringify({ id: 'a1', text: 'Hello', title: 'T', date: '2020-01-02', url: 'u', publisher: 'p' }))).toEqual([
      { record: 'a1', text: 'Hello', meta: { title: 'T', date: '2020-01-02', url: 'u', publisher: 'p' } },
    ]);
    expect(codes(parseRecords('json', JSON.stringify([{ text: 'a' }, { id: 7, text: 'b' }])))).toEqual(['doc:0', 'doc:7']);
    expect(codes(parseRecords('jsonl', '{"text":"a"}\n\n{"id":"x","text":"b"}\n'))).toEqual(['doc:0', 'doc:x']);
  });

  it.each([
    ['json', '{not json', ['E_JSON_PARSE']],
    ['json', '[]', ['E_EMPTY']],
    ['json', '[1, {"text": "ok"}, {"title": "no text"}, {"text": "  "}]', ['E_NOT_RECORD', 'doc:1', 'E_NO_TEXT', 'E_EMPTY']],
    ['jsonl', '{"text":"good"}\n{bad\n{"text": 5}\n{"text":"also good"}', ['doc:0', 'E_JSONL_LINE', 'E_NO_TEXT', 'doc:3']],
    ['txt', '  \n\t ', ['E_EMPTY']],
    ['html', '<html><script>var a = 1</script></html>', ['E_EMPTY']],
  ] as const)('%s %j', (format, text, expected) => {
    expect(codes(parseRecords(format, text))).toEqual(expected);
  });
});

describe('html', () => {
  it.each([
    ['1,100 unclosed <option>s before the article', `<form><select>${'<option>Archive\n'.repeat(1100)}</select></form><article><h1>Grant announced</h1><p>Senator Ana Ruiz announced a grant.</p></article>`, 'Grant announced\n\nSenator Ana Ruiz announced a grant.'],
    ['1,100 unclosed <p>s, then navigation and a footer', `<nav>Menu</nav><article>${'<p>Line\n'.repeat(1100)}<p>Last line.</article><nav>Next Previous</nav><footer>Copyright</footer>`, `${'Line\n\n'.repeat(1100)}Last line.`],
    ['200,000 "<b " without a closing ">"', `<p>Intro ${'x<b y '.repeat(200_000)}`, null],
    ['a tag name of 200,000 "-a" without a closing ">"', `<p>Intro <a${'-a'.repeat(200_000)}`, null],
  ])('a page that only looks deep is read as it is: %s', (_, page, expected) => {
    const r = htmlToText(page);
    if (expected === null) expect(r.text.startsWith('Intro')).toBe(true);
    else expect(r.text).toBe(expected);
  });
  it('reads a page nested 300,000 elements deep (flattened below depth 1000: the parser slows with depth squared)', () => {
    const n = 300_000;
    const page = `<html><body><nav>Menu</nav><article><h1>Deep page</h1>${'<div><span><script>hidden()</script>'.repeat(n)}Ministers met.${'</span></div>'.repeat(n)}</article></body></html>`;
    const r = htmlToText(page);
    expect(r.title).toBe('Deep page');
    expect(r.text).toBe('Deep page\n\nMinisters met.');
  });

  it.each([
    ['an empty comment "<!-->"', '<!-->'],
    ['"<!--" inside a script', '<script>x = "<!--"</script>'],
    ['"<!--" inside an attribute', '<p title="<!--">Note</p>'],
  ])('flattens deep markup after %s (the parser reads on, so must the depth count)', (_, prefix) => {
    const n = 200_000;
    const r = htmlToText(`${prefix}<article><h1>Title</h1>${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}</article>`);
    expect(r.text).toBe('Title\n\ndeep');
  });

  it('keeps the end of a deep page whose deep part leaves an inline element open', () => {
    const deep = (inner: string) => `${'<div>'.repeat(1100)}${inner}${'</div>'.repeat(1100)}`;
    const page = `<div><article><h1>Title</h1>${deep('<b>bold ')}<p>Middle.</p>${deep('deep')}<p>End.</p></article></div><footer>Footer</footer>`;
    expect(htmlToText(page).text).toBe('Title\n\nbold\n\nMiddle.\n\ndeep\n\nEnd.');
  });

  const page = `<!doctype html><html><head><title>Site | Release</title><style>p{color:red}</style>
    <meta property="og:site_name" content="NATO"><meta property="article:published_time" content="2023-06-14T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a>News</a></nav><header>Site header</header>
    <article><h1>Allies &amp; partners meet</h1><p>BRUSSELS, 14 June 2023 – Ministers met.</p><script>track()</script>
    <ul><li>First point</li><li>Second&nbsp;point</li></ul></article><footer>© Site</footer></body></html>`;

  it('keeps the article text, drops scripts, styles, navigation and chrome, reads metadata', () => {
    const r = htmlToText(page);
    expect(r.text).toBe('Allies & partners meet\n\nBRUSSELS, 14 June 2023 – Ministers met.\n\nFirst point\nSecond point');
    expect(r).toMatchObject({ title: 'Allies & partners meet', date: '2023-06-14T09:00:00Z', publisher: 'NATO' });
  });

  it('falls back to the body and survives malformed markup', () => {
    expect(htmlToText('<p>One <b>two<p>three <div>four').text).toBe('One two\n\nthree\n\nfour');
    expect(htmlToText('<div>'.repeat(5000) + 'deep' + '</div>'.repeat(10)).text).toBe('deep');
  });
});
