/**
 * The mobility workflow of one exchange student, as a state table (data) and one pure function
 * that applies it.
 *
 *   nominated ─accept─▶ accepted ─confirm_learning_agreement─▶ la_signed ─depart─▶ departed
 *       └─refuse─▶ refused                                                            │
 *   departed ─confirm_arrival─▶ arrived ─complete─▶ completed ─issue_transcript─▶ transcript_issued
 *   transcript_issued ─recognise─▶ recognised
 *   any open state ─withdraw─▶ withdrawn, ─interrupt─▶ interrupted   (a reason is mandatory)
 *   interrupted ─issue_transcript─▶ transcript_issued   (only if the student had arrived)
 *
 * Sources: EWP omobilities v2 (nomination → live → recognized / cancelled) and imobilities v1
 * (pending → verified / rejected).
 * `confirm_arrival` is the enrolment confirmation that makes scholarship months payable — R8,
 * 003 §6(2)2) ("confirmation method of an exchange student's enrollment"). `recognise` closes
 * R7 (003 §5(7)). `interrupt` by a funder officer is the safety suspension of R19 (003 §10(1)).
 *
 * Why `interrupted` is not terminal: credits earned before an interruption still have to be
 * recognised (R7), so the host may still issue a transcript for the part studied, but only when
 * the student had arrived. `withdrawn`, `refused` and `recognised` are terminal.
 *
 * Pure: timestamps and dates come in through the input; nothing here reads a clock.
 */
import { refusal, type MessageParams, type Refusal, type RuleId } from '../shared/refusal.ts';

export const MOBILITY_STATES = [
  'nominated',
  'accepted',
  'refused',
  'la_signed',
  'departed',
  'arrived',
  'completed',
  'transcript_issued',
  'recognised',
  'withdrawn',
  'interrupted',
] as const;
export type MobilityState = (typeof MOBILITY_STATES)[number];

/** No transition leaves these states. */
export const TERMINAL_STATES: readonly MobilityState[] = ['refused', 'recognised', 'withdrawn'];

/**
 * States a mobility can be withdrawn or interrupted from: every state that is neither terminal
 * nor already interrupted.
 */
export const OPEN_STATES: readonly MobilityState[] = MOBILITY_STATES.filter(
  (s) => !TERMINAL_STATES.includes(s) && s !== 'interrupted',
);

export const MOBILITY_ACTIONS = [
  'accept',
  'refuse',
  'confirm_learning_agreement',
  'depart',
  'confirm_arrival',
  'complete',
  'issue_transcript',
  'recognise',
  'withdraw',
  'interrupt',
] as const;
export type MobilityAction = (typeof MOBILITY_ACTIONS)[number];

/** The roles of `domain/access/policy.ts` that take part in a mobility. */
export const MOBILITY_ROLES = ['coordinator', 'student', 'rep_officer', 'funder_officer'] as const;
export type MobilityRole = (typeof MOBILITY_ROLES)[number];

export type Side = 'home' | 'host';

/**
 * Who acts. A coordinator acts for the home (sending) or the host (receiving) institution and
 * must say which; the other roles have no side (`null`). `id` is copied into the events.
 */
export type MobilityActor = { role: MobilityRole; side: Side | null; id?: string };

/** Who may make a transition: a coordinator of one side, or a role without a side. */
export type Permission =
  { role: 'coordinator'; side: Side } | { role: 'student' | 'rep_officer' | 'funder_officer' };

/** Who is told about a transition (the service resolves each party to people). */
export type Party =
  'student' | 'home_coordinator' | 'host_coordinator' | 'rep_officer' | 'funder_officer';

/** A date the action records on the mobility (ISO `YYYY-MM-DD`, passed in `input.date`). */
export type RecordedDate = 'departedOn' | 'arrivedOn' | 'completedOn' | 'endedOn';

