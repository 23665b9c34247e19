/**
 * Memberships of consortia and associations: proposed by one side, accepted by the other, ended by
 * either; and what a reader may do on a consortium's page.
 */
import type { Db } from '#src/db/client.ts';
import { consortiumNames, institutionNames, orgName } from '#src/db/queries/names.ts';
import { consortiumRow, institutionRow } from '#src/db/queries/registry/institutions.ts';
import {
  answerOpenProposal,
  hasOpenProposal,
  insertMembership,
  insertProposal,
  openMembership,
  openProposalsOf,
  proposalById,
  proposalOf,
  setMembershipLeftOn,
  type ProposalRow,
} from '#src/db/queries/registry/proposals.ts';
import {
  bothSides,
  checkAnswer,
  proposingSide,
  type ProposalAnswer,
  type ProposalSide,
  type ProposalStatus,
  type Sides,
} from '#src/domain/registry/membership.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import {
  can,
  consortiumResource,
  institutionsResource,
  requireAccess,
  type AccessOptions,
  type Target,
} from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, invalidField, notFound } from '../errors.ts';
import { getConsortium } from './queries.ts';

/** What the reader may do on a consortium's page (policy `consortium:write`). */
export function mayOnConsortium(ctx: ServiceContext, id: string) {
  const editMembers = can(ctx.actor, 'consortium:write', consortiumResource([id]));
  // A coordinator may propose their own university; the consortium's side proposes any.
  const proposeOwn = (ctx.actor?.roles ?? []).some(
    (r) => r.role === 'coordinator' && r.scopeType === 'institution',
  );
  return { editMembers, propose: editMembers || proposeOwn };
}

/** One consortium on a date with what the reader may do on it. */
export async function consortiumDetail(ctx: ServiceContext, id: string, onDate: string) {
  requireAccess(ctx, 'registry:read', consortiumResource([id]));
  const detail = await getConsortium(ctx.db, id, onDate);
  return {
    ...detail,
    may: mayOnConsortium(ctx, id),
    proposals: await openProposals(ctx, { consortiumId: id }),
  };
}

/** The sides of a membership this actor speaks for (an administrator speaks for both). */
export function sidesFor(
  ctx: ServiceContext,
  consortiumId: string | null,
  institutionId: string,
): Sides {
  return {
    consortium:
      consortiumId !== null &&
      can(ctx.actor, 'consortium:write', consortiumResource([consortiumId])),
    institution: can(ctx.actor, 'institution:join', institutionsResource([institutionId])),
  };
}

/**
 * Throws unless the actor speaks for a side of the membership: the refusal of the university's
 * side (`institution:join`), as the consortium's side has already refused.
 */
function requireEitherSide(
  ctx: ServiceContext,
  sides: Sides,
  resource: Target,
  options: AccessOptions,
): void {
  if (sides.consortium || sides.institution) return;
  requireAccess(ctx, 'institution:join', resource, options);
}

/** Open proposals of a consortium or of an institution, each shown only to those on its sides. */
export async function openProposals(
  ctx: ServiceContext,
  filter: { consortiumId: string } | { institutionId: string },
) {
  if (!ctx.actor) return [];
  const rows = await openProposalsOf(ctx.db, filter);
  const visible = rows.filter((r) => {
    const sides = sidesFor(ctx, r.consortiumId, r.institutionId);
    return sides.consortium || sides.institution;
  });
  return proposalViews(ctx, visible);
}

async function proposalViews(ctx: ServiceContext, rows: ProposalRow[]) {
  const [consortiumNamesById, institutionNamesById] = await Promise.all([
    consortiumNames(
      ctx.db,
      rows.map((r) => r.consortiumId),
    ),
    institutionNames(
      ctx.db,
      rows.map((r) => r.institutionId),
    ),
  ]);
  return rows.map((r) => {
    const sides = sidesFor(ctx, r.consortiumId, r.institutionId);
    const proposal = {
      status: r.status as ProposalStatus,
      proposedBy: r.proposedBy as ProposalSide,
    };
    return {
      id: r.id,
      consortiumId: r.consortiumId,
      consortiumName: consortiumNamesById.get(r.consortiumId) ?? { en: r.consortiumId },
      institutionId: r.institutionId,
      institutionName: institutionNamesById.get(r.institutionId) ?? { en: r.institutionId },
      joinedOn: r.joinedOn,
      proposedBy: proposal.proposedBy,
      status: proposal.status,
      may: {
        accept: checkAnswer(proposal, 'accept', sides) === null,
        decline: checkAnswer(proposal, 'decline', sides) === null,
        withdraw: checkAnswer(proposal, 'withdraw', sides) === null,
      },
    };
  });
}

/**
 * A membership is proposed, by the consortium's side (its officers or secretariat) or by the
 * university's (its coordinator); it takes effect when the other side accepts. Someone who speaks
 * for both sides (an administrator, or a person holding both roles) makes it take effect at once.
 */
