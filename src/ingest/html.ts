import { Parser } from 'htmlparser2';

/** Elements whose content is never visible article text. */
const HIDDEN = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head',
  'nav', 'form', 'button', 'select', 'textarea', 'aside', 'dialog', 'menu',
]);
/** Page chrome: dropped when the page has an <article> or <main>, else kept (some pages put the release there). */
const CHROME = new Set(['header', 'footer']);
/** Elements that stand apart as paragraphs (a blank line before and after). */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'div', 'dl', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'main', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'body', 'html',
]);
/** Elements that start a new line: list items, table rows, line breaks. */
const LINE = new Set(['br', 'li', 'dt', 'dd', 'tr']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'source', 'track', 'wbr']);

/**
 * Deeper nesting than any real page has. htmlparser2 keeps its open elements with Array#unshift, so
 * its time grows with the square of the depth (200,000 nested <div>s took 13 s); markup below this
 * depth is flattened first.
 */
const MAX_NESTING = 1000;
/**
 * A start or end tag. Finding every tag stays linear: the attributes must start with a character a
 * name cannot hold, so the name is never split two ways, and "[^<>]*" cannot run past the next "<".
 * Tags inside comments and scripts count too: counting too deep only costs a flattening pass, while
 * skipping what the parser does read (it ends comments and scripts by rules of its own) would let
 * deep markup through.
 */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^<>\w:-][^<>]*)?)>/g;
/**
 * Kept at any depth: elements whose content is raw text (they cannot nest), elements that decide
 * what is visible (hidden, chrome, article, main, the title heading), and elements HTML closes on
 * its own ("<p>", "<li>", "<option>" are often never closed, so they say nothing of depth).
 */
const KEEP = new Set([
  'script', 'style', 'textarea', 'title', ...HIDDEN, ...CHROME, 'article', 'main', 'h1', 'html', 'body',
  'p', 'li', 'option', 'optgroup', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'dt', 'dd', 'colgroup', 'caption', 'rb', 'rt', 'rp',
]);

/**
 * The page with elements nested deeper than MAX_NESTING unwrapped: a block element becomes a line
 * break, any other loses its tags and keeps its text. Only elements that must be closed explicitly
 * count towards the depth, and a close tag goes only with its dropped start tag. Pages of normal
 * depth are returned as they are.
 */
function flattenDeepNesting(html: string): string {
  const counts = (name: string, rest: string) => !VOID.has(name) && !KEEP.has(name) && !rest.endsWith('/');
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (!counts(name, m[3])) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  if (max <= MAX_NESTING) return html;
  // Open counted elements, innermost last: [name, dropped]; and how many of each name are open.
  const open: Array<[string, boolean]> = [];
  const openByName = new Map<string, number>();
  return html.replace(TAG, (tag: string, close: string, tagName: string, rest: string) => {
    const name = tagName.toLowerCase();
    if (!counts(name, rest)) return tag;
    let dropped: boolean;
    if (!close) {
      dropped = open.length >= MAX_NESTING;
      open.push([name, dropped]);
      openByName.set(name, (openByName.get(name) ?? 0) + 1);
    } else {
      // A close tag also closes the elements left open inside its element, as the parser does (an
      // unclosed <b> must not hold the stack); a close tag with no open element is the parser's.
      if (!openByName.get(name)) return tag;
      let closed: [string, boolean];
      do {
        closed = open.pop()!;
        openByName.set(closed[0], openByName.get(closed[0])! - 1);
      } while (closed[0] !== name);
      dropped = closed[1];
    }
    return !dropped ? tag : BLOCK.has(name) ? '<br>' : '';
  });
}

export interface HtmlText {
  text: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  url: string | null;
}

interface Collector {
  parts: string[];
}

/**
 * The visible article text of an HTML page: the content of <article> (or <main>, or else <body>),
 * without scripts, styles, navigation and page chrome; block elements become line breaks and runs
 * of white space collapse, as a browser shows it. Also reads the title and common metadata.
 * htmlparser2 is forgiving: malformed and unclosed markup still yields text.
 */
export function htmlToText(html: string): HtmlText {
  const stack: string[] = [];
  let hiddenDepth = 0;
  const regions: Record<'article' | 'main' | 'body', Collector> = { article: { parts: [] }, main: { parts: [] }, body: { parts: [] } };
  let inArticle = 0;
  let inMain = 0;
  let chromeDepth = 0;
  let titleText = '';
  let inTitle = false;
  let h1 = '';
  let h1Done = false;
  let h1Depth = 0;
  const meta: Record<string, string> = {};
  let canonical: string | null = null;

  const push = (s: string) => {
    if (hiddenDepth > 0) return;
    if (inArticle > 0) regions.article.parts.push(s);
    if (inMain > 0) regions.main.parts.push(s);
    if (chromeDepth === 0) regions.body.parts.push(s);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (!VOID.has(name)) stack.push(name);
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
          if (key && attrs.content) meta[key] ??= attrs.content;
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) canonical ??= attrs.href;
        if (HIDDEN.has(name) && !VOID.has(name)) hiddenDepth++;
        if (CHROME.has(name)) chromeDepth++;
        if (name === 'article') inArticle++;
        if (name === 'main') inMain++;
        if (name === 'h1') h1Depth++;
        if (BLOCK.has(name)) push('\n\n');
        else if (LINE.has(name)) push('\n');
      },
      ontext(data) {
        if (inTitle) titleText += data;
        if (h1Depth > 0 && hiddenDepth === 0 && !h1Done) h1 += data;
        push(data);
      },
      onclosetag(name) {
        // htmlparser2 reports implied closes too; keep our counters in step with the stack.
        if (VOID.has(name)) {
          return;
        }
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        if (name === 'title') inTitle = false;
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (CHROME.has(name)) chromeDepth = Math.max(0, chromeDepth - 1);
        if (name === 'article') inArticle = Math.max(0, inArticle - 1);
        if (name === 'main') inMain = Math.max(0, inMain - 1);
        if (name === 'h1') {
          h1Depth = Math.max(0, h1Depth - 1);
          if (h1.trim()) h1Done = true;
        }
        if (BLOCK.has(name)) push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(flattenDeepNesting(html));
  parser.end();

  const region = regions.article.parts.length ? regions.article : regions.main.parts.length ? regions.main : regions.body;
  const text = normaliseWhitespace(region.parts.join(''));
  const clean = (s: string | undefined | null) => {
    const t = (s ?? '').replace(/\s+/g, ' ').trim();
    return t || null;
  };
  return {
    text,
    title: clean(h1) ?? clean(meta['og:title']) ?? clean(titleText),
    date: clean(meta['article:published_time'] ?? meta['date'] ?? meta['dc.date'] ?? meta['dcterms.date']),
    publisher: clean(meta['og:site_name'] ?? meta['publisher'] ?? meta['author']),
    url: clean(meta['og:url'] ?? canonical),
  };
}

/** Collapse spaces within lines and blank runs between them, as a browser renders text. */
function normaliseWhitespace(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
