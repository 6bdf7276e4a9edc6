import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  allowedCommentTags,
  commentAttributeTexts,
  commentPlainText,
  linkRel,
  sanitizeComment,
} from './comment-html.ts';
import { hostileComments } from './hostile-comments.ts';

const allowed: Record<string, readonly string[]> = allowedCommentTags;

/**
 * What may be in sanitised output, read strictly: every "<" opens an allowed tag whose attributes
 * are allowed for it and double-quoted without "<" or '"' inside; no ">" stands outside a tag;
 * links and citations are http(s); every link carries rel="nofollow ugc". Returns the problems.
 */
function problems(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?)([a-z]+)((?:\s[a-z]+="[^"<>]*")*)\s*>/y;
  const attribute = /\s([a-z]+)="([^"<>]*)"/g;
  let text = '';
  let openLinks = 0;
  for (let i = 0; i < html.length; ) {
    if (html[i] !== '<') {
      text += html[i];
      i++;
      continue;
    }
    tag.lastIndex = i;
    const match = tag.exec(html);
    if (!match) {
      found.push(`a "<" that opens no allowed tag at ${i}`);
      break;
    }
    const [whole, closing, name = '', attributes = ''] = match;
    if (!(name in allowed)) found.push(`tag <${name}>`);
    const names: string[] = [];
    for (const [, attr = '', raw = ''] of attributes.matchAll(attribute)) {
      names.push(attr);
      const value = raw.replace(/&amp;/g, '&');
      const permitted = [...(allowed[name] ?? []), ...(name === 'a' ? ['rel'] : [])];
      if (closing || !permitted.includes(attr)) found.push(`attribute ${attr} on <${name}>`);
      if ((attr === 'href' || attr === 'cite') && !/^https?:\/\/[^/]/.test(value))
        found.push(`${attr}="${value}"`);
      if (attr === 'rel' && value !== linkRel) found.push(`rel="${value}"`);
    }
    if (name === 'a' && !closing && !names.includes('rel')) found.push('a link without rel');
    // A browser splits a link inside a link: what it shows would not be what was checked.
    if (name === 'a') openLinks += closing ? -1 : 1;
    if (openLinks > 1) found.push('a link inside a link');
    i += whole.length;
  }
  if (text.includes('>')) found.push('a ">" outside a tag');
  return found;
}

