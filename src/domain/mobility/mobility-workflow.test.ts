import { describe, expect, it } from 'vitest';
import {
  MOBILITY_STATES,
  MOBILITY_TRANSITIONS,
  OPEN_STATES,
  TERMINAL_STATES,
  allowedActions,
  mayAct,
  nominate,
  transition,
} from './mobility-workflow.ts';
import type {
  Mobility,
  MobilityAction,
  MobilityActor,
  MobilityState,
  TransitionInput,
} from './mobility-workflow.ts';
import { TransitionRequestSchema, MobilityActorSchema, toTransitionInput } from './schemas.ts';

const AT = '2026-04-01T09:00:00+09:00';

const actors: Record<string, MobilityActor> = {
  'home coordinator': { role: 'coordinator', side: 'home', id: 'u-home' },
  'host coordinator': { role: 'coordinator', side: 'host', id: 'u-host' },
  student: { role: 'student', side: null, id: 'u-stu' },
  'rep officer': { role: 'rep_officer', side: null, id: 'u-rep' },
  'funder officer': { role: 'funder_officer', side: null, id: 'u-fund' },
};

function inState(state: MobilityState, over: Partial<Mobility> = {}): Mobility {
  return {
    id: 'm-1',
    state,
    version: 7,
    stateSince: '2026-03-01T00:00:00Z',
    departedOn: null,
    arrivedOn: null,
    completedOn: null,
    endedOn: null,
    learningAgreementVersion: null,
    transcriptRef: null,
    closingReason: null,
    ...over,
  };
}

/** An input that satisfies every action's own requirements. */
function goodInput(action: MobilityAction): TransitionInput {
  const input: TransitionInput = { at: AT };
  if (action === 'refuse' || action === 'withdraw' || action === 'interrupt') {
    input.reason = 'a reason';
  }
  if (action === 'depart') input.date = '2026-09-20';
  if (action === 'confirm_arrival') input.date = '2026-09-21';
  if (action === 'complete') input.date = '2027-02-10';
  if (action === 'confirm_learning_agreement') input.learningAgreementVersion = 1;
  if (action === 'issue_transcript') input.transcriptRef = 'tor-42';
  return input;
}

/** Mobilities that arrived carry dates, so guards on dates see a realistic record. */
function realistic(state: MobilityState): Mobility {
  const after = (s: MobilityState) =>
    MOBILITY_STATES.indexOf(state) >= MOBILITY_STATES.indexOf(s) &&
    !['refused', 'withdrawn'].includes(state);
  return inState(state, {
    departedOn: after('departed') ? '2026-09-20' : null,
    arrivedOn: after('arrived') || state === 'interrupted' ? '2026-09-21' : null,
  });
}

describe('mobility workflow: every allowed transition', () => {
  const cases = MOBILITY_TRANSITIONS.flatMap((rule) =>
    rule.from.flatMap((from) =>
      Object.entries(actors)
        .filter(([, a]) => mayAct(a, rule.by))
        .map(([who, actor]) => ({ action: rule.action, from, to: rule.to, who, actor })),
    ),
  );

  it('covers each action at least once', () => {
    expect(new Set(cases.map((c) => c.action)).size).toBe(MOBILITY_TRANSITIONS.length);
  });

  it.each(cases)('$from --$action--> $to by $who', ({ action, from, to, actor }) => {
    const before = realistic(from);
    const r = transition(before, action, actor, goodInput(action));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mobility.state).toBe(to);
    expect(r.mobility.version).toBe(before.version + 1);
    expect(r.mobility.stateSince).toBe(AT);
    const main = r.events[0];
    expect(main?.type).toBe(`mobility.${to}`);
    expect(main?.from).toBe(from);
    expect(main?.actor).toEqual(actor);
    expect(main?.notify.length).toBeGreaterThan(0);
  });
});

