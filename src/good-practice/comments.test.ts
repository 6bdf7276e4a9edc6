import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePersonalNumber } from '../people/personal-number.ts';
import { commentStateAfter, moderationRefusal, publicComments, validateComment } from './comments.ts';

const today = '2026-12-01';
const valid = {
  name: 'Eva Exempel',
  email: 'Eva@Example.org',
  body: 'Bra exempel! <a href="https://example.org/">Läs mer</a>',
};
const errors = (r: ReturnType<typeof validateComment>) =>
  r.ok ? [] : r.errors.map((e) => [e.field, e.code]);

describe('a comment from the public', () => {
  it('is accepted with name, e-mail and a body, stored sanitised', () => {
    const result = validateComment({ ...valid, body: `${valid.body}<script>alert(1)</script>` }, today);
    assert.ok(result.ok);
    assert.equal(
      result.value.bodyHtml,
      'Bra exempel! <a href="https://example.org/" rel="nofollow ugc">Läs mer</a>',
    );
    assert.equal(result.value.email, 'eva@example.org');
  });

  it('needs a name and a real e-mail address', () => {
    assert.deepEqual(errors(validateComment({ ...valid, name: ' ', email: '' }, today)), [
      ['name', 'required'],
      ['email', 'required'],
    ]);
    assert.deepEqual(errors(validateComment({ ...valid, email: 'eva@example' }, today)), [
      ['email', 'invalid'],
    ]);
    assert.deepEqual(errors(validateComment({ ...valid, email: 'a@b.se, c@d.se' }, today)), [
      ['email', 'invalid'],
    ]);
  });

  it('refuses a body that is empty once the markup is gone, or too long', () => {
    assert.deepEqual(errors(validateComment({ ...valid, body: '' }, today)), [['body', 'required']]);
    assert.deepEqual(
      errors(validateComment({ ...valid, body: '<img src=x onerror=alert(1)><script>x</script>' }, today)),
      [['body', 'empty']],
    );
    assert.deepEqual(errors(validateComment({ ...valid, body: 'x'.repeat(4001) }, today)), [
      ['body', 'tooLong'],
    ]);
    assert.deepEqual(errors(validateComment({ ...valid, body: `<b>${'x'.repeat(20_001)}</b>` }, today)), [
      ['body', 'tooLong'],
    ]);
    assert.ok(validateComment({ ...valid, body: `<b>${'x'.repeat(4000)}</b>` }, today).ok);
  });

  it('refuses an identity number, also split by markup or hidden in an attribute', () => {
    const number = generatePersonalNumber('2016-01-20', 512);
    const ten = `${number.slice(2, 8)}-${number.slice(8)}`;
    for (const body of [
      `Min son ${ten} fick inte hjälp`,
      `Min son ${ten.slice(0, 4)}<b></b>${ten.slice(4)} fick inte hjälp`,
      `<abbr title="${ten}">han</abbr> fick inte hjälp`,
    ]) {
      const result = validateComment({ ...valid, body }, today);
      assert.deepEqual(
        result.ok ? [] : result.errors,
        [{ field: 'body', code: 'personalIdentityNumber', advice: 'useSip' }],
        body,
      );
    }
  });

  it("passes a child's name on to the moderator instead of stopping the commenter", () => {
    const result = validateComment({ ...valid, body: 'Vår dotter Maja, 9 år, fick ett bokpaket.' }, today);
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.moderatorWarnings.map((w) => [w.code, w.name]),
      [['nameWithAge', 'Maja']],
    );
  });

  it('drops what a bot fills in the hidden field', () => {
    assert.deepEqual(errors(validateComment({ ...valid, website: 'https://spam.example/' }, today)), [
      ['website', 'spam'],
    ]);
  });
});

describe('moderation', () => {
  const editor = { isEditor: true };

  it('an editor approves or rejects a pending comment, and removes an approved one with a reason', () => {
    assert.equal(moderationRefusal('approve', { state: 'pending' }, editor, ''), null);
    assert.equal(commentStateAfter('approve'), 'approved');
    assert.equal(moderationRefusal('reject', { state: 'pending' }, editor, ''), null);
    assert.equal(moderationRefusal('remove', { state: 'approved' }, editor, ''), 'reasonRequired');
    assert.equal(moderationRefusal('remove', { state: 'approved' }, editor, 'Ett barn pekas ut'), null);
    assert.equal(moderationRefusal('approve', { state: 'rejected' }, editor, ''), 'wrongState');
    assert.equal(moderationRefusal('approve', { state: 'pending' }, { isEditor: false }, ''), 'notAnEditor');
  });

  it('the public sees approved comments only, oldest first, never an e-mail address', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 10, day));
    const shown = publicComments([
      { state: 'approved' as const, postedAt: at(3), name: 'B', bodyHtml: 'andra', email: 'b@example.org' },
      { state: 'pending' as const, postedAt: at(1), name: 'P', bodyHtml: 'väntar', email: 'p@example.org' },
      { state: 'approved' as const, postedAt: at(2), name: 'A', bodyHtml: 'första', email: 'a@example.org' },
      {
        state: 'removed' as const,
        postedAt: at(1),
        name: 'R',
        bodyHtml: 'borttagen',
        email: 'r@example.org',
      },
    ]);
    assert.deepEqual(
      shown.map((c) => c.name),
      ['A', 'B'],
    );
    assert.ok(shown.every((c) => !('email' in c)));
  });
});