describe('the comment sanitiser keeps exactly the allowed markup', () => {
  it('keeps every allowed tag and attribute as written', () => {
    const html =
      '<a href="https://example.org/a?b=1&amp;c=2" title="Källa">länk</a> <abbr title="Socialtjänstlagen">SoL</abbr> ' +
      '<acronym title="Barnets behov i centrum">BBIC</acronym> <b>b</b> <blockquote cite="https://example.org/">c</blockquote> ' +
      '<cite>Boken</cite> <code>x &lt; y</code> <del datetime="2026-03-10T14:30">gammalt</del> <em>e</em> <i>i</i> ' +
      '<q cite="https://example.org/q">q</q> <strike>s</strike> <strong>st</strong>';
    const expected = html.replace('title="Källa">', 'title="Källa" rel="nofollow ugc">');
    assert.equal(sanitizeComment(html), expected);
  });

  it('removes every other tag but keeps its text; scripts and styles go with their content', () => {
    assert.equal(sanitizeComment('<p>Stycke</p><div><span>ett</span></div>'), 'Styckeett');
    assert.equal(sanitizeComment('<script>alert(1)</script>Hej<style>b{}</style>'), 'Hej');
    assert.equal(sanitizeComment('<img src=x onerror=alert(1)>'), '');
  });

  it('keeps only absolute http(s) links, in canonical form, and sets rel on each', () => {
    assert.equal(sanitizeComment('<a href="javascript:alert(1)">x</a>'), '<a rel="nofollow ugc">x</a>');
    assert.equal(
      sanitizeComment('<a href="https://ex&#x61;mple.org" rel="opener">x</a>'),
      '<a href="https://example.org/" rel="nofollow ugc">x</a>',
    );
    assert.equal(sanitizeComment('<a href="/admin">x</a>'), '<a rel="nofollow ugc">x</a>');
    assert.equal(sanitizeComment('<a href="//evil.example/">x</a>'), '<a rel="nofollow ugc">x</a>');
    assert.equal(sanitizeComment('<q cite="javascript:alert(1)">x</q>'), '<q>x</q>');
  });

  it('a link inside a link loses its tag (a browser would split them), links side by side stay', () => {
    assert.equal(
      sanitizeComment('<a href="https://a.se/">x<b><a href="https://b.se/">y</a></b>z</a>'),
      '<a href="https://a.se/" rel="nofollow ugc">x<b>y</b>z</a>',
    );
    assert.equal(
      sanitizeComment('<a href="https://a.se/">x</a> <a href="https://b.se/">y</a>'),
      '<a href="https://a.se/" rel="nofollow ugc">x</a> <a href="https://b.se/" rel="nofollow ugc">y</a>',
    );
  });

  it('escapes text so that it stays text', () => {
    assert.equal(sanitizeComment('1 < 2 > 0 & "citat"'), '1 &lt; 2 &gt; 0 &amp; "citat"');
    assert.equal(sanitizeComment('<code>&lt;script&gt;</code>'), '<code>&lt;script&gt;</code>');
  });

  it('drops a datetime that is not a date or time', () => {
    assert.equal(sanitizeComment('<del datetime="2026-03-10">x</del>'), '<del datetime="2026-03-10">x</del>');
    assert.equal(sanitizeComment('<del datetime="igår">x</del>'), '<del>x</del>');
  });

  for (const [i, hostile] of hostileComments.entries()) {
    it(`hostile #${i + 1}: ${JSON.stringify(hostile).slice(0, 90)}`, () => {
      const clean = sanitizeComment(hostile);
      assert.deepEqual(problems(clean), [], clean);
      // Attribute values blanked: an escaped "&lt;img onerror" inside a title is harmless text.
      const tagsOnly = clean.replace(/="[^"]*"/g, '=""');
      assert.doesNotMatch(tagsOnly, /<\/?(script|img|svg|math|style|iframe|object|embed|noscript|template)/i);
      assert.equal(sanitizeComment(clean), clean, 'sanitising again changes nothing');
    });
  }

  it('the checker itself finds what is not allowed', () => {
    assert.deepEqual(problems('<img src="x">'), ['tag <img>', 'attribute src on <img>']);
    assert.deepEqual(problems('<a href="javascript:x" rel="nofollow ugc">'), ['href="javascript:x"']);
    assert.deepEqual(problems('<a href="https://x.se/">'), ['a link without rel']);
    assert.deepEqual(problems('<b onclick="x">'), ['attribute onclick on <b>']);
    assert.deepEqual(problems('a <b'), ['a "<" that opens no allowed tag at 2']);
    assert.deepEqual(problems('a > b'), ['a ">" outside a tag']);
    assert.deepEqual(problems('<a rel="nofollow ugc"><a rel="nofollow ugc">x</a></a>'), [
      'a link inside a link',
    ]);
  });

  it('any mix of hostile fragments and text comes out within the allow-list', () => {
    const fragment = fc.oneof(
      fc.constantFrom(...hostileComments),
      fc.constantFrom(
        '<',
        '>',
        '"',
        "'",
        '&',
        '</',
        '<!--',
        '-->',
        '=',
        ' ',
        '<a href="',
        '<q cite=',
        '<b>',
        '</b>',
      ),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const clean = sanitizeComment(parts.join(''));
        return problems(clean).length === 0 && sanitizeComment(clean) === clean;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('what the guard and the moderator read of a comment', () => {
  it('the plain text has the markup removed and the entities read', () => {
    const clean = sanitizeComment('<b>Fet</b> &amp; <i>kursiv</i> 1 &lt; 2 <script>x</script>');
    assert.equal(commentPlainText(clean), 'Fet & kursiv 1 < 2 ');
  });

  it('the attribute texts that survive, so a number hidden in a title is found too', () => {
    const clean = sanitizeComment(
      '<abbr title="850709-9805">x</abbr><a href="https://example.org/" onclick="y">z</a>',
    );
    assert.deepEqual(commentAttributeTexts(clean), ['850709-9805', 'https://example.org/']);
  });
});
