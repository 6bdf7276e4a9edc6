import { type IsoDate, isIsoDate } from '../deadlines/calendar.ts';

/**
 * What the manager records about a favourable decision for the IVO report (34 kap. 1–2 §§ SoL):
 * when it was carried out, interrupted, resumed or stopped applying, and briefly why it was
 * delayed. Checked before anything is written, each problem named by its field.
 */
export interface Execution {
  carriedOutOn: IsoDate | null;
  interruptedOn: IsoDate | null;
  resumedOn: IsoDate | null;
  endedOn: IsoDate | null;
  delayReason: string | null;
}

export type ExecutionProblem =
  | 'dateInvalid'
  | 'dateInFuture'
  | 'beforeDecision'
  | 'interruptedBeforeCarriedOut'
  | 'interruptedWithoutCarriedOut'
  | 'resumedWithoutInterruption'
  | 'resumedBeforeInterruption'
  | 'reasonTooLong';

export const delayReasonLimit = 2000;

const dateFields = ['carriedOutOn', 'interruptedOn', 'resumedOn', 'endedOn'] as const;

export function validateExecution(
  input: Partial<Record<keyof Execution, string | undefined>>,
  decidedOn: IsoDate,
  today: IsoDate,
):
  | { ok: true; value: Execution }
  | { ok: false; errors: Partial<Record<keyof Execution, ExecutionProblem>> } {
  const errors: Partial<Record<keyof Execution, ExecutionProblem>> = {};
  const value: Execution = {
    carriedOutOn: null,
    interruptedOn: null,
    resumedOn: null,
    endedOn: null,
    delayReason: null,
  };
  for (const field of dateFields) {
    const raw = (input[field] ?? '').trim();
    if (raw === '') continue;
    if (!isIsoDate(raw)) errors[field] = 'dateInvalid';
    else if (raw > today) errors[field] = 'dateInFuture';
    else if (raw < decidedOn) errors[field] = 'beforeDecision';
    else value[field] = raw;
  }
  if (!errors.interruptedOn && value.interruptedOn) {
    if (!value.carriedOutOn) errors.interruptedOn = 'interruptedWithoutCarriedOut';
    else if (value.interruptedOn < value.carriedOutOn) errors.interruptedOn = 'interruptedBeforeCarriedOut';
  }
  if (!errors.resumedOn && value.resumedOn) {
    if (!value.interruptedOn) errors.resumedOn = 'resumedWithoutInterruption';
    else if (value.resumedOn < value.interruptedOn) errors.resumedOn = 'resumedBeforeInterruption';
  }
  const reason = (input.delayReason ?? '').normalize('NFC').trim();
  if (reason.length > delayReasonLimit) errors.delayReason = 'reasonTooLong';
  else value.delayReason = reason || null;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
