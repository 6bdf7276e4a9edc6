import type { HomeTexts } from './sv.ts';

export const homeEn: HomeTexts = {
  title: 'Home',
  welcome: (name: string) => `Welcome, ${name}`,
  partnerInfo:
    'As a partner professional you do not see the social services files. You see the coordinated individual plans (SIP) your organisation takes part in, for as long as the family’s consent holds.',
  statisticsInfo: 'As a statistics reader you only see aggregated figures without personal data.',
};
