import { login } from '../testing/app.ts';
import { expectStatus, openedCase, type setting, t } from '../testing/case-setting.ts';

/** For the working day's tests: a report linked, an investigation opened, and (if asked) assigned. */
export async function openInvestigation(
  s: Awaited<ReturnType<typeof setting>>,
  options: { assignTo?: string } = {},
) {
  const intake = await login(t.app, s.people.intake);
  const opened = await openedCase(s, intake);
  expectStatus(
    await intake.post(`/cases/${opened.caseId}/initial-assessment`, {
      decision: 'openInvestigation',
      childHeard: 'yes',
      unitId: s.investigationUnit,
    }),
    303,
  );
  if (options.assignTo) {
    const manager = await login(t.app, s.people.manager);
    expectStatus(
      await manager.post(`/cases/${opened.caseId}/assign`, { responsibleUserId: options.assignTo }),
      303,
    );
  }
  return { ...opened, intake };
}
