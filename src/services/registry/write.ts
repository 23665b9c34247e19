import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  consortia,
  consortiumMembers,
  institutions,
  membershipProposals,
  orgUnits,
} from '#src/db/schema.ts';
import { membershipsOfInForce } from '#src/db/queries/memberships.ts';
import {
  bothSides,
  checkAnswer,
  proposingSide,
  type ProposalAnswer,
  type ProposalSide,
  type ProposalStatus,
  type Sides,
} from '#src/domain/registry/membership.ts';
import { can } from '#src/domain/access/can.ts';
import {
  InstitutionInputSchema,
  InstitutionPatchSchema,
  OrgUnitInputSchema,
  validateInstitutionRows,
  type ORG_UNIT_KINDS,
  type RowError,
} from '#src/domain/registry/institution.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { consortiumNames, institutionNames, orgName } from '#src/db/queries/names.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import {
  AppError,
  conflict,
  fieldIssues,
  forbidden,
  invalidField,
  invalidInput,
  notFound,
} from '../errors.ts';
import { readTable, writeCsv, writeXlsx, type TabularFormat } from './tabular.ts';
import { getConsortium, getInstitution } from './queries.ts';
import type { TaskPool } from '../tasks/pool.ts';

function parseOr400<T>(
  schema: {
    safeParse(v: unknown):
      | { success: true; data: T }
      | {
          success: false;
          error: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] };
        };
  },
  input: unknown,
  root = 'body',
): T {
  const r = schema.safeParse(input);
  if (!r.success) {
    // The registry's own checks (SCHAC codes, country codes) keep their refusal codes.
    const issues = fieldIssues(r.error, root).map((issue, i) => {
      const own = r.error.issues[i]?.params as { code?: unknown } | undefined;
      return typeof own?.code === 'string' ? { ...issue, code: own.code, params: {} } : issue;
    });
    throw invalidInput(issues);
  }
  return r.data;
}

/**
 * An institution as an access resource: itself, and the consortia and associations it is a member
 * of today (an ended membership, or one not yet begun, gives their officers nothing).
 */
async function institutionResource(db: Db, id: string, today: string) {
  const memberships = await membershipsOfInForce(db, [id], today);
  return {
    type: 'institution',
    institutionIds: [id],
    consortiumIds: memberships.map((m) => m.consortiumId),
  };
}

/** What the reader may do on an institution's page (policy `registry:write`). */
export async function mayOnInstitution(ctx: ServiceContext, id: string) {
  const edit = can(
    ctx.actor,
    'registry:write',
    await institutionResource(ctx.db, id, todayOf(ctx)),
  );
  return { edit, addUnit: edit, join: sidesFor(ctx, null, id).institution };
}

/** What the reader may do on a consortium's page (policy `consortium:write`). */
export function mayOnConsortium(ctx: ServiceContext, id: string) {
  const editMembers = can(ctx.actor, 'consortium:write', {
    type: 'consortium',
    consortiumIds: [id],
  });
  // A coordinator may propose their own university; the consortium's side proposes any.
  const proposeOwn = (ctx.actor?.roles ?? []).some(
    (r) => r.role === 'coordinator' && r.scopeType === 'institution',
  );
  return { editMembers, propose: editMembers || proposeOwn };
}

/** May the actor add institutions, by hand or by import (policy `registry:create`)? */
export const mayCreateInstitutions = (actor: ServiceContext['actor']) =>
  can(actor, 'registry:create', { type: 'institution' });

/** One institution with what the reader may do on it. */
export async function institutionDetail(ctx: ServiceContext, id: string) {
  const detail = await getInstitution(ctx.db, id);
  return {
    ...detail,
    may: await mayOnInstitution(ctx, id),
    proposals: await openProposals(ctx, { institutionId: id }),
  };
}

