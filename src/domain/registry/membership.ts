/**
 * Membership of a university in a consortium, association or alliance: in force on a date, and
 * proposed by one side before it takes effect. A consortium's officers reach the records of its
 * members, so a membership that one side could create alone would let that side widen its own
 * scope; the other side (the university's coordinator, or the consortium's officers) or a
 * platform administrator accepts. Pure: the date is always passed in.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';

export interface MembershipDates {
  joinedOn: string;
  leftOn: string | null;
}

/** In force on `date`: joined on or before it and not yet left (the leave date is the first day out). */
export const inForceOn = (m: MembershipDates, date: string): boolean =>
  m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);

export const PROPOSAL_SIDES = ['consortium', 'institution'] as const;
export type ProposalSide = (typeof PROPOSAL_SIDES)[number];

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type ProposalAnswer = 'accept' | 'decline' | 'withdraw';

/** Which sides the person acting speaks for (an administrator speaks for both). */
export interface Sides {
  consortium: boolean;
  institution: boolean;
}

/**
 * The side a new proposal comes from: the consortium's when the actor speaks for it, else the
 * university's; null when the actor speaks for neither.
 */
export function proposingSide(sides: Sides): ProposalSide | null {
  if (sides.consortium) return 'consortium';
  if (sides.institution) return 'institution';
  return null;
}

/** The side that must answer a proposal made by `side`. */
export const otherSide = (side: ProposalSide): ProposalSide =>
  side === 'consortium' ? 'institution' : 'consortium';

/** Does a proposal made by someone who speaks for both sides take effect at once? */
export const bothSides = (sides: Sides): boolean => sides.consortium && sides.institution;

/**
 * May this answer be given? Accepting and declining belong to the side that did not propose;
 * withdrawing to the side that did. Only an open proposal is answered. Returns the refusal, or
 * null when the answer may be given; `forbidden` tells a refusal of who from one of state.
 */
export function checkAnswer(
  proposal: { status: ProposalStatus; proposedBy: ProposalSide },
  answer: ProposalAnswer,
  sides: Sides,
): { refusal: Refusal; forbidden: boolean } | null {
  const side = answer === 'withdraw' ? proposal.proposedBy : otherSide(proposal.proposedBy);
  if (!sides[side]) {
    return {
      refusal: refusal(
        answer === 'withdraw'
          ? 'registry.proposal_not_yours'
          : 'registry.proposal_needs_other_side',
        { side },
      ),
      forbidden: true,
    };
  }
  if (proposal.status !== 'proposed') {
    return {
      refusal: refusal('registry.proposal_closed', { status: proposal.status }),
      forbidden: false,
    };
  }
  return null;
}
