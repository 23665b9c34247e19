import { describe, expect, it } from 'vitest';
import { inCohort, invitationAudienceSchema, splitInvitees } from './invitations.ts';
import { answersProblems, followUpOpen } from './follow-up.ts';

describe('invitations', () => {
  it('invites each person once, not the sender, not the registered, not those invited before', () => {
    const split = splitInvitees(['a', 'b', 'b', 'c', 'd', 'me', 'e'], {
      sender: 'me',
      registrations: [
        { userId: 'c', status: 'waiting' },
        { userId: 'e', status: 'cancelled' },
      ],
      invited: ['d'],
    });
    expect(split).toEqual({ invite: ['a', 'b', 'e'], registered: 1, alreadyInvited: 1 });
  });

  it('takes a cohort by each criterion given, everyone when none is', () => {
    const record = { programId: 'p', direction: 'outgoing', hostId: 'h', year: 2021 };
    expect(inCohort(record, {})).toBe(true);
    expect(inCohort(record, { year: 2021, direction: 'outgoing' })).toBe(true);
    expect(inCohort(record, { year: 2020 })).toBe(false);
    expect(inCohort(record, { hostId: 'other' })).toBe(false);
    expect(inCohort(record, { programId: null, year: null })).toBe(true);
  });

  it('reads an audience by its kind, with the call’s applicants by default', () => {
    expect(invitationAudienceSchema.parse({ kind: 'call_students', callId: 'c' })).toEqual({
      kind: 'call_students',
      callId: 'c',
      scope: 'applicants',
    });
    expect(invitationAudienceSchema.safeParse({ kind: 'everyone' }).success).toBe(false);
  });
});

describe('follow-up answers', () => {
  it('refuses an answer to a question the event does not ask, naming it', () => {
    const problems = answersProblems([{ id: 'diet' }], { diet: 'none', shoes: '42' });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['answers.shoes', 'events.unknown_question'],
    ]);
  });
  it('opens the form once the place is confirmed', () => {
    expect(followUpOpen('confirmed')).toBe(true);
    expect(followUpOpen('waiting')).toBe(false);
    expect(followUpOpen('requested')).toBe(false);
  });
});