export type TransitionRule = {
  action: MobilityAction;
  from: readonly MobilityState[];
  to: MobilityState;
  by: readonly Permission[];
  notify: readonly Party[];
  /** A non-empty `input.reason` is required. */
  reasonRequired: boolean;
  /** The date this action records, and whether `input.date` must be given. */
  records: { date: RecordedDate; required: boolean } | null;
  /** The rules this step serves (rule ids of docs/rules.md). */
  rules: readonly string[];
  description: string;
};

const homeCoordinator = { role: 'coordinator', side: 'home' } as const;
const hostCoordinator = { role: 'coordinator', side: 'host' } as const;
const student = { role: 'student' } as const;
const repOfficer = { role: 'rep_officer' } as const;
const funderOfficer = { role: 'funder_officer' } as const;

/** The state table. Order is display order; each action appears once. */
export const MOBILITY_TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'accept',
    from: ['nominated'],
    to: 'accepted',
    by: [hostCoordinator],
    notify: ['student', 'home_coordinator'],
    reasonRequired: false,
    records: null,
    rules: [],
    description: 'the host accepts the nomination (EWP imobility status "verified")',
  },
  {
    action: 'refuse',
    from: ['nominated'],
    to: 'refused',
    by: [hostCoordinator],
    notify: ['student', 'home_coordinator', 'rep_officer'],
    reasonRequired: true,
    records: null,
    rules: [],
    description: 'the host refuses the nomination (EWP imobility status "rejected")',
  },
  {
    action: 'confirm_learning_agreement',
    from: ['accepted'],
    to: 'la_signed',
    by: [homeCoordinator],
    notify: ['student', 'host_coordinator'],
    reasonRequired: false,
    records: null,
    rules: ['R7'],
    description:
      'the learning agreement has been signed by student, home and host; its version is recorded',
  },
  {
    action: 'depart',
    from: ['la_signed'],
    to: 'departed',
    by: [student, homeCoordinator],
    notify: ['home_coordinator', 'host_coordinator'],
    reasonRequired: false,
    records: { date: 'departedOn', required: true },
    rules: [],
    description: 'the student leaves for the host (EWP omobility status "live")',
  },
  {
    action: 'confirm_arrival',
    from: ['departed'],
    to: 'arrived',
    by: [hostCoordinator, repOfficer],
    notify: ['student', 'home_coordinator', 'rep_officer'],
    reasonRequired: false,
    records: { date: 'arrivedOn', required: true },
    rules: ['R8'],
    description:
      'enrolment at the host is confirmed; scholarship months become payable through the representative university',
  },
  {
    action: 'complete',
    from: ['arrived'],
    to: 'completed',
    by: [hostCoordinator],
    notify: ['student', 'home_coordinator', 'rep_officer'],
    reasonRequired: false,
    records: { date: 'completedOn', required: true },
    rules: ['R8', 'R12'],
    description: 'the study period at the host is over',
  },
  {
    action: 'issue_transcript',
    from: ['completed', 'interrupted'],
    to: 'transcript_issued',
    by: [hostCoordinator],
    notify: ['student', 'home_coordinator'],
    reasonRequired: false,
    records: null,
    rules: ['R7'],
    description: 'the host issues the transcript of records',
  },
  {
    action: 'recognise',
    from: ['transcript_issued'],
    to: 'recognised',
    by: [homeCoordinator],
    notify: ['student', 'host_coordinator', 'rep_officer'],
    reasonRequired: false,
    records: null,
    rules: ['R7'],
    description:
      'the home institution has recorded a recognition decision for every component (EWP status "recognized")',
  },
  {
    action: 'withdraw',
    from: OPEN_STATES,
    to: 'withdrawn',
    by: [student, homeCoordinator],
    notify: ['student', 'home_coordinator', 'host_coordinator', 'rep_officer'],
    reasonRequired: true,
    records: { date: 'endedOn', required: false },
    rules: [],
    description: 'the student or the home institution withdraws the mobility (EWP "cancelled")',
  },
  {
    action: 'interrupt',
    from: OPEN_STATES,
    to: 'interrupted',
    by: [homeCoordinator, hostCoordinator, funderOfficer],
    notify: ['student', 'home_coordinator', 'host_coordinator', 'rep_officer', 'funder_officer'],
    reasonRequired: true,
    records: { date: 'endedOn', required: false },
    rules: ['R19'],
    description: 'the mobility stops early (illness, safety suspension by the funder under R19, …)',
  },
];

