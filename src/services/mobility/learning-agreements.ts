/**
 * Learning agreements (R7): the draft, proposals after signing, the three signatures (student,
 * home, host) with stale approvals refused (409), every version kept and diffable. The domain
 * object of src/domain/recognition/learning-agreement.ts is stored whole.
 */
import { instantOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  findLearningAgreement,
  saveLearningAgreement,
  signerOf,
} from '#src/db/queries/mobility/recognition.ts';
import { convertCredits } from '#src/domain/recognition/credit-systems.ts';
import {
  approveVersion,
  currentVersion,
  diffVersions,
  draftLearningAgreement,
  isSigned,
  latestVersion,
  pendingProposal,
  proposeChanges,
  rejectVersion,
  versionCredits,
  versionOf,
  type LaChange,
  type LaComponent,
  type LaEvent,
  type LaParty,
  type LaRefusalCode,
  type LearningAgreement,
  type LaVersion,
} from '#src/domain/recognition/learning-agreement.ts';
import type { Refusal } from '#src/domain/recognition/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import {
  conflict,
  forbidden,
  invalidField,
  notFound,
  ruleViolation,
  type AppError,
} from '../errors.ts';
import type { Mailer } from '../notify/mailer.ts';
import { mobilityNames } from '#src/db/queries/names.ts';
import { notify } from '../notify/notify.ts';
import { requireAccess } from '../access.ts';
import {
  laParties,
  loadMobility,
  loadScope,
  mobilityActors,
  mobilityResourceOf,
  usersOfParties,
  type MobilityScope,
} from './actors.ts';
import { institutionInfo } from './institution-systems.ts';
import type { Send } from './mobilities.ts';

/** States in which the learning agreement may still change (R7: before recognition). */
const EDITABLE = ['nominated', 'accepted', 'la_signed', 'departed', 'arrived'];

/** Stale versions and double signatures conflict with the record (409); the rest are R7 (422). */
const CONFLICTS: readonly string[] = [
  'recognition.la_stale',
  'recognition.la_version_not_pending',
  'recognition.la_already_signed',
  'recognition.la_no_pending_proposal',
];

function laError(r: Refusal<LaRefusalCode>): AppError {
  const out = refusal(r.code, r.params, { rule: r.rule ?? 'R7', field: r.field });
  if (CONFLICTS.includes(r.code)) return conflict(out, r.message);
  return ruleViolation([out], r.message);
}

function componentView(la: LearningAgreement, c: LaComponent) {
  return {
    ...c,
    conversion: convertCredits(c.host.credits.value, c.host.credits.system, la.homeCreditSystem),
  };
}

function versionView(la: LearningAgreement, v: LaVersion) {
  return {
    ...v,
    components: v.components.map((c) => componentView(la, c)),
    credits: versionCredits(la, v),
  };
}

export const loadLa = findLearningAgreement;

function view(la: LearningAgreement, parties: LaParty[], state: string) {
  const pending = pendingProposal(la);
  const current = currentVersion(la);
  const editable = EDITABLE.includes(state);
  return {
    id: la.id,
    mobilityId: la.mobilityId,
    homeInstitutionId: la.homeInstitutionId,
    hostInstitutionId: la.hostInstitutionId,
    homeCreditSystem: la.homeCreditSystem,
    hostCreditSystem: la.hostCreditSystem,
    signed: isSigned(la),
    currentVersion: current?.number ?? null,
    pendingVersion: pending?.number ?? null,
    latestVersion: latestVersion(la).number,
    versions: la.versions.map((v) => versionView(la, v)),
    myParties: parties,
    may: {
      propose: editable && parties.length > 0,
      sign: editable && pending ? parties.filter((p) => !pending.signatures[p]) : [],
    },
  };
}

/**
 * The mobility in its scope and the parties the actor may sign as; someone with no part in it
 * learns nothing, not even that it exists (404, decision 001).
 */
