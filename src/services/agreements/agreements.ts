import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  agreementBetween,
  agreementIds,
  insertAgreement,
  insertAgreementVersion,
  insertSignature,
  loadAgreement,
  loadAgreements,
  ledgerStayGroups,
  membershipsOverTime,
  type DatedMember,
  programExists,
  setAgreementStatus,
  storedProgramRules,
} from '#src/db/queries/agreements.ts';
import { partyRows } from '#src/db/queries/registry/institutions.ts';
import {
  AgreementContentSchema,
  asRefusal,
  checkSign,
  diffContent,
  planEdit,
  statusOn,
  type AgreementContent,
  type PartyKey,
} from '#src/domain/agreement/agreement.ts';
import { startMonthFor } from '#src/domain/balance/academic-year.ts';
import {
  buildLedgerFromGroups,
  CANCELLED_STATES,
  REALISED_STATES,
  type Tolerance,
} from '#src/domain/balance/ledger.ts';
import { parseProgramRules } from '#src/domain/program/rules.ts';
import { agreementPartiesResource, agreementPartyResource, can, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { orgName, personNames, programNames } from '#src/db/queries/names.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import {
  AppError,
  conflict,
  fieldIssues,
  invalidField,
  invalidInput,
  notFound,
} from '../errors.ts';

export type PartyType = 'institution' | 'consortium';
export interface PartyRef {
  type: PartyType;
  id: string;
}

/** Statuses in which a mobility took place (the realised side of the ledger). */
export const REALISED = REALISED_STATES;
/** Nominations that no longer count at all. */
export const CANCELLED = CANCELLED_STATES;

interface PartyView {
  type: PartyType;
  id: string;
  name: string;
  names: Record<string, string>;
  /** The party's name in every language it has (its official name where none is given). */
  displayName: LocalizedText;
  country: string | null;
  representativeId: string | null;
}

async function loadParty(db: Db, ref: PartyRef): Promise<PartyView> {
  const rows = await partyRows(
    db,
    ref.type === 'institution' ? [ref.id] : [],
    ref.type === 'consortium' ? [ref.id] : [],
  );
  return partyView(rows, ref);
}

/** A party from rows read beforehand (`partyRows`); 404 when it is not among them. */
function partyView(rows: Awaited<ReturnType<typeof partyRows>>, ref: PartyRef): PartyView {
  if (ref.type === 'institution') {
    const row = rows.institutions.get(ref.id);
    if (!row) throw notFound('institution', ref.id);
    return {
      type: 'institution',
      id: row.id,
      name: row.name,
      names: row.names,
      displayName: orgName(row.name, row.names),
      country: row.country,
      representativeId: null,
    };
  }
  const row = rows.consortia.get(ref.id);
  if (!row) throw notFound('consortium', ref.id);
  return {
    type: 'consortium',
    id: row.id,
    name: row.name,
    names: row.names,
    displayName: orgName(row.name, row.names),
    country: row.side,
    representativeId: row.representativeId,
  };
}

/** Throws unless the actor manages agreements for one of the parties at least. */
function requireParty(ctx: ServiceContext, parties: PartyView[]): void {
  requireAccess(ctx, 'agreement:manage', agreementPartiesResource(parties), {
    doing: 'manage agreements of a party you do not represent',
  });
}

/** Content checked by the domain schema; its own checks keep their refusal codes on the wire. */
function parseContent(input: unknown): AgreementContent {
  const parsed = AgreementContentSchema.safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error, 'content').map((issue, i) => {
      const own = (parsed.error.issues[i] as { params?: Record<string, unknown> }).params;
      if (typeof own?.code !== 'string') return issue;
      const { code, ...params } = own;
      return {
        ...issue,
        code,
        params: Object.fromEntries(
          Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
        ) as Record<string, string | number>,
      };
    });
    throw invalidInput(issues);
  }
  return parsed.data;
}

type LoadedAgreement = NonNullable<Awaited<ReturnType<typeof loadAgreement>>>;

async function loadState(db: Db, id: string) {
  const loaded = await loadAgreement(db, id);
  if (!loaded) throw notFound('agreement', id);
  return loaded;
}