/** The rule of an action. Every action has exactly one. */
export function ruleOf(action: MobilityAction): TransitionRule {
  const rule = MOBILITY_TRANSITIONS.find((r) => r.action === action);
  if (!rule) throw new Error(`no transition rule for action ${action}`);
  return rule;
}

export type Mobility = {
  id: string;
  state: MobilityState;
  /** Bumped by every transition: services pass it back as `expectedVersion` (optimistic lock). */
  version: number;
  /** ISO timestamp of the last transition. */
  stateSince: string;
  departedOn: string | null;
  arrivedOn: string | null;
  completedOn: string | null;
  /** Last day of a withdrawn or interrupted mobility. */
  endedOn: string | null;
  /** The learning agreement version signed by all three parties when the LA was confirmed. */
  learningAgreementVersion: number | null;
  /** A reference to the host's transcript (EWP ToR / ELMO report id). */
  transcriptRef: string | null;
  /** Why the mobility was refused, withdrawn or interrupted. */
  closingReason: string | null;
};

export type TransitionInput = {
  /** ISO timestamp of the action, from the caller's clock. */
  at: string;
  reason?: string | undefined;
  /** ISO date recorded by depart / confirm_arrival / complete / withdraw / interrupt. */
  date?: string | undefined;
  /** For confirm_learning_agreement: the LA version signed by all three. */
  learningAgreementVersion?: number | undefined;
  /** For issue_transcript: a reference to the transcript. */
  transcriptRef?: string | undefined;
  /** When given, must equal `mobility.version`, else the transition is refused as stale. */
  expectedVersion?: number | undefined;
  /**
   * Today (ISO date) on the caller's clock: a recorded date after it is refused — a departure,
   * arrival or end cannot be recorded as having happened in the future.
   */
  today?: string | undefined;
};

export type MobilityEventType =
  | `mobility.${MobilityState}`
  /** Emitted with `mobility.arrived`: the scholarship module starts paying months (R8). */
  | 'enrolment.confirmed'
  /** Emitted when a confirmed enrolment ends (completed, withdrawn or interrupted after arrival). */
  | 'enrolment.ended';

/** One audit record and notification. */
export type MobilityEvent = {
  type: MobilityEventType;
  mobilityId: string;
  action: MobilityAction | 'nominate';
  from: MobilityState | null;
  to: MobilityState;
  actor: MobilityActor;
  at: string;
  reason: string | null;
  /** The date recorded by the action, if any. */
  date: string | null;
  /** Mobility version after the transition. */
  version: number;
  notify: readonly Party[];
  rules: readonly string[];
};

export type RefusalCode =
  | 'mobility.stale'
  | 'mobility.terminal_state'
  | 'mobility.not_allowed_from_state'
  | 'mobility.role_not_allowed'
  | 'mobility.side_required'
  | 'mobility.reason_required'
  | 'mobility.date_required'
  | 'mobility.date_invalid'
  | 'mobility.date_before_departure'
  | 'mobility.date_before_arrival'
  | 'mobility.date_in_future'
  | 'mobility.la_not_signed'
  | 'mobility.transcript_missing'
  | 'mobility.never_arrived';

/** A refusal of the state table: a code and its params; `message` is English, for logs only. */
export type TransitionRefusal = Refusal & { code: RefusalCode; message: string };

export type TransitionResult =
  | { ok: true; mobility: Mobility; events: MobilityEvent[] }
  | { ok: false; refusal: TransitionRefusal };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True when the actor holds one of the permissions. */
export function mayAct(actor: MobilityActor, by: readonly Permission[]): boolean {
  return by.some((p) =>
    p.role === 'coordinator'
      ? actor.role === 'coordinator' && actor.side === p.side
      : actor.role === p.role,
  );
}