async function readable(ctx: ServiceContext, db: Db, mobilityId: string, lock = false) {
  const row = await loadMobility(db, mobilityId, lock);
  const s = await loadScope(db, row, todayOf(ctx));
  requireAccess(ctx, 'person:read', mobilityResourceOf(s));
  return { s, parties: laParties(mobilityActors(ctx.actor, s)) };
}

/** GET /mobilities/:id/learning-agreement — every version with credits converted and the rule. */
export async function getLearningAgreement(ctx: ServiceContext, mobilityId: string) {
  const { s, parties } = await readable(ctx, ctx.db, mobilityId);
  const la = await loadLa(ctx.db, mobilityId);
  if (!la) throw notFound('learning agreement of mobility', mobilityId);
  return view(la, parties, s.row.status);
}

/** Which party the actor acts as: the one asked for, if they may; else their only one. */
function partyFor(parties: LaParty[], asked: LaParty | undefined): LaParty {
  if (asked) {
    if (!parties.includes(asked)) throw forbidden(`act as the ${asked} of this learning agreement`);
    return asked;
  }
  if (parties.length === 0) throw forbidden('change this learning agreement');
  if (parties.length > 1) {
    throw invalidField(
      'body.party',
      refusal('mobility.party_required', { parties: parties.map(String) }, { field: 'body.party' }),
      'say which party you act as',
    );
  }
  return parties[0]!;
}

/** The document as the audit trail keeps it. */
const toRecord = (la: LearningAgreement): Record<string, unknown> => ({ ...la });

async function save(
  tx: Db,
  ctx: ServiceContext,
  s: MobilityScope,
  la: LearningAgreement,
  events: readonly LaEvent[],
  isNew: boolean,
  previous: LearningAgreement | null,
): Promise<Send[]> {
  await saveLearningAgreement(tx, la, latestVersion(la).number, isNew, ctx.clock.now());
  const sends: Send[] = [];
  for (const [i, e] of events.entries()) {
    await audit(tx, ctx, {
      action: `learning_agreement.${e.type.slice(3)}`,
      resourceType: 'mobility',
      resourceId: la.mobilityId,
      details: { event: e.type, version: e.version, party: e.party, rules: ['R7'] },
      // The document's change is kept once, with the first event it caused.
      ...(i === 0
        ? {
            before: previous ? { learningAgreement: toRecord(previous) } : undefined,
            after: { learningAgreement: toRecord(la) },
          }
        : {}),
    });
    const recipients = await usersOfParties(tx, s, e.notify, ctx.actor?.id ?? null);
    sends.push(
      await notify(tx, recipients, {
        type: e.type,
        params: { ...(await mobilityNames(tx, s.row)), version: e.version, context: e.party },
        data: { mobilityId: la.mobilityId, version: e.version, event: e.type },
      }),
    );
  }
  return sends;
}

async function run(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  work: (
    tx: Db,
    s: MobilityScope,
    parties: LaParty[],
    la: LearningAgreement | null,
  ) => Promise<{ agreement: LearningAgreement; events: LaEvent[]; isNew: boolean }>,
) {
  const sends = await ctx.db.transaction(async (tx) => {
    const { s, parties } = await readable(ctx, tx, mobilityId, true);
    const row = s.row;
    if (!EDITABLE.includes(row.status)) {
      throw ruleViolation(
        [refusal('mobility.la_frozen', { state: row.status }, { rule: 'R7' })],
        `the mobility is ${row.status}: its learning agreement no longer changes`,
      );
    }
    const la = await loadLa(tx, mobilityId);
    const r = await work(tx, s, parties, la);
    return save(tx, ctx, s, r.agreement, r.events, r.isNew, la);
  });
  for (const send of sends) await send(mailer);
  return getLearningAgreement(ctx, mobilityId);
}