export async function createAgreement(
  ctx: ServiceContext,
  input: {
    partyA: PartyRef;
    partyB: PartyRef;
    programId?: string | null;
    content: unknown;
    invented?: boolean;
  },
) {
  const content = parseContent(input.content);
  const a = await loadParty(ctx.db, input.partyA);
  const b = await loadParty(ctx.db, input.partyB);
  if (a.type === b.type && a.id === b.id) {
    throw invalidField(
      'body.partyB',
      refusal('agreement.same_party', {}, { field: 'body.partyB' }),
      'an agreement needs two different parties',
    );
  }
  requireParty(ctx, [a, b]);
  if (input.programId && !(await programExists(ctx.db, input.programId))) {
    throw notFound('program', input.programId);
  }
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertAgreement(
      tx,
      {
        partyAType: a.type,
        partyAId: a.id,
        partyBType: b.type,
        partyBId: b.id,
        programId: input.programId ?? null,
        invented: input.invented ?? false,
      },
      { content, createdBy: ctx.actor?.id ?? null, changeNote: 'created' },
    );
    if (!created) throw new AppError('internal', 'could not create the agreement');
    await audit(tx, ctx, {
      action: 'agreement.create',
      resourceType: 'agreement',
      resourceId: created,
      details: { partyA: a.id, partyB: b.id },
      after: { version: 1, content },
    });
    return created;
  });
  return getAgreement(ctx, id);
}

export async function getAgreement(ctx: ServiceContext, id: string) {
  requireAccess(ctx, 'registry:read', { type: 'agreement', id });
  const [view] = await agreementViews(ctx, [id]);
  if (!view) throw notFound('agreement', id);
  return view;
}

/**
 * The views of these agreements, in the order of `ids` (an id that is no agreement is left out):
 * what `getAgreement` shows of each, read in a fixed number of queries whatever their number.
 */
async function agreementViews(ctx: ServiceContext, ids: readonly string[]) {
  const loaded = await loadAgreements(ctx.db, ids);
  const all = [...loaded.values()];
  const parties = await partyRows(
    ctx.db,
    all.flatMap(({ row }) => [
      ...(row.partyAType === 'institution' ? [row.partyAId] : []),
      ...(row.partyBType === 'institution' ? [row.partyBId] : []),
    ]),
    all.flatMap(({ row }) => [
      ...(row.partyAType === 'consortium' ? [row.partyAId] : []),
      ...(row.partyBType === 'consortium' ? [row.partyBId] : []),
    ]),
  );
  const people = await personNames(
    ctx.db,
    all.flatMap(({ versions }) => versions.flatMap((v) => (v.createdBy ? [v.createdBy] : []))),
  );
  const programs = await programNames(
    ctx.db,
    all.flatMap(({ row }) => (row.programId ? [row.programId] : [])),
  );
  return ids.flatMap((id) => {
    const one = loaded.get(id);
    return one ? [agreementView(ctx, one, parties, people, programs)] : [];
  });
}