describe('mobility workflow: forbidden transitions', () => {
  // Every action by every actor it does not list.
  const wrongActor = MOBILITY_TRANSITIONS.flatMap((rule) =>
    Object.entries(actors)
      .filter(([, a]) => !mayAct(a, rule.by))
      .map(([who, actor]) => ({ action: rule.action, from: rule.from[0]!, who, actor })),
  );
  it.each(wrongActor)('$action from $from is refused to a $who', ({ action, from, actor }) => {
    const r = transition(realistic(from), action, actor, goodInput(action));
    expect(r).toMatchObject({ ok: false, refusal: { code: 'mobility.role_not_allowed' } });
  });

  // Every action from every state it does not start from.
  const wrongState = MOBILITY_TRANSITIONS.flatMap((rule) =>
    MOBILITY_STATES.filter((s) => !rule.from.includes(s)).map((from) => ({
      action: rule.action,
      from,
      actor: Object.values(actors).find((a) => mayAct(a, rule.by))!,
    })),
  );
  it.each(wrongState)('$action from $from is refused', ({ action, from, actor }) => {
    const r = transition(realistic(from), action, actor, goodInput(action));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.code).toBe(
      TERMINAL_STATES.includes(from)
        ? 'mobility.terminal_state'
        : 'mobility.not_allowed_from_state',
    );
  });

  it('a coordinator without a side is refused', () => {
    const r = transition(
      inState('nominated'),
      'accept',
      { role: 'coordinator', side: null },
      {
        at: AT,
      },
    );
    expect(r).toMatchObject({ ok: false, refusal: { code: 'mobility.side_required' } });
  });

  it('the home coordinator cannot accept on behalf of the host', () => {
    const r = transition(inState('nominated'), 'accept', actors['home coordinator']!, { at: AT });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'mobility.role_not_allowed' } });
  });
});

