/**
 * What the work above the single child is about, shared by action plans, joint projects, matters
 * raised nationally and good examples, so that the coordinator's view across municipalities and
 * the examples' facets speak of the same things.
 */

/**
 * The areas of a municipal action plan. Östersund's plan had these six (the source texts); a plan
 * may add an area of its own ('other', with its own title), as Storuman's three items show.
 */
export const planAreas = [
  'childrensEnvironment',
  'influenceAndParticipation',
  'schooling',
  'health',
  'coordinationAndCollaboration',
  'qualityOfWork',
  'other',
] as const;
export type PlanArea = (typeof planAreas)[number];

/**
 * Themes across municipalities: SKL's compiled development plans had the first four as their
 * common priorities (COLLABORATION.md); the rest are what the source texts raise again and again.
 */
export const themes = [
  'staffingAndCompetence',
  'familyHomes',
  'collaborationBetweenMunicipalities',
  'earlyCoordinatedEfforts',
  'childPsychiatryCollaboration',
  'policeCollaboration',
  'schoolAttendance',
  'unaccompaniedMinors',
  'parentingSupport',
  'childPoverty',
  'childsVoice',
  'workload',
  'documentationAndReporting',
  'informationToFamilies',
] as const;
export type Theme = (typeof themes)[number];

/** Whom an example or a measure is for: the facet "target group". */
export const targetGroups = [
  'smallChildren',
  'schoolChildren',
  'teenagers',
  'youngAdults',
  'parents',
  'newlyArrivedFamilies',
  'unaccompaniedMinors',
  'childrenPlacedOutOfHome',
  'fosterFamilies',
  'staff',
] as const;
export type TargetGroup = (typeof targetGroups)[number];
