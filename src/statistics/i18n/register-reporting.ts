import { textsFor } from '../../platform/i18n/i18n.ts';
import { reportingEn } from './reporting-en.ts';
import { reportingSv } from './reporting-sv.ts';

/** The texts of the register file, the Kolada comparison and the export jobs (issue 17, part B). */
export const registerReportingTexts = textsFor({ sv: reportingSv, en: reportingEn });
