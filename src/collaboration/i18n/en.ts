import type { CollaborationTexts } from './sv.ts';

export const collaborationEn: CollaborationTexts = {
  field: {
    required: 'Fill in the field.',
    tooLong: (max: number) => `At most ${max} characters.`,
    invalid: 'The value is not valid.',
    dateInvalid: 'Write the date as YYYY-MM-DD.',
    dateInPast: 'The date has passed.',
    dateInFuture: 'The date is in the future.',
    dateBeforeStart: 'The date is before the start date.',
    notAWebAddress: 'The link must begin with https:// or http://.',
    notAMember: 'The value is not one of the choices.',
    duplicate: 'Already there.',
    tooMany: 'Too many.',
    personalIdentityNumber:
      'The text contains a personal identity number. Nothing about individual children is written here: individual cases belong in a coordinated individual plan (SIP). Remove the number.',
    coordinationNumber:
      'The text contains a coordination number. Individual cases belong in a SIP. Remove the number.',
    childNameUnconfirmed:
      'The text may identify a child (see the highlights). Rewrite it, or confirm that no child is named.',
  },
  phoneHint: 'Is it a phone number? Write it with spaces or a hyphen, for example 070-123 45 67.',
  warnings: {
    givenName: (name: string) => `Looks like a child's given name: "${name}"`,
    nameWithAge: (name: string) => `A name with an age: "${name}"`,
    childWordWithName: (name: string) => `A name after "the girl", "the son" or similar: "${name}"`,
    maskedIdentityNumber: (_name: string) =>
      'A date of birth with the last digits hidden still points at a person.',
  },
  warningsHeading: 'Check that no child is named',
  confirmNames: 'I have checked: the text names no child.',
};