function refuse(
  code: RefusalCode,
  params: MessageParams,
  message: string,
  options: { rule?: RuleId; field?: string } = {},
): TransitionResult {
  return { ok: false, refusal: { ...refusal(code, params, options), code, message } };
}

/** Starts a mobility in `nominated` (the home coordinator nominates a placed student). */
export function nominate(id: string, actor: MobilityActor, at: string): TransitionResult {
  if (!mayAct(actor, [homeCoordinator])) {
    return refuse(
      'mobility.role_not_allowed',
      { action: 'nominate' },
      'only a home coordinator nominates',
    );
  }
  const mobility: Mobility = {
    id,
    state: 'nominated',
    version: 1,
    stateSince: at,
    departedOn: null,
    arrivedOn: null,
    completedOn: null,
    endedOn: null,
    learningAgreementVersion: null,
    transcriptRef: null,
    closingReason: null,
  };
  const event: MobilityEvent = {
    type: 'mobility.nominated',
    mobilityId: id,
    action: 'nominate',
    from: null,
    to: 'nominated',
    actor,
    at,
    reason: null,
    date: null,
    version: 1,
    notify: ['student', 'host_coordinator'],
    rules: [],
  };
  return { ok: true, mobility, events: [event] };
}

/**
 * Applies one action to a mobility: the new mobility and its events, or a refusal with a code.
 * Checks, in order: stale version, source state, actor's role and side, reason, dates, inputs.
 */