/** One consortium on a date with what the reader may do on it. */
export async function consortiumDetail(ctx: ServiceContext, id: string, onDate: string) {
  const detail = await getConsortium(ctx.db, id, onDate);
  return {
    ...detail,
    may: mayOnConsortium(ctx, id),
    proposals: await openProposals(ctx, { consortiumId: id }),
  };
}

export async function createInstitution(ctx: ServiceContext, input: unknown) {
  if (!can(ctx.actor, 'registry:create', { type: 'institution' }))
    throw forbidden('add institutions');
  const data = parseOr400(InstitutionInputSchema, input);
  const [existing] = await ctx.db
    .select({ id: institutions.id, name: institutions.name, names: institutions.names })
    .from(institutions)
    .where(eq(institutions.id, data.id));
  if (existing)
    throw conflict(
      refusal(
        'registry.id_taken',
        { name: orgName(existing.name, existing.names) },
        { field: 'body.id' },
      ),
      `body.id: "${data.id}" already exists`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(institutions)
      .values({ ...data, names: data.names, website: data.website ?? null });
    await audit(tx, ctx, {
      action: 'institution.create',
      resourceType: 'institution',
      resourceId: data.id,
      after: { ...data, website: data.website ?? null },
    });
  });
  return institutionDetail(ctx, data.id);
}

export async function updateInstitution(ctx: ServiceContext, id: string, input: unknown) {
  const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, id));
  if (!row) throw notFound('institution', id);
  if (!can(ctx.actor, 'registry:write', await institutionResource(ctx.db, id, todayOf(ctx)))) {
    throw forbidden(`edit ${row.name}`);
  }
  const parsed = parseOr400(InstitutionPatchSchema, input);
  // Only the fields the request names change (schema defaults must not overwrite the rest).
  const given = typeof input === 'object' && input !== null ? Object.keys(input) : [];
  const patch = Object.fromEntries(
    Object.entries(parsed).filter(([k]) => given.includes(k)),
  ) as Partial<typeof parsed>;
  if (patch.names) patch.names = { ...row.names, ...stripUndefined(patch.names) };
  const changes = { ...patch, website: patch.website ?? row.website };
  await ctx.db.transaction(async (tx) => {
    await tx.update(institutions).set(changes).where(eq(institutions.id, id));
    await audit(tx, ctx, {
      action: 'institution.update',
      resourceType: 'institution',
      resourceId: id,
      before: row,
      after: { ...row, ...changes },
    });
  });
  return institutionDetail(ctx, id);
}

export async function addOrgUnit(ctx: ServiceContext, institutionId: string, input: unknown) {
  const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, institutionId));
  if (!row) throw notFound('institution', institutionId);
  if (
    !can(
      ctx.actor,
      'registry:write',
      await institutionResource(ctx.db, institutionId, todayOf(ctx)),
    )
  ) {
    throw forbidden(`edit ${row.name}`);
  }
  const data = parseOr400(OrgUnitInputSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx
      .insert(orgUnits)
      .values({ institutionId, ...data, parentId: data.parentId ?? null })
      .returning();
    await audit(tx, ctx, {
      action: 'org-unit.create',
      resourceType: 'institution',
      resourceId: institutionId,
      details: { unit: unit?.id },
    });
    return { ...unit!, kind: unit!.kind as OrgUnitKind };
  });
}

type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export async function listOrgUnits(db: Db, institutionId: string) {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.institutionId, institutionId))
    .orderBy(orgUnits.kind, orgUnits.name);
  return rows.map((r) => ({ ...r, kind: r.kind as OrgUnitKind }));
}

/** The sides of a membership this actor speaks for (an administrator speaks for both). */
function sidesFor(ctx: ServiceContext, consortiumId: string | null, institutionId: string): Sides {
  return {
    consortium:
      consortiumId !== null &&
      can(ctx.actor, 'consortium:write', { type: 'consortium', consortiumIds: [consortiumId] }),
    institution: can(ctx.actor, 'institution:join', {
      type: 'institution',
      institutionIds: [institutionId],
    }),
  };
}