export async function proposeMember(
  ctx: ServiceContext,
  consortiumId: string,
  input: { institutionId: string; joinedOn: string },
) {
  const c = await consortiumRow(ctx.db, consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  const i = await institutionRow(ctx.db, input.institutionId);
  if (!i) throw notFound('institution', input.institutionId);
  const sides = sidesFor(ctx, consortiumId, input.institutionId);
  requireEitherSide(ctx, sides, institutionsResource([input.institutionId]), {
    doing: `propose members of ${c.name}`,
  });
  const side = proposingSide(sides)!;
  const current = await openMembership(ctx.db, consortiumId, input.institutionId);
  if (current)
    throw conflict(
      refusal('registry.already_member', {
        institution: orgName(i.name, i.names),
        since: current.joinedOn,
      }),
      `${i.name} is already a member since ${current.joinedOn}`,
    );
  if (await hasOpenProposal(ctx.db, consortiumId, input.institutionId))
    throw conflict(
      refusal('registry.already_proposed', { institution: orgName(i.name, i.names) }),
      `a membership of ${i.name} is already proposed`,
    );
  const atOnce = bothSides(sides);
  const id = await ctx.db.transaction(async (tx) => {
    const proposalId = await insertProposal(tx, {
      consortiumId,
      institutionId: input.institutionId,
      joinedOn: input.joinedOn,
      proposedBy: side,
      proposedByUserId: ctx.actor?.id ?? null,
      status: atOnce ? 'accepted' : 'proposed',
      decidedByUserId: atOnce ? (ctx.actor?.id ?? null) : null,
      decidedAt: atOnce ? ctx.clock.now() : null,
    });
    await audit(tx, ctx, {
      action: 'consortium.member-propose',
      resourceType: 'consortium',
      resourceId: consortiumId,
      details: { proposal: proposalId, side },
      after: {
        institutionId: input.institutionId,
        joinedOn: input.joinedOn,
        status: atOnce ? 'accepted' : 'proposed',
      },
    });
    if (atOnce) await join(tx, ctx, consortiumId, input.institutionId, input.joinedOn);
    return proposalId;
  });
  return proposalView(ctx, id);
}

async function join(
  tx: Db,
  ctx: ServiceContext,
  consortiumId: string,
  institutionId: string,
  joinedOn: string,
) {
  await insertMembership(tx, { consortiumId, institutionId, joinedOn });
  await audit(tx, ctx, {
    action: 'consortium.member-join',
    resourceType: 'consortium',
    resourceId: consortiumId,
    details: { institutionId },
    after: { institutionId, joinedOn },
  });
}

async function proposalView(ctx: ServiceContext, id: string) {
  const row = await proposalById(ctx.db, id);
  if (!row) throw notFound('membership proposal', id);
  return (await proposalViews(ctx, [row]))[0]!;
}

const ANSWERED: Record<ProposalAnswer, ProposalStatus> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
};

/**
 * Accept or decline a proposal (the side that did not propose, or an administrator), or withdraw
 * it (the side that did). Accepting makes the membership take effect from its joining date.
 */
export async function answerProposal(
  ctx: ServiceContext,
  consortiumId: string,
  proposalId: string,
  answer: ProposalAnswer,
) {
  const row = await proposalOf(ctx.db, consortiumId, proposalId);
  if (!row) throw notFound('membership proposal', proposalId);
  const sides = sidesFor(ctx, row.consortiumId, row.institutionId);
  // Someone on neither side learns nothing of the proposal.
  const proposal = {
    ...institutionsResource([row.institutionId], 'membership proposal'),
    id: proposalId,
  };
  requireEitherSide(ctx, sides, proposal, { visibleBy: ['institution:join', proposal] });
  const refused = checkAnswer(
    { status: row.status as ProposalStatus, proposedBy: row.proposedBy as ProposalSide },
    answer,
    sides,
  );
  if (refused?.forbidden) {
    throw new AppError('forbidden', `you may not ${answer} this proposal`, {
      action: `${answer} this proposal`,
      refusals: [refused.refusal],
    });
  }
  if (refused) throw conflict(refused.refusal);
  if (answer === 'accept') {
    const current = await openMembership(ctx.db, row.consortiumId, row.institutionId);
    if (current) {
      const names = (await institutionNames(ctx.db, [row.institutionId])).get(row.institutionId);
      throw conflict(
        refusal('registry.already_member', {
          institution: names ?? { en: row.institutionId },
          since: current.joinedOn,
        }),
      );
    }
  }
  await ctx.db.transaction(async (tx) => {
    const claimed = await answerOpenProposal(tx, row.id, {
      status: ANSWERED[answer],
      decidedByUserId: ctx.actor?.id ?? null,
      decidedAt: ctx.clock.now(),
    });
    if (!claimed) throw conflict(refusal('registry.proposal_closed', { status: 'answered' }));
    await audit(tx, ctx, {
      action: `consortium.member-${answer}`,
      resourceType: 'consortium',
      resourceId: row.consortiumId,
      details: { proposal: row.id, institutionId: row.institutionId, joinedOn: row.joinedOn },
      before: { status: row.status },
      after: { status: ANSWERED[answer] },
    });
    if (answer === 'accept') await join(tx, ctx, row.consortiumId, row.institutionId, row.joinedOn);
  });
  return proposalView(ctx, row.id);
}

/**
 * A member leaves on a date. Either side may end a membership (leaving widens nobody's scope):
 * the consortium's officers or secretariat, or the university's coordinator.
 */
export async function endMembership(
  ctx: ServiceContext,
  consortiumId: string,
  institutionId: string,
  leftOn: string,
) {
  requireEitherSide(
    ctx,
    sidesFor(ctx, consortiumId, institutionId),
    institutionsResource([institutionId]),
    { doing: 'change the members of this consortium' },
  );
  const current = await openMembership(ctx.db, consortiumId, institutionId);
  if (!current) throw notFound('membership', `${consortiumId}/${institutionId}`);
  if (leftOn < current.joinedOn)
    throw invalidField(
      'body.leftOn',
      refusal('registry.left_before_joined', { joinedOn: current.joinedOn }),
      `before the joining date ${current.joinedOn}`,
    );
  await ctx.db.transaction(async (tx) => {
    await setMembershipLeftOn(tx, current, leftOn);
    await audit(tx, ctx, {
      action: 'consortium.member-leave',
      resourceType: 'consortium',
      resourceId: consortiumId,
      details: { institutionId, joinedOn: current.joinedOn },
      before: { leftOn: null },
      after: { leftOn },
    });
  });
}
