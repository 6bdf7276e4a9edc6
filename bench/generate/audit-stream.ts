import { type ChainedFields, eventHash, genesisHash } from '../../src/platform/audit/chain.ts';
import { dayMs, type Episode, isWeekend, type PlanMunicipality } from './plan.ts';
import { derivedSeed, Rng } from './rng.ts';

/**
 * The audit trail of a generated municipality, in time order, hash-chained exactly as the
 * application's writer chains it (src/platform/audit/chain.ts), so `npm run audit:verify` accepts
 * it and the application continues the chain when the benchmark runs.
 *
 * Events are generated one calendar month at a time: only the episodes open that month are
 * visited, so memory stays at one month's events however long the history is.
 */

interface StreamEvent {
  at: number;
  order: number;
  actor: number;
  action: string;
  outcome: 'allowed' | 'denied';
  subject: number | null;
  recordType: string;
  recordId: string | null;
  reason: string | null;
  unusual: boolean;
}

/** Visits per day a child's file gets in each phase of an episode, before scaling to the target. */
const phaseRates = { intake: 1.2, investigation: 0.6, intervention: 0.1 } as const;
type Phase = keyof typeof phaseRates;

/** Shares of what a visit is: the child's page (with its relatives), a search list, an update. */
const visitKinds = { view: 0.65, search: 0.2, update: 0.05, guardian: 0.1 };

export interface AuditStreamOptions {
  seed: number;
  /** No event is later than this (ms since epoch). */
  nowMs: number;
  /** Rows per yielded chunk of COPY text. */
  chunkRows?: number;
}

export interface AuditStreamResult {
  events: number;
  lastHash: string;
}

export const auditColumns = [
  'municipality_id',
  'seq',
  'occurred_at',
  'actor_user_id',
  'actor_name',
  'actor_role',
  'actor_organisation',
  'action',
  'outcome',
  'subject_person_id',
  'record_type',
  'record_id',
  'reason',
  'client_address',
  'unusual',
  'prev_hash',
  'hash',
] as const;

/** Yields the municipality's audit trail as chunks of PostgreSQL COPY text, oldest event first. */
export function* auditCopyChunks(
  m: PlanMunicipality,
  options: AuditStreamOptions,
  result: AuditStreamResult = { events: 0, lastHash: genesisHash },
): Generator<string> {
  const chunkRows = options.chunkRows ?? 5000;
  const staff = staffOf(m);
  const scale = scaleFactor(m, staff, options.nowMs);
  let seq = 0;
  let prevHash = genesisHash;
  let lines: string[] = [];
  const lastDay = Math.floor(options.nowMs / dayMs);
  let next = 0;
  let open: { episode: Episode; index: number }[] = [];
  const first = new Date(m.firstDay * dayMs);
  for (
    let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1), monthIndex = 0;
    month <= options.nowMs;
    month = nextMonth(month), monthIndex++
  ) {
    const startDay = Math.max(m.firstDay, Math.floor(month / dayMs));
    const endDay = Math.min(Math.floor(nextMonth(month) / dayMs), lastDay + 1);
    while (next < m.episodes.length && m.episodes[next]!.reportDay < endDay) {
      open.push({ episode: m.episodes[next]!, index: next });
      next++;
    }
    open = open.filter(({ episode }) => episodeLastDay(episode) >= startDay);
    const events: StreamEvent[] = [];
    const rng = new Rng(derivedSeed(options.seed, m.index, monthIndex));
    const at = atSampler(rng, options.nowMs);
    for (const { episode, index } of open) {
      const erng = new Rng(derivedSeed(options.seed, m.index, monthIndex, index));
      for (const [phase, from, to] of phasesOf(episode)) {
        const days = Math.min(to, endDay) - Math.max(from, startDay);
        if (days <= 0) continue;
        const visits = erng.poisson(phaseRates[phase] * scale.visits * days);
        for (let v = 0; v < visits; v++) {
          visit(events, erng, m, staff, episode, phase, at(Math.max(from, startDay), Math.min(to, endDay)));
        }
      }
    }
    for (let day = startDay; day < endDay; day++) {
      if (isWeekend(day)) continue;
      for (const user of staff.loggingIn) {
        if (!rng.chance(scale.loginChance)) continue;
        const when = at(day, day + 1, 6.5, 9);
        if (rng.chance(0.01)) {
          push(
            events,
            { at: when, actor: user, action: 'auth.login', subject: null, recordType: 'user' },
            m,
            {
              outcome: 'denied',
              reason: 'wrongCredentials',
            },
          );
        }
        push(
          events,
          { at: when + 9000, actor: user, action: 'auth.login', subject: null, recordType: 'user' },
          m,
        );
        push(
          events,
          { at: when + 21000, actor: user, action: 'auth.secondFactor', subject: null, recordType: 'user' },
          m,
        );
      }
      // Managers review the log about once a week, mostly about children of open episodes.
      for (const manager of staff.managers) {
        if (!rng.chance(0.2) || open.length === 0) continue;
        const child = rng.pick(open).episode.child;
        push(
          events,
          {
            at: at(day, day + 1),
            actor: manager,
            action: 'auditLog.review',
            subject: child,
            recordType: 'auditLog',
          },
          m,
          { recordId: null },
        );
      }
    }
    events.sort((a, b) => a.at - b.at || a.order - b.order);
    for (const e of events) {
      seq++;
      const user = m.users[e.actor]!;
      const subject = e.subject === null ? null : m.persons[e.subject]!.id;
      const fields: ChainedFields = {
        municipality_id: m.id,
        seq,
        occurred_at: new Date(e.at),
        actor_user_id: user.id,
        actor_name: user.displayName,
        actor_role: user.role,
        actor_organisation: user.organisation,
        action: e.action,
        outcome: e.outcome,
        subject_person_id: subject,
        record_type: e.recordType,
        record_id: e.recordId,
        reason: e.reason,
        client_address: user.clientAddress,
        unusual: e.unusual,
        prev_hash: prevHash,
      };
      const hash = eventHash(fields);
      lines.push(copyLine(fields, hash));
      prevHash = hash;
      if (lines.length >= chunkRows) {
        yield lines.join('');
        lines = [];
      }
    }
  }
  if (lines.length) yield lines.join('');
  result.events = seq;
  result.lastHash = prevHash;
}

function nextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function episodeLastDay(e: Episode): number {
  return e.interventionEndDay ?? e.investigationEndDay ?? e.assessedDay;
}

function phasesOf(e: Episode): [Phase, number, number][] {
  const phases: [Phase, number, number][] = [['intake', e.reportDay, e.assessedDay + 1]];
  if (e.investigationEndDay !== null)
    phases.push(['investigation', e.assessedDay, e.investigationEndDay + 1]);
  if (e.interventionEndDay !== null && e.investigationEndDay !== null)
    phases.push(['intervention', e.investigationEndDay, e.interventionEndDay + 1]);
  return phases;
}

interface Staff {
  /** Social workers per district. */
  workers: number[][];
  managers: number[];
  loggingIn: number[];
}

function staffOf(m: PlanMunicipality): Staff {
  const workers: number[][] = [];
  m.users.forEach((u, i) => {
    if (u.role !== 'socialWorker' || u.unit === null) return;
    const district = m.units[u.unit]!.district;
    workers[district] ??= [];
    workers[district]!.push(i);
  });
  const managers = m.users.flatMap((u, i) => (u.role === 'manager' ? [i] : []));
  const loggingIn = m.users.flatMap((u, i) =>
    ['socialWorker', 'intakeWorker', 'manager'].includes(u.role) ? [i] : [],
  );
  return { workers, managers, loggingIn };
}

/**
 * Scales visit rates so the trail reaches the tier's number of events. Logins take at most a
 * sixth of the trail (small tiers would otherwise be nothing but logins).
 */
function scaleFactor(m: PlanMunicipality, staff: Staff, nowMs: number) {
  const lastDay = Math.floor(nowMs / dayMs);
  let weekdays = 0;
  for (let day = m.firstDay; day <= lastDay; day++) if (!isWeekend(day)) weekdays++;
  const loginEvents = staff.loggingIn.length * weekdays * 3.01;
  const loginChance = Math.min(1, m.auditEvents / 6 / Math.max(1, loginEvents));
  const reviewEvents = staff.managers.length * weekdays * 0.2;
  let visitEvents = 0;
  for (const e of m.episodes) {
    const relatives = m.persons[e.child]!.guardians.length;
    const perVisit =
      visitKinds.view * (1 + relatives) + visitKinds.search * 2.5 + visitKinds.update + visitKinds.guardian;
    for (const [phase, from, to] of phasesOf(e)) {
      const days = Math.max(0, Math.min(to, lastDay + 1) - Math.max(from, m.firstDay));
      visitEvents += phaseRates[phase] * days * perVisit;
    }
  }
  const remaining = Math.max(0, m.auditEvents - loginEvents * loginChance - reviewEvents);
  return { loginChance, visits: visitEvents > 0 ? remaining / visitEvents : 0 };
}