export function transition(
  mobility: Mobility,
  action: MobilityAction,
  actor: MobilityActor,
  input: TransitionInput,
): TransitionResult {
  const rule = ruleOf(action);
  if (input.expectedVersion !== undefined && input.expectedVersion !== mobility.version) {
    return refuse(
      'mobility.stale',
      { current: mobility.version, expected: input.expectedVersion },
      `mobility ${mobility.id} is at version ${mobility.version}, not ${input.expectedVersion}`,
    );
  }
  if (TERMINAL_STATES.includes(mobility.state)) {
    return refuse(
      'mobility.terminal_state',
      { state: mobility.state },
      `mobility is ${mobility.state}: no further step`,
    );
  }
  if (!rule.from.includes(mobility.state)) {
    return refuse(
      'mobility.not_allowed_from_state',
      { action, state: mobility.state },
      `${action} is not allowed from ${mobility.state} (only from ${rule.from.join(', ')})`,
    );
  }
  if (actor.role === 'coordinator' && actor.side === null) {
    return refuse(
      'mobility.side_required',
      {},
      'a coordinator acts for the home or the host institution',
    );
  }
  if (!mayAct(actor, rule.by)) {
    const who = rule.by.map((p) => ('side' in p ? `${p.side} ${p.role}` : p.role)).join(', ');
    const as = actor.side ? `${actor.side} ${actor.role}` : actor.role;
    return refuse(
      'mobility.role_not_allowed',
      { action },
      `${action} is made by ${who}, not by a ${as}`,
    );
  }
  const reason = input.reason?.trim() ?? '';
  if (rule.reasonRequired && reason === '') {
    return refuse('mobility.reason_required', { action }, `${action} needs a reason`, {
      field: 'body.reason',
    });
  }

  const next: Mobility = {
    ...mobility,
    state: rule.to,
    version: mobility.version + 1,
    stateSince: input.at,
  };

  let date: string | null = null;
  if (rule.records) {
    if (input.date === undefined) {
      if (rule.records.required) {
        return refuse('mobility.date_required', { action }, `${action} needs a date`, {
          field: 'body.date',
        });
      }
    } else {
      if (!ISO_DATE.test(input.date)) {
        return refuse(
          'mobility.date_invalid',
          { date: input.date },
          `${input.date} is not an ISO date (YYYY-MM-DD)`,
          { field: 'body.date' },
        );
      }
      date = input.date;
      if (input.today !== undefined && date > input.today) {
        return refuse(
          'mobility.date_in_future',
          { date, today: input.today },
          `${date} is after today (${input.today}): it has not happened yet`,
          { field: 'body.date' },
        );
      }
    }
    const order = checkDateOrder(mobility, rule.records.date, date);
    if (order) return { ok: false, refusal: order };
    if (date !== null) next[rule.records.date] = date;
  }

  switch (action) {
    case 'confirm_learning_agreement':
      if (
        input.learningAgreementVersion === undefined ||
        !Number.isInteger(input.learningAgreementVersion) ||
        input.learningAgreementVersion < 1
      ) {
        return refuse(
          'mobility.la_not_signed',
          {},
          'the learning agreement is not yet signed by the student, the home and the host',
          { rule: 'R7' },
        );
      }
      next.learningAgreementVersion = input.learningAgreementVersion;
      break;
    case 'issue_transcript':
      if (mobility.state === 'interrupted' && mobility.arrivedOn === null) {
        return refuse(
          'mobility.never_arrived',
          {},
          'the student never arrived at the host: there is no transcript to issue',
        );
      }
      if (!input.transcriptRef?.trim()) {
        return refuse(
          'mobility.transcript_missing',
          {},
          'the host enters the transcript of records first',
          { rule: 'R7' },
        );
      }
      next.transcriptRef = input.transcriptRef.trim();
      break;
    case 'refuse':
    case 'withdraw':
    case 'interrupt':
      next.closingReason = reason;
      break;
    default:
      break;
  }

  const base = {
    mobilityId: mobility.id,
    action,
    from: mobility.state,
    to: rule.to,
    actor,
    at: input.at,
    reason: reason === '' ? null : reason,
    date,
    version: next.version,
  };
  const events: MobilityEvent[] = [
    { ...base, type: `mobility.${rule.to}`, notify: rule.notify, rules: rule.rules },
  ];
  if (action === 'confirm_arrival') {
    events.push({ ...base, type: 'enrolment.confirmed', notify: ['rep_officer'], rules: ['R8'] });
  }
  const enrolmentEnds =
    action === 'complete' ||
    ((action === 'withdraw' || action === 'interrupt') && mobility.state === 'arrived');
  if (enrolmentEnds) {
    events.push({ ...base, type: 'enrolment.ended', notify: ['rep_officer'], rules: ['R8'] });
  }
  return { ok: true, mobility: next, events };
}

/** Dates must not go backwards: departed ≤ arrived ≤ completed, and an end after arrival. */
function checkDateOrder(
  m: Mobility,
  field: RecordedDate,
  date: string | null,
): TransitionRefusal | null {
  if (date === null) return null;
  const earlier: Array<['departure' | 'arrival', string | null]> =
    field === 'arrivedOn'
      ? [['departure', m.departedOn]]
      : field === 'completedOn'
        ? [['arrival', m.arrivedOn]]
        : field === 'endedOn'
          ? [
              ['departure', m.departedOn],
              ['arrival', m.arrivedOn],
            ]
          : [];
  for (const [name, d] of earlier) {
    if (d !== null && date < d) {
      const code =
        name === 'departure' ? 'mobility.date_before_departure' : 'mobility.date_before_arrival';
      return {
        ...refusal(code, { date, earlier: d }, { field: 'body.date' }),
        code,
        message: `${date} is before the ${name} on ${d}`,
      };
    }
  }
  return null;
}

/** The actions this actor may take now (for the UI; `transition` still checks inputs). */
export function allowedActions(mobility: Mobility, actor: MobilityActor): MobilityAction[] {
  if (TERMINAL_STATES.includes(mobility.state)) return [];
  return MOBILITY_TRANSITIONS.filter(
    (r) =>
      r.from.includes(mobility.state) &&
      mayAct(actor, r.by) &&
      !(r.action === 'issue_transcript' && mobility.state === 'interrupted' && !mobility.arrivedOn),
  ).map((r) => r.action);
}
