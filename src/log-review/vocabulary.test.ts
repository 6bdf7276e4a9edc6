import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { actions, registeredRuleSets } from '../access.ts';
import { features } from '../features.ts';
import { languages } from '../platform/i18n/i18n.ts';
import { messages } from '../platform/i18n/messages.ts';
import { reportChannels } from '../reports/schema.ts';
import { actionStatuses, sipCloseReasons, sipInformationKinds } from '../sip/schema.ts';
import { auditVocabulary, reasonInWords } from './vocabulary.ts';

const srcDir = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Texts (i18n) and test support write no audit events.
    if (entry.isDirectory()) return ['testing', 'i18n'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const source = sourceFiles(srcDir)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const found = (pattern: RegExp) => [...source.matchAll(pattern)].flatMap((m) => m.slice(1).filter(Boolean));

/**
 * Every code the audit trail can hold, as the source writes it: the actions of the policy (a
 * refusal is audited under the action asked for) and every literal written as an audited action;
 * every deny reason and every reason written; every record type. What the source computes (a
 * SIP action's status, the kinds of information shown, a report's channel) comes from its list.
 */
const codes = {
  actions: new Set([
    ...actions,
    ...found(/action: '([a-z][A-Za-z]*\.[A-Za-z.]+)'/g),
    ...found(/recordLoginEvent\([^)]*?'([a-z]+\.[A-Za-z]+)'/g),
    ...found(/(?:caseAudit|reportAudit)\([^,()]+, '([a-z]+\.[A-Za-z]+)'/g),
    ...found(/action = '([a-z]+\.[A-Za-z]+)'/g),
  ]),
  reasons: new Set([
    ...Object.keys(messages('sv').errors.denyReasons),
    ...registeredRuleSets().flatMap((set) => Object.keys(set.reasonTexts?.('sv') ?? {})),
    ...found(/audit\([^;]*?reason: '([A-Za-z]+)'/gs),
    ...found(/recordLoginEvent\([^)]*'(?:allowed|denied)', '([A-Za-z]+)'/g),
    ...found(/const reason = (blocksFor \? [^;]+);/g).flatMap((expression) =>
      [...expression.matchAll(/'(\w+)'/g)].map((m) => m[1]!),
    ),
    ...found(/\w+ \? '(lockedOut)' : '(wrongCredentials)'/g),
    ...found(/kind === 'request' \? '(\w+)'/g),
    ...reportChannels,
    ...actionStatuses,
    ...sipCloseReasons,
    ...sipInformationKinds,
  ]),
  recordTypes: new Set([
    ...found(/recordType: '([A-Za-z]+)'/g),
    ...found(/recordType: [^,\n]*\? '(\w+)' : '(\w+)'/g),
    ...found(/recordType: \w+ \? '(\w+)' : '(\w+)'/g),
  ]),
};

describe('the log review names every code of the audit trail in words', () => {
  it('finds the codes in the source (the scan is not empty)', () => {
    for (const code of ['auth.login', 'request.refused', 'sip.read', 'case.read', 'report.submit'])
      assert.ok(codes.actions.has(code), code);
    for (const code of ['roleNotPermitted', 'publicForm', 'wrongCredentials', 'throttled', 'notAssigned'])
      assert.ok(codes.reasons.has(code), code);
    for (const code of ['person', 'report', 'case', 'route', 'sip'])
      assert.ok(codes.recordTypes.has(code), code);
  });

  for (const lang of languages) {
    it(`has a label for every action, reason and record type in ${lang}`, () => {
      const vocabulary = auditVocabulary(features, lang);
      const missing = Object.fromEntries(
        (['actions', 'reasons', 'recordTypes'] as const).map((kind) => [
          kind,
          [...codes[kind]].filter((code) => !vocabulary[kind][code]?.trim()),
        ]),
      );
      assert.deepEqual(
        missing,
        { actions: [], reasons: [], recordTypes: [] },
        `codes without a label in ${lang}`,
      );
    });
  }

  it('names lists of codes and API clients, and shows what a person wrote as written', () => {
    const vocabulary = auditVocabulary(features, 'sv');
    assert.equal(reasonInWords(vocabulary, 'sv', 'roleNotPermitted'), vocabulary.reasons.roleNotPermitted);
    assert.equal(
      reasonInWords(vocabulary, 'sv', 'plan,needs'),
      `${vocabulary.reasons.plan}, ${vocabulary.reasons.needs}`,
    );
    assert.match(reasonInWords(vocabulary, 'sv', 'apiClient:Region Norr'), /Region Norr/);
    assert.equal(reasonInWords(vocabulary, 'sv', 'Vårdnadshavaren ringde'), 'Vårdnadshavaren ringde');
    assert.equal(reasonInWords(vocabulary, 'sv', null), '');
  });
});