/** A time on a weekday between from and to (days), within working hours (UTC), never after now. */
function atSampler(rng: Rng, nowMs: number) {
  return (fromDay: number, toDay: number, firstHour = 6, lastHour = 16): number => {
    let day = fromDay + Math.floor(rng.next() * (toDay - fromDay));
    for (let tries = 0; tries < 4 && isWeekend(day) && rng.chance(0.85); tries++) {
      day = fromDay + Math.floor(rng.next() * (toDay - fromDay));
    }
    const ms = day * dayMs + Math.floor((firstHour + rng.next() * (lastHour - firstHour)) * 3_600_000);
    return Math.min(ms, nowMs - 1000);
  };
}

let order = 0;

function push(
  events: StreamEvent[],
  e: Pick<StreamEvent, 'at' | 'actor' | 'action' | 'subject' | 'recordType'>,
  m: PlanMunicipality,
  extra: Partial<StreamEvent> = {},
): void {
  const recordId =
    e.subject !== null ? m.persons[e.subject]!.id : e.recordType === 'user' ? m.users[e.actor]!.id : null;
  events.push({ outcome: 'allowed', reason: null, unusual: false, recordId, ...e, ...extra, order: order++ });
}

function visit(
  events: StreamEvent[],
  rng: Rng,
  m: PlanMunicipality,
  staff: Staff,
  episode: Episode,
  phase: Phase,
  at: number,
): void {
  const child = m.persons[episode.child]!;
  // Mostly the child's own worker; sometimes a colleague or a manager, which the log flags.
  let actor = phase === 'intake' ? episode.intakeWorker : episode.worker;
  let unusual = false;
  const roll = rng.next();
  if (roll < 0.05) {
    actor = rng.pick(staff.workers[child.district] ?? [actor]);
    unusual = actor !== episode.worker;
  } else if (roll < 0.07 && staff.managers.length) {
    actor = rng.pick(staff.managers);
    unusual = true;
  }
  const base = { at, actor, unusual };
  const kind = rng.next();
  if (kind < visitKinds.view) {
    push(events, { ...base, action: 'person.read', subject: episode.child, recordType: 'person' }, m, {
      unusual,
    });
    for (const guardian of child.guardians) {
      push(events, { ...base, action: 'person.read', subject: guardian, recordType: 'relationOf' }, m, {
        unusual,
        recordId: child.id,
      });
    }
  } else if (kind < visitKinds.view + visitKinds.search) {
    // A search list: the child and a few others with similar names.
    push(events, { ...base, action: 'person.search', subject: episode.child, recordType: 'person' }, m, {
      unusual,
    });
    for (let i = rng.int(0, 3); i > 0; i--) {
      push(
        events,
        { ...base, action: 'person.search', subject: rng.int(0, m.persons.length - 1), recordType: 'person' },
        m,
        { unusual: true },
      );
    }
  } else if (kind < visitKinds.view + visitKinds.search + visitKinds.update) {
    push(events, { ...base, action: 'person.update', subject: episode.child, recordType: 'person' }, m, {
      unusual,
    });
  } else {
    const guardian = child.guardians.length ? rng.pick(child.guardians) : episode.child;
    push(events, { ...base, action: 'person.read', subject: guardian, recordType: 'person' }, m, { unusual });
  }
}

/** One row of COPY text format: tab-separated, \N for null, backslash escapes. */
function copyLine(f: ChainedFields, hash: string): string {
  return `${[
    f.municipality_id,
    f.seq,
    f.occurred_at.toISOString(),
    f.actor_user_id,
    f.actor_name,
    f.actor_role,
    f.actor_organisation,
    f.action,
    f.outcome,
    f.subject_person_id,
    f.record_type,
    f.record_id,
    f.reason,
    f.client_address,
    f.unusual ? 't' : 'f',
    f.prev_hash,
    hash,
  ]
    .map(copyValue)
    .join('\t')}\n`;
}

export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}