function agreementView(
  ctx: ServiceContext,
  { row, versions, signatures, state }: LoadedAgreement,
  parties: Awaited<ReturnType<typeof partyRows>>,
  people: Map<string, LocalizedText>,
  programs: Map<string, LocalizedText>,
) {
  const a = partyView(parties, { type: row.partyAType as PartyType, id: row.partyAId });
  const b = partyView(parties, { type: row.partyBType as PartyType, id: row.partyBId });
  const status = statusOn(state, todayOf(ctx));
  const history = versions.map((v, i) => ({
    version: v.version,
    kind: v.kind as 'draft' | 'amendment',
    changeNote: v.changeNote,
    createdBy: v.createdBy,
    createdByName: v.createdBy ? (people.get(v.createdBy) ?? null) : null,
    createdAt: v.createdAt.toISOString(),
    changes: i === 0 ? [] : diffContent(versions[i - 1]?.content, v.content),
    signatures: signatures
      .filter((s) => s.version === v.version)
      .map((s) => ({ party: s.party as PartyKey, signatory: s.signatory, signedOn: s.signedOn })),
  }));
  const latest = versions[versions.length - 1];
  const inForce = [...state.versions].reverse().find((v) => v.signatures.length === 2);
  const programName = row.programId ? (programs.get(row.programId) ?? null) : null;
  const canManage = [a, b]
    .filter((p) => can(ctx.actor, 'agreement:manage', agreementPartyResource(p)))
    .map((p) => (p === a ? 'A' : 'B') as PartyKey);
  // What the reader could do now, and why not where the rules would refuse it.
  const edit = planEdit(state);
  const signVerdict = (party: PartyKey) => checkSign(state, party);
  const whyNot: { edit?: Refusal; signA?: Refusal; signB?: Refusal } = {};
  if (canManage.length > 0 && 'ok' in edit) whyNot.edit = asRefusal(edit);
  for (const party of canManage) {
    const verdict = signVerdict(party);
    if (!verdict.ok) whyNot[party === 'A' ? 'signA' : 'signB'] = asRefusal(verdict);
  }
  return {
    id: row.id,
    status: row.status === 'terminated' ? ('terminated' as const) : status,
    partyA: a,
    partyB: b,
    programId: row.programId,
    programName,
    invented: row.invented,
    currentVersion: latest?.version ?? 1,
    versionInForce: inForce?.version ?? null,
    content: (latest?.content ?? {}) as AgreementContent,
    history,
    canManage,
    may: {
      edit: canManage.length > 0 && !('ok' in edit),
      signA: canManage.includes('A') && signVerdict('A').ok,
      signB: canManage.includes('B') && signVerdict('B').ok,
    },
    whyNot,
  };
}

export async function listAgreements(
  ctx: ServiceContext,
  filter: { party?: string; with?: string },
) {
  requireAccess(ctx, 'registry:read', { type: 'agreement' });
  const ids = await agreementIds(ctx.db, filter.party, filter.with);
  for (const id of ids) requireAccess(ctx, 'registry:read', { type: 'agreement', id });
  const items = await agreementViews(ctx, ids);
  return {
    items: items.map(({ history: _h, ...rest }) => rest),
  };
}

/** Every change makes a new version; a signed agreement changes only through an amendment. */
export async function updateAgreement(
  ctx: ServiceContext,
  id: string,
  input: { content: unknown; changeNote?: string },
) {
  const content = parseContent(input.content);
  const current = await getAgreement(ctx, id);
  requireParty(ctx, [current.partyA, current.partyB]);
  const { state } = await loadState(ctx.db, id);
  const plan = planEdit(state);
  if ('ok' in plan) throw conflict(asRefusal(plan));
  const version = current.currentVersion + 1;
  await ctx.db.transaction(async (tx) => {
    await insertAgreementVersion(tx, {
      agreementId: id,
      version,
      kind: plan.kind,
      content,
      createdBy: ctx.actor?.id ?? null,
      changeNote: input.changeNote ?? null,
    });
    await audit(tx, ctx, {
      action: plan.kind === 'amendment' ? 'agreement.amend' : 'agreement.edit',
      resourceType: 'agreement',
      resourceId: id,
      details: { version },
      before: { version: current.currentVersion, content: current.content },
      after: { version, content },
    });
  });
  return getAgreement(ctx, id);
}

/** A party signs the latest version; when both have signed it is in force. */
export async function signAgreement(
  ctx: ServiceContext,
  id: string,
  input: { party: PartyKey; signatory: string; signedOn: string },
) {
  const current = await getAgreement(ctx, id);
  const party = input.party === 'A' ? current.partyA : current.partyB;
  requireAccess(ctx, 'agreement:manage', agreementPartyResource(party), {
    doing: `sign for party ${input.party} (${party.name})`,
  });
  const { state } = await loadState(ctx.db, id);
  const verdict = checkSign(state, input.party);
  if (!verdict.ok) throw conflict(asRefusal(verdict));
  await ctx.db.transaction(async (tx) => {
    await insertSignature(tx, {
      agreementId: id,
      version: current.currentVersion,
      party: input.party,
      signatory: input.signatory,
      signedOn: input.signedOn,
      signedBy: ctx.actor?.id ?? null,
    });
    const after = await loadState(tx, id);
    const status = statusOn(after.state, todayOf(ctx));
    await setAgreementStatus(tx, id, status);
    await audit(tx, ctx, {
      action: 'agreement.sign',
      resourceType: 'agreement',
      resourceId: id,
      details: { version: current.currentVersion, party: input.party, signatory: input.signatory },
      before: { status: current.status },
      after: { status },
    });
  });
  return getAgreement(ctx, id);
}

