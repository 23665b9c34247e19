/**
 * R2, 003 §5(2): "a formal exchange agreement between the consortia is signed before any
 * dispatch". Which agreement a stay is dispatched under, or why none will do: the agreement must
 * be signed by both parties in its version in force, not terminated, in force for the whole stay,
 * between the two institutions or consortia they belong to throughout the stay, and provide an
 * exchange from the home side at the student's level (and field, when the agreement names fields).
 */
import { inForce, LEVELS, type AgreementState, type PartyKey } from './agreement.ts';
import { refusal, type MessageParams, type Refusal } from '../shared/refusal.ts';

/** An agreement as the registry holds it: its parties' ids and its state. */
export interface DispatchCandidate {
  id: string;
  partyA: string;
  partyB: string;
  state: AgreementState;
}

/** A membership of an institution in a consortium: `leftOn` is the first day out (null = still in). */
export interface DatedMembership {
  consortiumId: string;
  institutionId: string;
  joinedOn: string;
  leftOn: string | null;
}

/** The stay to dispatch: who goes where, when (inclusive dates), at which level, in which field. */
export interface DispatchStay {
  home: string;
  host: string;
  /** The memberships of the home and host institutions, over time. */
  memberships: readonly DatedMembership[];
  /** bachelor, master or doctor; anything else (unknown) is not checked. */
  level: string | null;
  /** The ISCED-F 2013 field of study, when known. */
  field: string | null;
  start: string;
  end: string;
}

export type DispatchVerdict =
  | { ok: true; agreementId: string; homeParty: PartyKey }
  | { ok: false; refusal: Refusal; agreementId: string | null };

/** Every refusal code of the dispatch check (all R2). */
export const DISPATCH_CODES = {
  noneForPair: 'agreement.none_for_pair',
  membershipNotThroughout: 'agreement.membership_not_throughout',
  notSigned: 'agreement.not_signed',
  terminated: 'agreement.terminated',
  notInForce: 'agreement.not_in_force',
  noDirection: 'agreement.no_direction',
  levelNotCovered: 'agreement.level_not_covered',
  fieldNotCovered: 'agreement.field_not_covered',
} as const;

const r2 = (code: string, params: MessageParams = {}): Refusal =>
  refusal(code, params, { rule: 'R2' });

/** Is `institution` a member of `consortium` on every day from `start` to `end`? */
export function memberThroughout(
  memberships: readonly DatedMembership[],
  consortium: string,
  institution: string,
  start: string,
  end: string,
): boolean {
  const rows = memberships
    .filter((m) => m.consortiumId === consortium && m.institutionId === institution)
    .sort((a, b) => (a.joinedOn < b.joinedOn ? -1 : a.joinedOn > b.joinedOn ? 1 : 0));
  // `day`: the first day not yet known to be covered; memberships that follow on are joined.
  let day = start;
  for (const m of rows) {
    if (m.joinedOn > day) return false;
    if (m.leftOn === null) return true;
    if (m.leftOn > day) day = m.leftOn;
    if (day > end) return true;
  }
  return false;
}

/** Is `institution` a member of `consortium` on some day from `start` to `end`? */
const memberSometime = (
  memberships: readonly DatedMembership[],
  consortium: string,
  institution: string,
  start: string,
  end: string,
): boolean =>
  memberships.some(
    (m) =>
      m.consortiumId === consortium &&
      m.institutionId === institution &&
      m.joinedOn <= end &&
      (m.leftOn === null || m.leftOn > start),
  );

/** How a party stands for an institution over the stay: itself or a consortium holding it throughout. */
function standsFor(
  party: string,
  institution: string,
  stay: DispatchStay,
): 'throughout' | 'partly' | 'no' {
  if (party === institution) return 'throughout';
  if (memberThroughout(stay.memberships, party, institution, stay.start, stay.end)) {
    return 'throughout';
  }
  return memberSometime(stay.memberships, party, institution, stay.start, stay.end)
    ? 'partly'
    : 'no';
}

/** How far a candidate got (higher is closer), and its refusal when it failed. */
interface Assessment {
  stage: number;
  refusal: Refusal | null;
  homeParty: PartyKey;
}

const isKnownLevel = (level: string | null): level is (typeof LEVELS)[number] =>
  level !== null && (LEVELS as readonly string[]).includes(level);