type ProposalRow = typeof membershipProposals.$inferSelect;

/** Open proposals of a consortium or of an institution, each shown only to those on its sides. */
async function openProposals(
  ctx: ServiceContext,
  filter: { consortiumId: string } | { institutionId: string },
) {
  if (!ctx.actor) return [];
  const rows = await ctx.db
    .select()
    .from(membershipProposals)
    .where(
      and(
        eq(membershipProposals.status, 'proposed'),
        'consortiumId' in filter
          ? eq(membershipProposals.consortiumId, filter.consortiumId)
          : eq(membershipProposals.institutionId, filter.institutionId),
      ),
    )
    .orderBy(desc(membershipProposals.createdAt));
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

/** The membership in force or still to come (not yet left) of an institution in a consortium. */
async function openMembership(db: Db, consortiumId: string, institutionId: string) {
  const [current] = await db
    .select()
    .from(consortiumMembers)
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.institutionId, institutionId),
        isNull(consortiumMembers.leftOn),
      ),
    );
  return current ?? null;
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
  const [c] = await ctx.db.select().from(consortia).where(eq(consortia.id, consortiumId));
  if (!c) throw notFound('consortium', consortiumId);
  const [i] = await ctx.db
    .select()
    .from(institutions)
    .where(eq(institutions.id, input.institutionId));
  if (!i) throw notFound('institution', input.institutionId);
  const sides = sidesFor(ctx, consortiumId, input.institutionId);
  const side = proposingSide(sides);
  if (!side) throw forbidden(`propose members of ${c.name}`);
  const current = await openMembership(ctx.db, consortiumId, input.institutionId);
  if (current)
    throw conflict(
      refusal('registry.already_member', {
        institution: orgName(i.name, i.names),
        since: current.joinedOn,
      }),
      `${i.name} is already a member since ${current.joinedOn}`,
    );
  const [open] = await ctx.db
    .select({ id: membershipProposals.id })
    .from(membershipProposals)
    .where(
      and(
        eq(membershipProposals.consortiumId, consortiumId),
        eq(membershipProposals.institutionId, input.institutionId),
        eq(membershipProposals.status, 'proposed'),
      ),
    );
  if (open)
    throw conflict(
      refusal('registry.already_proposed', { institution: orgName(i.name, i.names) }),
      `a membership of ${i.name} is already proposed`,
    );
  const atOnce = bothSides(sides);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(membershipProposals)
      .values({
        consortiumId,
        institutionId: input.institutionId,
        joinedOn: input.joinedOn,
        proposedBy: side,
        proposedByUserId: ctx.actor?.id ?? null,
        status: atOnce ? 'accepted' : 'proposed',
        decidedByUserId: atOnce ? (ctx.actor?.id ?? null) : null,
        decidedAt: atOnce ? ctx.clock.now() : null,
      })
      .returning({ id: membershipProposals.id });
    await audit(tx, ctx, {
      action: 'consortium.member-propose',
      resourceType: 'consortium',
      resourceId: consortiumId,
      details: { proposal: row!.id, side },
      after: {
        institutionId: input.institutionId,
        joinedOn: input.joinedOn,
        status: atOnce ? 'accepted' : 'proposed',
      },
    });
    if (atOnce) await join(tx, ctx, consortiumId, input.institutionId, input.joinedOn);
    return row!.id;
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
  await tx.insert(consortiumMembers).values({ consortiumId, institutionId, joinedOn });
  await audit(tx, ctx, {
    action: 'consortium.member-join',
    resourceType: 'consortium',
    resourceId: consortiumId,
    details: { institutionId },
    after: { institutionId, joinedOn },
  });
}

