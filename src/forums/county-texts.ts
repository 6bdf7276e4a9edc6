import { textsFor } from '../platform/i18n/i18n.ts';

/** Forums above the municipality: county networks and national forums (docs/decisions/0129). */
const sv = {
  reaches: { municipal: 'Kommunens forum', county: 'Länsforum', national: 'Nationellt forum' },
  chairedBy: (name: string, office: string) => `Ordförande: ${name}${office ? `, ${office}` : ''}`,
  localGroups: 'Lokala grupper under forumet',
  title: 'Läns- och nationella forum',
  link: 'Läns- och nationella forum',
  back: 'Till översikten',
  backToList: 'Till läns- och nationella forum',
  intro:
    'Forum över kommungränserna: länets nätverk och nationella forum, med organisationer från flera kommuner och regioner. Du är ordförande. Här skrivs inget om enskilda barn: enskilda ärenden hör hemma i en SIP.',
  none: 'Det finns inga läns- eller nationella forum ännu.',
  newForum: 'Nytt läns- eller nationellt forum',
  reach: 'Forumets räckvidd',
  county: 'Län',
  chooseCounty: 'Välj län',
  membersHint: 'Organisationer från kommunerna i länet. Minst två.',
  created: 'Forumet är skapat.',
  planned: 'Mötet är planerat. Sekreteraren skriver protokollet efter mötet.',
  municipalities: 'Kommuner',
  agenda: 'Dagordning',
  organisationIn: (organisation: string, municipality: string) => `${organisation} (${municipality})`,
};

const en: typeof sv = {
  reaches: { municipal: "The municipality's forum", county: 'County forum', national: 'National forum' },
  chairedBy: (name: string, office: string) => `Chair: ${name}${office ? `, ${office}` : ''}`,
  localGroups: 'Local groups under the forum',
  title: 'County and national forums',
  link: 'County and national forums',
  back: 'To the overview',
  backToList: 'To county and national forums',
  intro:
    'Forums across municipal borders: the county network and national forums, with organisations from several municipalities and regions. You chair them. Nothing about individual children is written here: individual cases belong in a SIP.',
  none: 'There are no county or national forums yet.',
  newForum: 'New county or national forum',
  reach: "The forum's reach",
  county: 'County',
  chooseCounty: 'Choose a county',
  membersHint: "Organisations of the county's municipalities. At least two.",
  created: 'The forum is created.',
  planned: 'The meeting is planned. The secretary writes the minutes after the meeting.',
  municipalities: 'Municipalities',
  agenda: 'Agenda',
  organisationIn: (organisation: string, municipality: string) => `${organisation} (${municipality})`,
};

export const countyForumTexts = textsFor({ sv, en });
