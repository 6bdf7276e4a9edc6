import type { PartnersTexts } from './sv.ts';

export const partnersEn: PartnersTexts = {
  kinds: {
    socialServices: 'Social services',
    regionHealthCare: 'Regional health care',
    childHealthCentre: 'Child health centre (BVC)',
    youthClinic: 'Youth clinic',
    childPsychiatry: 'Child and adolescent psychiatry (BUP)',
    school: 'School and student health',
    dentalCare: 'Dental care',
    police: 'Police',
  },
  nav: 'Organisations',
  myOrganisation: 'My organisation',
  listTitle: 'Partner organisations',
  listIntro:
    "The organisations working together around the children: regional health care, child psychiatry, child health centres, schools and student health, dental care and police. Each organisation has its own users. A user may administer their own organisation's users.",
  name: 'Name',
  kind: 'Type of service',
  externalId: 'Organisation number or HSA id',
  externalIdHint: 'Optional. The same id in several municipalities shows it is the same organisation.',
  users: 'Users',
  userCount: (n: number) => (n === 1 ? '1 user' : `${n} users`),
  status: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  add: 'Add organisation',
  added: 'The organisation has been added.',
  saved: 'The organisation has been saved.',
  exists: 'An organisation with that name already exists.',
  edit: 'Change the organisation',
  activate: 'Activate',
  deactivate: 'Deactivate',
  deactivateHint: 'An inactive organisation cannot be invited to new plans.',
  organisationTitle: (name: string) => name,
  usersOf: "The organisation's users",
  noUsers: 'The organisation has no users yet.',
  addUser: 'Add user',
  userAdded: 'The user has been created. Give the temporary password to the user in a safe way.',
  userSaved: 'The user has been saved.',
  administrator: 'Administers the organisation',
  administratorHint: 'May add and change users in this organisation.',
  grantAdmin: 'Make administrator',
  revokeAdmin: 'Remove administrator rights',
  resetSecondFactor: 'Reset second factor',
  resetPassword: 'Set temporary password',
  unlock: 'Unlock',
  actions: 'Actions',
  actionsFor: (name: string) => `Actions for ${name}`,
  cannotChangeSelf: 'You cannot deactivate yourself or remove your own administrator rights.',
  /** Why the access policy refused, for the refusals this feature’s rule set gives (access.ts). */
  denyReasons: {
    otherOrganisation: 'This belongs to another organisation.',
    notOrganisationAdministrator: "You do not administer your organisation's users.",
  },
  /** How the log review names this feature’s audited actions. */
  auditActions: {
    'partnerOrganisation.manage': 'Administered partner organisations',
    'partnerOrganisation.manageUsers': 'Administered the organisation’s users',
    'partnerOrganisation.create': 'Added a partner organisation',
    'partnerOrganisation.read': 'Opened a partner organisation',
    'partnerOrganisation.update': 'Changed a partner organisation',
  },
  /** How the log review names this feature’s refusals. */
  auditReasons: {
    otherOrganisation: 'The record belongs to another organisation',
    notOrganisationAdministrator: 'Does not administer the organisation’s users',
  },
  /** How the log review names the kinds of record this feature’s events concern. */
  auditRecordTypes: {
    partnerOrganisation: 'Partner organisation',
  },
};
