import { type Theme, themes } from '../collaboration/areas.ts';
import { createReader, type Outcome, type TextGuard } from '../collaboration/form.ts';

/**
 * Matters a municipality raises to the national level ("Lyfter till nationell nivå"): Storuman
 * raised the six-monthly reconsideration of placements for unaccompanied minors and the reporting
 * burden of targeted state grants on small municipalities. The coordinator answers when an answer
 * comes and sees across municipalities what is raised, and how often.
 */

export const matterStatuses = ['raised', 'answered', 'closed'] as const;
export type MatterStatus = (typeof matterStatuses)[number];

export interface MatterInput {
  title?: string;
  description?: string;
  themes?: string[];
  raisedOn?: string;
}

export interface MatterValue {
  title: string;
  description: string;
  themes: Theme[];
  raisedOn: string;
}

export type MatterRefusal = 'noTheme';

export function validateMatter(
  input: MatterInput,
  context: { guard: TextGuard; today: string },
): Outcome<MatterValue, MatterRefusal> {
  const form = createReader<MatterRefusal>(context.guard);
  const title = form.text('title', input.title, { max: 300, required: true });
  const description = form.text('description', input.description, {
    max: 8000,
    required: true,
    multiline: true,
  });
  const chosen = form.ids('themes', input.themes, themes);
  if (chosen.length === 0) form.fail('themes', 'noTheme');
  const raisedOn = form.date('raisedOn', input.raisedOn, { required: true });
  if (raisedOn && raisedOn > context.today) form.fail('raisedOn', 'dateInFuture');
  return form.done(() => ({
    title,
    description,
    themes: themes.filter((t) => chosen.includes(t)),
    raisedOn: raisedOn ?? '',
  }));
}

export type MatterStep = 'answer' | 'close' | 'reopen';
export type MatterStepRefusal = 'wrongStatus' | 'notACoordinator' | 'answerRequired';

/**
 * raised → answered (by a coordinator, with the answer) → closed by the municipality, or reopened
 * by it when the answer does not settle the matter.
 */
export function matterStepRefusal(
  step: MatterStep,
  matter: { status: MatterStatus },
  actor: { isCoordinator: boolean },
  answer: string,
): MatterStepRefusal | null {
  const from: Record<MatterStep, readonly MatterStatus[]> = {
    answer: ['raised'],
    close: ['raised', 'answered'],
    reopen: ['answered'],
  };
  if (!from[step].includes(matter.status)) return 'wrongStatus';
  if (step === 'answer' && !actor.isCoordinator) return 'notACoordinator';
  if (step === 'answer' && !answer.trim()) return 'answerRequired';
  return null;
}

export function matterStatusAfter(step: MatterStep): MatterStatus {
  return ({ answer: 'answered', close: 'closed', reopen: 'raised' } as const)[step];
}