/** POST /mobilities/:id/learning-agreement — the first draft (version 1, unsigned). */
export async function createLearningAgreement(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: { components: LaComponent[]; party?: LaParty | undefined },
) {
  return run(ctx, mailer, mobilityId, async (tx, s, parties, existing) => {
    const party = partyFor(parties, input.party);
    if (existing) {
      throw conflict(
        refusal('mobility.la_exists', { latestVersion: latestVersion(existing).number }),
        'this mobility already has a learning agreement: propose changes',
      );
    }
    const home = await institutionInfo(tx, s.row.homeId);
    const host = await institutionInfo(tx, s.row.hostId);
    const r = draftLearningAgreement({
      id: `la-${mobilityId}`,
      mobilityId,
      homeInstitutionId: home.id,
      hostInstitutionId: host.id,
      homeCreditSystem: home.creditSystem,
      hostCreditSystem: host.creditSystem,
      components: input.components,
      proposedBy: party,
      at: instantOf(ctx),
    });
    if (!r.ok) throw laError(r.refusal);
    return { ...r.value, isNew: true };
  });
}

function requireLa(la: LearningAgreement | null, mobilityId: string): LearningAgreement {
  if (!la) throw notFound('learning agreement of mobility', mobilityId);
  return la;
}

/** POST …/learning-agreement/proposals — a new version naming the version the proposer saw. */
export async function proposeLearningAgreementChanges(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: { baseVersion: number; changes: LaChange[]; party?: LaParty | undefined },
) {
  return run(ctx, mailer, mobilityId, async (_tx, _s, parties, existing) => {
    const la = requireLa(existing, mobilityId);
    const party = partyFor(parties, input.party);
    const r = proposeChanges(la, {
      baseVersion: input.baseVersion,
      changes: input.changes,
      proposedBy: party,
      at: instantOf(ctx),
    });
    if (!r.ok) throw laError(r.refusal);
    return { ...r.value, isNew: false };
  });
}

/** POST …/learning-agreement/approvals — sign the pending version; a stale one is refused (409). */
export async function approveLearningAgreement(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: {
    version: number;
    party?: LaParty | undefined;
    signerName?: string | undefined;
    signerPosition?: string | undefined;
  },
) {
  return run(ctx, mailer, mobilityId, async (tx, _s, parties, existing) => {
    const la = requireLa(existing, mobilityId);
    const pending = pendingProposal(la);
    const unsigned = pending ? parties.filter((p) => !pending.signatures[p]) : parties;
    const party = input.party
      ? partyFor(parties, input.party)
      : partyFor(unsigned.length ? unsigned : parties, undefined);
    const me = await signerOf(tx, ctx.actor?.id ?? '00000000-0000-0000-0000-000000000000');
    const r = approveVersion(la, input.version, {
      party,
      signerName: input.signerName ?? me?.name ?? 'unknown',
      signerPosition: input.signerPosition,
      signerEmail: me?.email,
      signedAt: instantOf(ctx),
      actorId: ctx.actor?.id,
    });
    if (!r.ok) throw laError(r.refusal);
    return { ...r.value, isNew: false };
  });
}

/** POST …/learning-agreement/rejections — turn the pending version down with a comment. */
export async function rejectLearningAgreement(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: { version: number; comment: string; party?: LaParty | undefined },
) {
  return run(ctx, mailer, mobilityId, async (_tx, _s, parties, existing) => {
    const la = requireLa(existing, mobilityId);
    const party = partyFor(parties, input.party);
    const r = rejectVersion(la, input.version, {
      party,
      comment: input.comment,
      at: instantOf(ctx),
    });
    if (!r.ok) throw laError(r.refusal);
    return { ...r.value, isNew: false };
  });
}

/** GET …/learning-agreement/diff?from=&to= — components added, removed and changed. */
export async function diffLearningAgreement(
  ctx: ServiceContext,
  mobilityId: string,
  from: number,
  to: number,
) {
  await readable(ctx, ctx.db, mobilityId);
  const la = requireLa(await loadLa(ctx.db, mobilityId), mobilityId);
  const a = versionOf(la, from);
  const b = versionOf(la, to);
  if (!a) throw notFound('learning agreement version', String(from));
  if (!b) throw notFound('learning agreement version', String(to));
  return { from, to, ...diffVersions(a, b), changes: b.changes };
}