function assess(c: DispatchCandidate, stay: DispatchStay): Assessment {
  const sides = (['A', 'B'] as const).map((homeParty) => {
    const homeId = homeParty === 'A' ? c.partyA : c.partyB;
    const hostId = homeParty === 'A' ? c.partyB : c.partyA;
    const home = standsFor(homeId, stay.home, stay);
    const host = standsFor(hostId, stay.host, stay);
    const rank = (x: typeof home) => (x === 'throughout' ? 2 : x === 'partly' ? 1 : 0);
    return { homeParty, score: Math.min(rank(home), rank(host)) };
  });
  const best = sides[0]!.score >= sides[1]!.score ? sides[0]! : sides[1]!;
  const homeParty = best.homeParty;
  const version = inForce(c.state) ?? c.state.versions[c.state.versions.length - 1];
  const agreement = version?.content.title ?? '';
  const dates = { start: stay.start, end: stay.end };
  if (best.score === 0) {
    return { stage: 0, refusal: r2(DISPATCH_CODES.noneForPair, dates), homeParty };
  }
  if (best.score === 1) {
    return {
      stage: 1,
      refusal: r2(DISPATCH_CODES.membershipNotThroughout, { agreement, ...dates }),
      homeParty,
    };
  }
  const signed = inForce(c.state);
  if (!signed) {
    return { stage: 2, refusal: r2(DISPATCH_CODES.notSigned, { agreement }), homeParty };
  }
  // The dates before the termination: an agreement made for the stay's dates but terminated
  // comes closer than one made for other years (its refusal is the one to show).
  const { validFrom, validTo } = signed.content;
  if (validFrom > stay.start || stay.end > validTo) {
    return {
      stage: 3,
      refusal: r2(DISPATCH_CODES.notInForce, { agreement, validFrom, validTo, ...dates }),
      homeParty,
    };
  }
  if (c.state.status === 'terminated') {
    return { stage: 4, refusal: r2(DISPATCH_CODES.terminated, { agreement }), homeParty };
  }
  const direction = signed.content.directions.find((d) => d.from === homeParty);
  if (!direction) {
    return { stage: 5, refusal: r2(DISPATCH_CODES.noDirection, { agreement }), homeParty };
  }
  if (isKnownLevel(stay.level) && !direction.levels.includes(stay.level)) {
    return {
      stage: 6,
      refusal: r2(DISPATCH_CODES.levelNotCovered, {
        agreement,
        level: stay.level,
        levels: direction.levels,
      }),
      homeParty,
    };
  }
  if (stay.field && direction.fields.length > 0 && !direction.fields.includes(stay.field)) {
    return {
      stage: 7,
      refusal: r2(DISPATCH_CODES.fieldNotCovered, {
        agreement,
        field: stay.field,
        fields: direction.fields,
      }),
      homeParty,
    };
  }
  return { stage: 8, refusal: null, homeParty };
}

/**
 * The agreement a stay may be dispatched under (R2, 003 §5(2)): among the qualifying candidates,
 * one between the two institutions themselves before one between consortia, then the one in
 * force longest. With none, the refusal of the candidate that came closest (the first of equals).
 */
export function chooseAgreement(
  candidates: readonly DispatchCandidate[],
  stay: DispatchStay,
): DispatchVerdict {
  const assessed = candidates.map((c) => ({ c, a: assess(c, stay) }));
  const qualifying = assessed.filter((x) => x.a.refusal === null);
  if (qualifying.length > 0) {
    const direct = (x: (typeof qualifying)[number]) =>
      [x.c.partyA, x.c.partyB].includes(stay.home) && [x.c.partyA, x.c.partyB].includes(stay.host);
    const validTo = (x: (typeof qualifying)[number]) => inForce(x.c.state)?.content.validTo ?? '';
    const [best] = [...qualifying].sort(
      (x, y) =>
        Number(direct(y)) - Number(direct(x)) ||
        (validTo(y) > validTo(x) ? 1 : validTo(y) < validTo(x) ? -1 : 0),
    );
    return { ok: true, agreementId: best!.c.id, homeParty: best!.a.homeParty };
  }
  let closest: (typeof assessed)[number] | null = null;
  for (const x of assessed) if (!closest || x.a.stage > closest.a.stage) closest = x;
  if (!closest || closest.a.stage === 0) {
    return {
      ok: false,
      refusal: r2(DISPATCH_CODES.noneForPair, { start: stay.start, end: stay.end }),
      agreementId: null,
    };
  }
  return { ok: false, refusal: closest.a.refusal!, agreementId: closest.c.id };
}

/**
 * R2 for a call: the agreement a call names must carry every stay the call can lead to — signed
 * by both parties in its version in force, not terminated, and in force from the first possible
 * departure to the last possible return (a call without departure dates: not over on the day it
 * opens). Null when it does; else the refusal.
 */
export function callAgreementRefusal(
  state: AgreementState,
  window: { start: string; end: string; fromAnyDay?: boolean },
): Refusal | null {
  const signed = inForce(state);
  const agreement = signed?.content.title ?? state.versions.at(-1)?.content.title ?? '';
  if (!signed) return r2(DISPATCH_CODES.notSigned, { agreement });
  const { validFrom, validTo } = signed.content;
  // `fromAnyDay`: the stays are not dated yet, so only an agreement already over is refused.
  if ((!window.fromAnyDay && validFrom > window.start) || window.end > validTo) {
    return r2(DISPATCH_CODES.notInForce, {
      agreement,
      validFrom,
      validTo,
      start: window.start,
      end: window.end,
    });
  }
  if (state.status === 'terminated') return r2(DISPATCH_CODES.terminated, { agreement });
  return null;
}
