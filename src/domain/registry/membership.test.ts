import { describe, expect, it } from 'vitest';
import { checkAnswer, inForceOn, proposingSide } from './membership.ts';

describe('memberships', () => {
  it('are in force from the joining date until the day before the leaving date', () => {
    const m = { joinedOn: '2020-04-01', leftOn: '2027-03-31' };
    expect(inForceOn(m, '2020-03-31')).toBe(false);
    expect(inForceOn(m, '2020-04-01')).toBe(true);
    // A leaving date still to come changes nothing today.
    expect(inForceOn(m, '2026-06-01')).toBe(true);
    expect(inForceOn(m, '2027-03-31')).toBe(false);
    expect(inForceOn({ joinedOn: '2020-04-01', leftOn: null }, '2100-01-01')).toBe(true);
  });

  it('are proposed by one side and accepted or declined by the other', () => {
    const proposal = { status: 'proposed' as const, proposedBy: 'consortium' as const };
    const consortium = { consortium: true, institution: false };
    const university = { consortium: false, institution: true };
    expect(proposingSide(consortium)).toBe('consortium');
    expect(proposingSide({ consortium: false, institution: false })).toBeNull();
    expect(checkAnswer(proposal, 'accept', consortium)).toMatchObject({
      forbidden: true,
      refusal: { code: 'registry.proposal_needs_other_side' },
    });
    expect(checkAnswer(proposal, 'accept', university)).toBeNull();
    expect(checkAnswer(proposal, 'decline', university)).toBeNull();
    expect(checkAnswer(proposal, 'withdraw', university)?.refusal.code).toBe(
      'registry.proposal_not_yours',
    );
    expect(checkAnswer(proposal, 'withdraw', consortium)).toBeNull();
    expect(checkAnswer({ ...proposal, status: 'accepted' }, 'decline', university)).toMatchObject({
      forbidden: false,
      refusal: { code: 'registry.proposal_closed' },
    });
  });
});
