import sanitizeHtml from 'sanitize-html';
import { isWebAddress } from '../guide/domain.ts';

/**
 * The HTML a comment on a good example may carry: exactly what the source blog allowed, nothing
 * else. Sanitised by sanitize-html (a parser and an allow-list, docs/decisions/0102), never by
 * hand. Links and citations point only at absolute http(s) addresses, and every link gets
 * rel="nofollow ugc" (a search engine must not read a comment as the municipality's endorsement).
 * Run once when the comment is saved; the page prints the stored result as HTML.
 */

export const allowedCommentTags = {
  a: ['href', 'title'],
  abbr: ['title'],
  acronym: ['title'],
  b: [],
  blockquote: ['cite'],
  cite: [],
  code: [],
  del: ['datetime'],
  em: [],
  i: [],
  q: ['cite'],
  strike: [],
  strong: [],
} as const satisfies Record<string, readonly string[]>;

export const linkRel = 'nofollow ugc';

// A datetime as HTML allows it here: a date, or a date and time with an optional zone; nothing else.
const datetimePattern =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,3})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/;

/**
 * An absolute http(s) address without credentials, as the URL parser writes it (so hosts are in
 * punycode and the stored form is canonical); anything else ("/x", "//x", "javascript:") is null.
 */
function webAddress(value: string | undefined): string | null {
  if (value === undefined || !isWebAddress(value.trim())) return null;
  return new URL(value.trim()).href;
}

/** The allowed attributes in a fixed order, so that sanitising the result again changes nothing. */
function inOrder(entries: [string, string | null | undefined][]): sanitizeHtml.Attributes {
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const common: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(allowedCommentTags),
  // rel is allowed only so that our own value survives; whatever the writer put there is replaced.
  allowedAttributes: Object.fromEntries(
    Object.entries(allowedCommentTags).map(([tag, attrs]) => [
      tag,
      tag === 'a' ? [...attrs, 'rel'] : [...attrs],
    ]),
  ),
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // The content of these is never text a reader should see (scripts, styles, templates, the
  // alternative content that mutation-XSS hides in), so it goes with the tag.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'xmp',
    'noscript',
    'noembed',
    'noframes',
    'iframe',
    'template',
    'title',
    'svg',
    'math',
    'object',
    'select',
    'plaintext',
  ],
  enforceHtmlBoundary: false,
  nestingLimit: 20,
  parseStyleAttributes: false,
};

/**
 * The options for one run. A link inside a link ("<a>x<b><a>y</a></b></a>") is kept by the parser
 * but split in two by a browser, so what it shows would not be what was checked: the inner link
 * loses its tag (its text stays). The parser hands the same attribute object to the filter when
 * the tag closes, which is how the inner link is known again; the count of open links lives in the
 * run, hence a fresh set of options per comment.
 */
function options(): sanitizeHtml.IOptions {
  let openLinks = 0;
  const innerLinks = new WeakSet<sanitizeHtml.Attributes>();
  return {
    ...common,
    transformTags: {
      a: (tagName, attribs) => {
        if (openLinks > 0) {
          const none: sanitizeHtml.Attributes = {};
          innerLinks.add(none);
          return { tagName, attribs: none };
        }
        openLinks++;
        return {
          tagName,
          attribs: inOrder([
            ['href', webAddress(attribs.href)],
            ['title', attribs.title],
            ['rel', linkRel],
          ]),
        };
      },
      blockquote: (tagName, attribs) => ({ tagName, attribs: inOrder([['cite', webAddress(attribs.cite)]]) }),
      q: (tagName, attribs) => ({ tagName, attribs: inOrder([['cite', webAddress(attribs.cite)]]) }),
      del: (tagName, attribs) => {
        const datetime = attribs.datetime?.trim();
        return {
          tagName,
          attribs: inOrder([['datetime', datetime && datetimePattern.test(datetime) ? datetime : null]]),
        };
      },
    },
    // Called as an allowed tag closes: where an inner link loses its tag and an outer one ends.
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'a') return false;
      if (innerLinks.has(frame.attribs)) return 'excludeTag';
      openLinks = Math.max(0, openLinks - 1);
      return false;
    },
  };
}

/** The comment's HTML as it may be shown. A fixed point: sanitising the result changes nothing. */
export function sanitizeComment(html: string): string {
  return sanitizeHtml(html, options());
}

/**
 * The comment's text without markup, for the moderator's list, the length rule and the guard
 * (an identity number hidden in a title attribute is still refused: the attributes are read too).
 */
export function commentPlainText(html: string): string {
  const textOnly = sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: common.nonTextTags,
  });
  return decodeEntities(textOnly);
}

/** Every attribute value that survives sanitising, for the guard. */
export function commentAttributeTexts(sanitized: string): string[] {
  const values: string[] = [];
  sanitizeHtml(sanitized, {
    ...common,
    transformTags: {
      // The parser hands over attribute values decoded: they are the text a reader sees.
      '*': (tagName, attribs) => {
        for (const [name, value] of Object.entries(attribs)) if (name !== 'rel') values.push(value);
        return { tagName, attribs };
      },
    },
  });
  return values;
}

/** The inverse of the escaping sanitize-html does on output (&, <, >, " and nothing else). */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