async function proposalView(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(membershipProposals)
    .where(eq(membershipProposals.id, id));
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
  const [row] = /^[0-9a-f-]{36}$/i.test(proposalId)
    ? await ctx.db
        .select()
        .from(membershipProposals)
        .where(
          and(
            eq(membershipProposals.id, proposalId),
            eq(membershipProposals.consortiumId, consortiumId),
          ),
        )
    : [];
  if (!row) throw notFound('membership proposal', proposalId);
  const sides = sidesFor(ctx, row.consortiumId, row.institutionId);
  // Someone on neither side learns nothing of the proposal.
  if (!sides.consortium && !sides.institution) throw notFound('membership proposal', proposalId);
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
    const claimed = await tx
      .update(membershipProposals)
      .set({
        status: ANSWERED[answer],
        decidedByUserId: ctx.actor?.id ?? null,
        decidedAt: ctx.clock.now(),
      })
      .where(and(eq(membershipProposals.id, row.id), eq(membershipProposals.status, 'proposed')))
      .returning({ id: membershipProposals.id });
    if (claimed.length === 0)
      throw conflict(refusal('registry.proposal_closed', { status: 'answered' }));
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
  const sides = sidesFor(ctx, consortiumId, institutionId);
  if (!sides.consortium && !sides.institution) {
    throw forbidden('change the members of this consortium');
  }
  const current = await openMembership(ctx.db, consortiumId, institutionId);
  if (!current) throw notFound('membership', `${consortiumId}/${institutionId}`);
  if (leftOn < current.joinedOn)
    throw invalidField(
      'body.leftOn',
      refusal('registry.left_before_joined', { joinedOn: current.joinedOn }),
      `before the joining date ${current.joinedOn}`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(consortiumMembers)
      .set({ leftOn })
      .where(
        and(
          eq(consortiumMembers.consortiumId, consortiumId),
          eq(consortiumMembers.institutionId, institutionId),
          eq(consortiumMembers.joinedOn, current.joinedOn),
        ),
      );
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

export const INSTITUTION_COLUMNS = [
  'id',
  'name',
  'names.en',
  'names.ja',
  'names.ru',
  'names.fr',
  'type',
  'country',
  'city',
  'latitude',
  'longitude',
  'website',
];

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
}

/**
 * Imports institutions from CSV or XLSX: every row is checked first; when any row is invalid,
 * nothing is written and each bad row is reported with its line and field. Otherwise all rows
 * are created or updated in one transaction. Updating needs edit rights on that institution.
 */
export async function importInstitutions(
  ctx: ServiceContext,
  bytes: Buffer,
  format: TabularFormat,
  options: { dryRun?: boolean; tasks?: TaskPool } = {},
): Promise<ImportReport> {
  if (!can(ctx.actor, 'registry:create', { type: 'institution' }))
    throw forbidden('import institutions');
  const rows = await readTable(
    bytes,
    format,
    options.tasks ? { pool: options.tasks, owner: ctx.actor?.id ?? 'anonymous' } : undefined,
  );
  if (rows.length === 0)
    throw invalidField('file', refusal('registry.import_empty'), 'no rows after the header');
  const missing = ['id', 'name', 'type', 'country', 'city'].filter((c) => !(c in (rows[0] ?? {})));
  if (missing.length) {
    const error = invalidField(
      'file',
      refusal('registry.import_missing_columns', { columns: missing }),
      `missing columns ${missing.join(', ')}`,
    );
    Object.assign(error.details, { missing });
    throw error;
  }
  const ids = rows
    .map((r) =>
      String(r.id ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  const existing = ids.length
    ? new Set(
        (
          await ctx.db
            .select({ id: institutions.id })
            .from(institutions)
            .where(inArray(institutions.id, ids))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const { ok, errors } = validateInstitutionRows(rows, existing);
  for (const [index, row] of ok.entries()) {
    if (
      existing.has(row.id) &&
      !can(ctx.actor, 'registry:write', await institutionResource(ctx.db, row.id, todayOf(ctx)))
    ) {
      const [stored] = await ctx.db
        .select({ name: institutions.name, names: institutions.names })
        .from(institutions)
        .where(eq(institutions.id, row.id));
      errors.push({
        line: index + 2,
        field: 'id',
        code: 'registry.import_not_editable',
        params: { name: stored ? orgName(stored.name, stored.names) : { en: row.name } },
        message: `you may not edit "${row.id}"`,
      });
    }
  }
  const report = {
    dryRun: options.dryRun ?? false,
    rows: rows.length,
    created: 0,
    updated: 0,
    errors: errors.sort((a, b) => a.line - b.line),
  };
  if (errors.length) {
    // Each bad row as a field issue (`file[4].id`), with the whole report beside them.
    const error = invalidInput(
      report.errors.map((e) => ({
        field: `file[${e.line}].${e.field}`,
        code: e.code,
        params: e.params,
        message: e.message,
      })),
    );
    Object.assign(error.details, report);
    throw error;
  }
  if (options.dryRun)
    return {
      ...report,
      created: ok.filter((r) => !existing.has(r.id)).length,
      updated: ok.filter((r) => existing.has(r.id)).length,
    };
  await ctx.db.transaction(async (tx) => {
    for (const row of ok) {
      const values = { ...row, website: row.website ?? null };
      if (existing.has(row.id)) {
        // Cells left empty keep what is stored; given cells replace it.
        const [before] = await tx.select().from(institutions).where(eq(institutions.id, row.id));
        const change = {
          name: row.name,
          names: { ...before?.names, ...stripUndefined(row.names) },
          type: row.type,
          country: row.country,
          city: row.city,
          latitude: row.latitude ?? before?.latitude ?? null,
          longitude: row.longitude ?? before?.longitude ?? null,
          website: row.website ?? before?.website ?? null,
        };
        await tx.update(institutions).set(change).where(eq(institutions.id, row.id));
        await audit(tx, ctx, {
          action: 'institution.update',
          resourceType: 'institution',
          resourceId: row.id,
          details: { via: 'import' },
          before: before ?? null,
          after: { ...before, ...change },
        });
        report.updated++;
      } else {
        await tx.insert(institutions).values(values);
        await audit(tx, ctx, {
          action: 'institution.create',
          resourceType: 'institution',
          resourceId: row.id,
          details: { via: 'import' },
          after: values,
        });
        report.created++;
      }
    }
    await audit(tx, ctx, {
      action: 'institution.import',
      resourceType: 'institution',
      resourceId: '*',
      details: { rows: rows.length, created: report.created, updated: report.updated, format },
    });
  });
  return report;
}

export async function exportInstitutions(db: Db, format: TabularFormat): Promise<Buffer> {
  const rows = await db
    .select()
    .from(institutions)
    .where(eq(institutions.invented, false))
    .orderBy(institutions.id);
  const flat = rows.map((r) => ({
    id: r.id,
    name: r.name,
    'names.en': r.names.en ?? '',
    'names.ja': r.names.ja ?? '',
    'names.ru': r.names.ru ?? '',
    'names.fr': r.names.fr ?? '',
    type: r.type,
    country: r.country,
    city: r.city,
    latitude: r.latitude ?? '',
    longitude: r.longitude ?? '',
    website: r.website ?? '',
  }));
  return format === 'csv'
    ? writeCsv(INSTITUTION_COLUMNS, flat)
    : writeXlsx('institutions', INSTITUTION_COLUMNS, flat);
}

export const MEMBER_COLUMNS = ['consortium', 'institution', 'joinedOn', 'leftOn'];

export async function exportMembers(
  db: Db,
  consortiumId: string,
  format: TabularFormat,
): Promise<Buffer> {
  const rows = await db
    .select()
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId))
    .orderBy(consortiumMembers.institutionId);
  const flat = rows.map((r) => ({
    consortium: r.consortiumId,
    institution: r.institutionId,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn ?? '',
  }));
  return format === 'csv'
    ? writeCsv(MEMBER_COLUMNS, flat)
    : writeXlsx('members', MEMBER_COLUMNS, flat);
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