describe('mobility workflow: inputs and guards', () => {
  const home = actors['home coordinator']!;
  const host = actors['host coordinator']!;

  it.each(['refuse', 'withdraw', 'interrupt'] as const)('%s needs a reason', (action) => {
    const from: MobilityState = action === 'refuse' ? 'nominated' : 'accepted';
    const by = action === 'refuse' ? host : home;
    for (const reason of [undefined, '', '   ']) {
      const r = transition(inState(from), action, by, { at: AT, reason });
      expect(r).toMatchObject({ ok: false, refusal: { code: 'mobility.reason_required' } });
    }
    const ok = transition(inState(from), action, by, { at: AT, reason: ' visa refused ' });
    expect(ok.ok && ok.mobility.closingReason).toBe('visa refused');
  });

  it('withdrawal and interruption are reachable from every open state', () => {
    expect(OPEN_STATES).toEqual([
      'nominated',
      'accepted',
      'la_signed',
      'departed',
      'arrived',
      'completed',
      'transcript_issued',
    ]);
  });

  it('R19: the funder officer interrupts a mobility for safety', () => {
    const r = transition(realistic('arrived'), 'interrupt', actors['funder officer']!, {
      at: AT,
      reason: 'dispatch to the country suspended for safety',
      date: '2026-11-02',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mobility).toMatchObject({ state: 'interrupted', endedOn: '2026-11-02' });
    expect(r.events.map((e) => e.type)).toEqual(['mobility.interrupted', 'enrolment.ended']);
    expect(r.events[0]?.rules).toContain('R19');
  });

  it('R8: confirming arrival confirms enrolment for the scholarship', () => {
    const r = transition(realistic('departed'), 'confirm_arrival', actors['rep officer']!, {
      at: AT,
      date: '2026-09-21',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mobility.arrivedOn).toBe('2026-09-21');
    const confirmed = r.events.find((e) => e.type === 'enrolment.confirmed');
    expect(confirmed).toMatchObject({ date: '2026-09-21', notify: ['rep_officer'], rules: ['R8'] });
  });

  it('dates are required where recorded, must be ISO and must not go backwards', () => {
    const departed = realistic('departed');
    expect(transition(departed, 'confirm_arrival', host, { at: AT })).toMatchObject({
      ok: false,
      refusal: { code: 'mobility.date_required' },
    });
    expect(
      transition(departed, 'confirm_arrival', host, { at: AT, date: '21/09/2026' }),
    ).toMatchObject({ ok: false, refusal: { code: 'mobility.date_invalid' } });
    expect(
      transition(departed, 'confirm_arrival', host, { at: AT, date: '2026-09-19' }),
    ).toMatchObject({ ok: false, refusal: { code: 'mobility.date_before_departure' } });
    expect(
      transition(realistic('arrived'), 'complete', host, { at: AT, date: '2026-09-01' }),
    ).toMatchObject({ ok: false, refusal: { code: 'mobility.date_before_arrival' } });
  });

  it('confirming the learning agreement records its signed version', () => {
    expect(
      transition(inState('accepted'), 'confirm_learning_agreement', home, { at: AT }),
    ).toMatchObject({ ok: false, refusal: { code: 'mobility.la_not_signed' } });
    const r = transition(inState('accepted'), 'confirm_learning_agreement', home, {
      at: AT,
      learningAgreementVersion: 3,
    });
    expect(r.ok && r.mobility.learningAgreementVersion).toBe(3);
  });

  it('an interrupted mobility gets a transcript only if the student had arrived', () => {
    const never = inState('interrupted', { departedOn: '2026-09-20' });
    expect(
      transition(never, 'issue_transcript', host, { at: AT, transcriptRef: 'tor-1' }),
    ).toMatchObject({ ok: false, refusal: { code: 'mobility.never_arrived' } });
    expect(allowedActions(never, host)).toEqual([]);
    const arrived = inState('interrupted', { arrivedOn: '2026-09-21' });
    expect(allowedActions(arrived, host)).toEqual(['issue_transcript']);
    expect(transition(arrived, 'issue_transcript', host, { at: AT })).toMatchObject({
      ok: false,
      refusal: { code: 'mobility.transcript_missing' },
    });
  });

  it('a stale expected version is refused', () => {
    const r = transition(inState('nominated'), 'accept', host, { at: AT, expectedVersion: 6 });
    expect(r).toMatchObject({ ok: false, refusal: { code: 'mobility.stale' } });
    expect(
      transition(inState('nominated'), 'accept', host, { at: AT, expectedVersion: 7 }).ok,
    ).toBe(true);
  });

  it('allowedActions lists what each actor may do', () => {
    expect(allowedActions(inState('nominated'), host)).toEqual(['accept', 'refuse', 'interrupt']);
    expect(allowedActions(inState('la_signed'), actors.student!)).toEqual(['depart', 'withdraw']);
    expect(allowedActions(inState('recognised'), home)).toEqual([]);
  });
});

describe('mobility workflow: the whole path', () => {
  it('R7, R8: nomination to recognition, with an audit event per step', () => {
    const n = nominate('m-9', actors['home coordinator']!, AT);
    expect(n.ok).toBe(true);
    if (!n.ok) return;
    expect(nominate('m-9', actors.student!, AT).ok).toBe(false);
    const steps: Array<[MobilityAction, string, TransitionInput]> = [
      ['accept', 'host coordinator', { at: AT }],
      ['confirm_learning_agreement', 'home coordinator', { at: AT, learningAgreementVersion: 1 }],
      ['depart', 'student', { at: AT, date: '2026-09-20' }],
      ['confirm_arrival', 'host coordinator', { at: AT, date: '2026-09-21' }],
      ['complete', 'host coordinator', { at: AT, date: '2027-02-10' }],
      ['issue_transcript', 'host coordinator', { at: AT, transcriptRef: 'tor-9' }],
      ['recognise', 'home coordinator', { at: AT }],
    ];
    let m = n.mobility;
    const events = [...n.events];
    for (const [action, who, input] of steps) {
      const r = transition(m, action, actors[who]!, { ...input, expectedVersion: m.version });
      if (!r.ok) throw new Error(`${action}: ${r.refusal.message}`);
      m = r.mobility;
      events.push(...r.events);
    }
    expect(m).toMatchObject({
      state: 'recognised',
      version: 8,
      departedOn: '2026-09-20',
      arrivedOn: '2026-09-21',
      completedOn: '2027-02-10',
      transcriptRef: 'tor-9',
    });
    expect(events.map((e) => e.type)).toEqual([
      'mobility.nominated',
      'mobility.accepted',
      'mobility.la_signed',
      'mobility.departed',
      'mobility.arrived',
      'enrolment.confirmed',
      'mobility.completed',
      'enrolment.ended',
      'mobility.transcript_issued',
      'mobility.recognised',
    ]);
  });
});

describe('mobility schemas', () => {
  it('validate a transition request and build the domain input', () => {
    const req = TransitionRequestSchema.parse({ action: 'depart', date: '2026-09-20' });
    expect(toTransitionInput(req, AT)).toMatchObject({ at: AT, date: '2026-09-20' });
    expect(TransitionRequestSchema.safeParse({ action: 'fly' }).success).toBe(false);
    expect(
      TransitionRequestSchema.safeParse({ action: 'depart', date: '2026-13-01' }).success,
    ).toBe(false);
  });
  it('require a side for coordinators only', () => {
    expect(MobilityActorSchema.safeParse({ role: 'coordinator', side: null }).success).toBe(false);
    expect(MobilityActorSchema.safeParse({ role: 'student', side: 'home' }).success).toBe(false);
    expect(MobilityActorSchema.safeParse({ role: 'coordinator', side: 'host' }).success).toBe(true);
  });
});