async function membersOf(db: Db, party: PartyView): Promise<DatedMember[]> {
  if (party.type === 'institution') return [{ id: party.id, joinedOn: null, leftOn: null }];
  return membershipsOverTime(db, party.id);
}

/**
 * R4: the ledger between two parties, from our side's point of view and in our academic calendar.
 * The database counts the stays per direction, start month, length and state; the ledger is built
 * from these groups.
 */
async function ledgerBetween(
  db: Db,
  us: PartyView,
  them: PartyView,
  tolerance: Tolerance,
  agreementId?: string,
) {
  const groups = await ledgerStayGroups(db, await membersOf(db, us), await membersOf(db, them), {
    ...(agreementId ? { agreementId } : {}),
    excluded: CANCELLED,
  });
  const startMonth = startMonthFor(us.country ?? 'JP');
  return {
    ...buildLedgerFromGroups(
      groups.map((g) => ({
        outgoing: g.outgoing,
        startDate: g.startMonth,
        months: g.months,
        realised: REALISED.includes(g.status),
        students: g.students,
      })),
      startMonth,
      tolerance,
    ),
    calendar: { country: us.country, startMonth },
  };
}

/** R4: the program's tolerance when the agreement is under a program, else the agreement's own. */
async function toleranceFor(
  db: Db,
  programId: string | null,
  content: AgreementContent | null,
): Promise<Tolerance> {
  if (programId) {
    const rules = await storedProgramRules(db, programId);
    if (rules) {
      const t = parseProgramRules(rules).balanceTolerance;
      return { students: t.students, months: t.studentMonths };
    }
  }
  return content?.balanceTolerance ?? { students: 0, months: 0 };
}

export async function agreementBalance(ctx: ServiceContext, id: string, side: PartyKey = 'A') {
  requireAccess(ctx, 'registry:read', { type: 'agreement', id });
  const a = await getAgreement(ctx, id);
  const [us, them] = side === 'A' ? [a.partyA, a.partyB] : [a.partyB, a.partyA];
  const tolerance = await toleranceFor(ctx.db, a.programId, a.content);
  return {
    agreementId: id,
    side,
    us: { id: us.id, name: us.name, displayName: us.displayName },
    them: { id: them.id, name: them.name, displayName: them.displayName },
    ...(await ledgerBetween(ctx.db, us, them, tolerance, id)),
  };
}

export async function consortiumBalance(ctx: ServiceContext, id: string, withId: string) {
  requireAccess(ctx, 'registry:read', { type: 'consortium', id });
  const us = await loadParty(ctx.db, { type: 'consortium', id });
  const them = await loadParty(ctx.db, { type: 'consortium', id: withId });
  const agreement = await agreementBetween(ctx.db, id, withId);
  const tolerance = agreement
    ? await toleranceFor(ctx.db, agreement.programId, null)
    : { students: 0, months: 0 };
  return {
    consortiumId: id,
    withId,
    us: { id: us.id, name: us.name, displayName: us.displayName },
    them: { id: them.id, name: them.name, displayName: them.displayName },
    ...(await ledgerBetween(ctx.db, us, them, tolerance)),
  };
}

/** May the actor propose an agreement for some party it represents (policy `agreement:manage`)? */
export function mayProposeAgreements(actor: ServiceContext['actor']): boolean {
  if (!actor) return false;
  const scopes = actor.roles.map((r) => r.scopeId);
  return can(actor, 'agreement:manage', {
    type: 'agreement',
    institutionIds: scopes,
    consortiumIds: scopes,
  });
}
