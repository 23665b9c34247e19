/**
 * The student portal: apply to an open call with a ranked list of hosts (checked by
 * src/domain/eligibility with a reason for every refusal: R3, R9, R12, R18, consortium, enrolment,
 * language), see one's applications, withdraw until the deadline (R18), and upload the documents
 * the call asks for. A refusal stores nothing.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  applicationDocuments,
  callApplications,
  institutions,
  studentProfiles,
  users,
} from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import {
  checkEligibility,
  makeReason,
  validateRanking,
  type EligibilityResult,
  type EligibilityStudent,
} from '#src/domain/eligibility/index.ts';
import { institutionName, institutionNames, personName } from '#src/db/queries/names.ts';
import type { Mailer } from '../notify/mailer.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import {
  documentsOf,
  loadCall,
  loadProgramRules,
  loadSendingConsortia,
  mayReadApplicants,
  toEligibilityCall,
  toEligibilityRules,
  todayOn,
  usersWithRole,
  type CallRow,
} from './load.ts';

export type AppRow = typeof callApplications.$inferSelect;

/** What is kept of the check at submission: the hosts open to the student, R9 and the profile. */
export interface StoredEligibility {
  checkedOn: string;
  eligibleHosts: string[];
  hosts: EligibilityResult['hosts'];
  funding: EligibilityResult['funding'];
  grade: { scale: string; value: number } | null;
  level: string;
}

export const storedEligibility = (row: AppRow) =>
  (row.eligibility ?? {
    checkedOn: '',
    eligibleHosts: [],
    hosts: [],
    funding: null,
    grade: null,
    level: '',
  }) as unknown as StoredEligibility;

/** Coordinators of the student's home (and, for staff notices, of the ranked hosts). */
async function coordinatorsOf(db: Db, institutionIds: readonly string[]) {
  return usersWithRole(db, 'coordinator', institutionIds);
}

async function sendAfter(mailer: Mailer | null, sends: ((m: Mailer | null) => Promise<void>)[]) {
  for (const send of sends) await send(mailer);
}

async function studentOf(db: Db, userId: string) {
  const [profile] = await db
    .select()
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  if (!profile) {
    throw new AppError('conflict', 'your student profile is missing: ask your home university', {
      field: 'profile',
    });
  }
  const [home] = await db.select().from(institutions).where(eq(institutions.id, profile.homeId));
  return { profile, country: home?.country ?? 'XX' };
}

/** The student's profile as the eligibility check reads it. */
export async function getMyProfile(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const [profile] = await ctx.db
    .select()
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, ctx.actor.id));
  if (!profile) throw notFound('student profile', ctx.actor.id);
  const { invented: _i, userId: _u, ...rest } = profile;
  return {
    ...rest,
    grade: profile.grade
      ? { scale: profile.grade.scale, value: Number(profile.grade.value) }
      : null,
  };
}

/**
 * Applies to a call. A ranking with a host outside the call, a duplicate or more than the call's
 * maximum is a 400 naming the position (`body.ranking[2]`); an ineligible student is a 422 with
 * every reason (rule ids and codes); either way nothing is stored.
 */
export async function applyToCall(
  ctx: ServiceContext,
  mailer: Mailer | null,
  callId: string,
  input: { ranking: string[]; requestedMonths: number },
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  if (!can(actor, 'call:apply', { type: 'application', ownerUserId: actor.id }))
    throw forbidden('apply to calls (students only)');
  const row = await loadCall(ctx.db, callId);
  if (row.status !== 'published') throw notFound('call', callId);
  const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
  const call = toEligibilityCall(row, sending);

  const ranking = validateRanking(input.ranking, call);
  if (!ranking.ok) {
    const issues = ranking.errors.map((e) => ({
      field: e.position === 0 ? 'body.ranking' : `body.ranking[${e.position - 1}]`,
      message: e.message,
      code: e.code,
      params: e.params,
    }));
    throw new AppError('validation_failed', `${issues[0]?.field}: ${issues[0]?.message}`, {
      issues,
    });
  }

  const programRules = await loadProgramRules(ctx.db, row);
  const today = todayOn(programRules.call.utcOffset);
  const { profile, country } = await studentOf(ctx.db, actor.id);
  const student: EligibilityStudent = {
    id: actor.id,
    home: { institutionId: profile.homeId, country },
    level: profile.level as EligibilityStudent['level'],
    enrolment: {
      status: profile.enrolmentStatus as EligibilityStudent['enrolment']['status'],
      until: profile.enrolmentUntil,
    },
    residenceStatus: profile.residenceStatus,
    languages: profile.languages as EligibilityStudent['languages'],
    requestedMonths: input.requestedMonths,
    ranking: ranking.ranking,
  };
  const result = checkEligibility(student, call, toEligibilityRules(programRules), today);
  if (!result.eligible) {
    const rules = [...new Set(result.reasons.map((r) => r.rule))];
    throw new AppError(
      'rule_violation',
      result.reasons.map((r) => `${r.rule}: ${r.message}`).join(' '),
      {
        rules,
        reasons: result.reasons.map((r) => ({
          rule: r.rule,
          code: r.code,
          message: r.message,
          params: r.params,
        })),
      },
    );
  }

  const [existing] = await ctx.db
    .select()
    .from(callApplications)
    .where(and(eq(callApplications.callId, callId), eq(callApplications.studentUserId, actor.id)));
  if (existing && existing.status !== 'withdrawn') {
    throw new AppError('conflict', 'you have already applied to this call', {
      application: existing.id,
    });
  }
  const eligibility: StoredEligibility = {
    checkedOn: today,
    eligibleHosts: result.eligibleHosts,
    hosts: result.hosts,
    funding: result.funding,
    grade: profile.grade
      ? { scale: profile.grade.scale, value: Number(profile.grade.value) }
      : null,
    level: profile.level,
  };
  const sends: ((m: Mailer | null) => Promise<void>)[] = [];
  const id = await ctx.db.transaction(async (tx) => {
    const fields = {
      homeId: profile.homeId,
      ranking: ranking.ranking,
      requestedMonths: input.requestedMonths,
      status: 'submitted',
      eligibility: eligibility as unknown as Record<string, unknown>,
      submittedAt: new Date(),
      withdrawnAt: null,
    };
    let appId: string;
    if (existing) {
      await tx.update(callApplications).set(fields).where(eq(callApplications.id, existing.id));
      appId = existing.id;
    } else {
      const [created] = await tx
        .insert(callApplications)
        .values({ callId, studentUserId: actor.id, ...fields })
        .returning({ id: callApplications.id });
      if (!created) throw new AppError('internal', 'could not save the application');
      appId = created.id;
    }
    await audit(tx, ctx, {
      action: 'call_application.submit',
      resourceType: 'call_application',
      resourceId: appId,
      details: { call: callId, ranking: ranking.ranking },
    });
    const data = { application: appId, call: callId, status: 'submitted' };
    const hostNames = await institutionNames(tx, ranking.ranking);
    const params = {
      call: row.title,
      student: await personName(tx, actor.id),
      home: await institutionName(tx, profile.homeId),
      hosts: ranking.ranking.map((h) => hostNames.get(h) ?? { en: h }),
      closes: row.closes,
    };
    sends.push(
      await notify(tx, [actor.id], { type: 'application.submitted', params, data }),
      await notify(tx, await coordinatorsOf(tx, [profile.homeId]), {
        type: 'application.submitted_home',
        params,
        data,
      }),
    );
    return appId;
  });
  await sendAfter(mailer, sends);
  return getApplication(ctx, id);
}

async function documentsMeta(db: Db, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      id: applicationDocuments.id,
      applicationId: applicationDocuments.applicationId,
      kind: applicationDocuments.kind,
      filename: applicationDocuments.filename,
      contentType: applicationDocuments.contentType,
      size: applicationDocuments.size,
      sha256: applicationDocuments.sha256,
      uploadedAt: applicationDocuments.uploadedAt,
    })
    .from(applicationDocuments)
    .where(inArray(applicationDocuments.applicationId, [...applicationIds]))
    .orderBy(asc(applicationDocuments.uploadedAt));
}

type DocMeta = Awaited<ReturnType<typeof documentsMeta>>[number];

function view(row: AppRow, call: CallRow, docs: DocMeta[], today: string) {
  const e = storedEligibility(row);
  return {
    id: row.id,
    callId: row.callId,
    callTitle: call.title,
    closes: call.closes,
    homeId: row.homeId,
    ranking: row.ranking,
    requestedMonths: row.requestedMonths,
    status: row.status,
    eligibleHosts: e.eligibleHosts,
    hostReasons: e.hosts
      .filter((h) => !h.eligible)
      .map((h) => ({
        host: h.host,
        reasons: h.reasons.map((r) => ({
          rule: r.rule,
          code: r.code,
          message: r.message,
          params: r.params,
        })),
      })),
    funded: e.funding?.entitled ?? false,
    submittedAt: row.submittedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    mayWithdraw: row.status !== 'withdrawn' && today <= call.closes,
    documentsRequired: documentsOf(call),
    documents: docs
      .filter((d) => d.applicationId === row.id)
      .map(({ applicationId: _a, uploadedAt, ...d }) => ({
        ...d,
        uploadedAt: uploadedAt.toISOString(),
      })),
  };
}

async function loadApplication(db: Db, id: string) {
  const [row] = await db.select().from(callApplications).where(eq(callApplications.id, id));
  if (!row) throw notFound('application', id);
  return row;
}

/** Owner, or staff of the call (managers, scorers). Anyone else: 404, not revealing it exists. */
async function requireRead(ctx: ServiceContext, row: AppRow) {
  const call = await loadCall(ctx.db, row.callId);
  if (ctx.actor?.id === row.studentUserId) return { call, owner: true };
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  if (
    mayReadApplicants(ctx.actor, call, sending) ||
    can(ctx.actor, 'call:manage', { type: 'application', institutionIds: [row.homeId] })
  )
    return { call, owner: false };
  throw notFound('application', row.id);
}

async function todayFor(db: Db, call: CallRow) {
  const rules = await loadProgramRules(db, call).catch(() => null);
  return todayOn(rules?.call.utcOffset ?? '+09:00');
}

export async function getApplication(ctx: ServiceContext, id: string) {
  const row = await loadApplication(ctx.db, id);
  const { call } = await requireRead(ctx, row);
  return view(row, call, await documentsMeta(ctx.db, [row.id]), await todayFor(ctx.db, call));
}

/** The signed-in student's applications, newest first. */
export async function myApplications(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const rows = await ctx.db
    .select()
    .from(callApplications)
    .where(eq(callApplications.studentUserId, ctx.actor.id))
    .orderBy(desc(callApplications.submittedAt));
  const docs = await documentsMeta(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const row of rows) {
    const call = await loadCall(ctx.db, row.callId);
    items.push(view(row, call, docs, await todayFor(ctx.db, call)));
  }
  return { items };
}

/** R18: the student withdraws until the call's deadline (inclusive). */
export async function withdrawApplication(ctx: ServiceContext, mailer: Mailer | null, id: string) {
  const row = await loadApplication(ctx.db, id);
  if (ctx.actor?.id !== row.studentUserId) {
    await requireRead(ctx, row);
    throw forbidden('withdraw another student’s application');
  }
  const call = await loadCall(ctx.db, row.callId);
  const today = await todayFor(ctx.db, call);
  if (row.status === 'withdrawn') throw new AppError('conflict', 'already withdrawn');
  if (today > call.closes) {
    const reason = makeReason('call_closed', { closes: call.closes });
    throw new AppError('rule_violation', `R18: ${reason.message} It can no longer be withdrawn.`, {
      rules: ['R18'],
      reasons: [
        { rule: reason.rule, code: reason.code, message: reason.message, params: reason.params },
      ],
    });
  }
  const sends: ((m: Mailer | null) => Promise<void>)[] = [];
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(callApplications)
      .set({ status: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(callApplications.id, id));
    await audit(tx, ctx, {
      action: 'call_application.withdraw',
      resourceType: 'call_application',
      resourceId: id,
    });
    const data = { application: id, call: call.id, status: 'withdrawn' };
    const params = {
      call: call.title,
      student: await personName(tx, row.studentUserId),
      home: await institutionName(tx, row.homeId),
    };
    sends.push(
      await notify(tx, [row.studentUserId], { type: 'application.withdrawn', params, data }),
      await notify(tx, await coordinatorsOf(tx, [row.homeId]), {
        type: 'application.withdrawn_home',
        params,
        data,
      }),
    );
  });
  await sendAfter(mailer, sends);
  return getApplication(ctx, id);
}

// ---------------------------------------------------------------- documents

/** Largest document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Record<string, { label: string; magic: number[]; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', magic: [...Buffer.from('%PDF-')], extensions: ['.pdf'] },
  'image/png': {
    label: 'PNG',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    extensions: ['.png'],
  },
  'image/jpeg': { label: 'JPEG', magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
};
export const ACCEPTED_TYPES = Object.keys(SIGNATURES);

const SCRIPT_NAME = /\.(js|mjs|cjs|html?|xhtml|svg|php|exe|bat|cmd|sh|vbs|jar)(\.|$)/i;

/** Why a file name is refused, or null. */
export function filenameProblem(name: string): string | null {
  if (name.trim() === '') return 'the file needs a name';
  if (name.length > 200) return 'the file name is longer than 200 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the file name contains control characters';
  if (/[/\\]/.test(name) || name.includes('..'))
    return 'the file name contains a path; send the name only';
  if (/<\s*script/i.test(name) || SCRIPT_NAME.test(name))
    return 'the file name looks like a script or web page (.js, .html, <script>); send a PDF, PNG or JPEG';
  return null;
}

/** Upload of one document (raw body); replaces an earlier document of the same kind. */
export async function uploadDocument(
  ctx: ServiceContext,
  id: string,
  input: { kind: string; filename: string; contentType: string; body: Buffer },
) {
  const row = await loadApplication(ctx.db, id);
  if (ctx.actor?.id !== row.studentUserId) {
    await requireRead(ctx, row);
    throw forbidden('upload documents to another student’s application');
  }
  const call = await loadCall(ctx.db, row.callId);
  const kinds = documentsOf(call).map((d) => d.kind);
  if (!kinds.includes(input.kind)) {
    throw new AppError(
      'validation_failed',
      `query.kind: this call asks for ${kinds.join(', ') || 'no documents'}, not "${input.kind}"`,
      { field: 'query.kind', allowed: kinds },
    );
  }
  const nameProblem = filenameProblem(input.filename);
  if (nameProblem) {
    throw new AppError('validation_failed', `query.filename: ${nameProblem}`, {
      field: 'query.filename',
    });
  }
  const type = (input.contentType.split(';')[0] ?? '').trim().toLowerCase();
  const signature = SIGNATURES[type];
  if (!signature) {
    throw new AppError(
      'unsupported_media_type',
      `a document must be a PDF, PNG or JPEG file, not "${type || 'unknown'}"`,
      { field: 'headers.content-type', accepted: ACCEPTED_TYPES },
    );
  }
  const body = input.body;
  if (body.length === 0)
    throw new AppError('validation_failed', 'body: the file is empty', { field: 'body' });
  if (body.length > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'validation_failed',
      `body: the file is ${body.length} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (5 MB)`,
      { field: 'body', limit: MAX_DOCUMENT_BYTES },
    );
  }
  if (!signature.magic.every((b, i) => body[i] === b)) {
    throw new AppError(
      'unsupported_media_type',
      `the file is declared as ${signature.label} but its content is not ${signature.label}`,
      { field: 'body', accepted: ACCEPTED_TYPES },
    );
  }
  if (!signature.extensions.some((e) => input.filename.toLowerCase().endsWith(e))) {
    throw new AppError(
      'validation_failed',
      `query.filename: a ${signature.label} file name ends with ${signature.extensions.join(' or ')}`,
      { field: 'query.filename' },
    );
  }
  if (/<\s*script/i.test(body.toString('latin1'))) {
    throw new AppError('validation_failed', 'body: the file contains a script (<script>)', {
      field: 'body',
    });
  }
  const today = await todayFor(ctx.db, call);
  if (row.status === 'withdrawn') throw new AppError('conflict', 'the application is withdrawn');
  if (today > call.closes) {
    throw new AppError('rule_violation', `R18: the call closed on ${call.closes}`, {
      rules: ['R18'],
    });
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const docId = await ctx.db.transaction(async (tx) => {
    await tx
      .delete(applicationDocuments)
      .where(
        and(eq(applicationDocuments.applicationId, id), eq(applicationDocuments.kind, input.kind)),
      );
    const [doc] = await tx
      .insert(applicationDocuments)
      .values({
        applicationId: id,
        kind: input.kind,
        filename: input.filename,
        contentType: type,
        size: body.length,
        sha256,
        data: body,
      })
      .returning({ id: applicationDocuments.id });
    if (!doc) throw new AppError('internal', 'could not store the document');
    await audit(tx, ctx, {
      action: 'call_application.document',
      resourceType: 'call_application',
      resourceId: id,
      details: { kind: input.kind, sha256, size: body.length },
    });
    return doc.id;
  });
  const [meta] = (await documentsMeta(ctx.db, [id])).filter((d) => d.id === docId);
  if (!meta) throw new AppError('internal', 'document lost');
  const { applicationId: _a, uploadedAt, ...rest } = meta;
  return { ...rest, uploadedAt: uploadedAt.toISOString() };
}

/** The file, for its owner and the call's staff only. */
export async function downloadDocument(ctx: ServiceContext, id: string, docId: string) {
  const row = await loadApplication(ctx.db, id);
  await requireRead(ctx, row);
  const [doc] = await ctx.db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, docId), eq(applicationDocuments.applicationId, id)));
  if (!doc) throw notFound('document', docId);
  return doc;
}

/** Applicants of a call for its staff (managers and scorers), with their documents. */
export async function callApplicants(ctx: ServiceContext, callId: string) {
  const call = await loadCall(ctx.db, callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  if (!mayReadApplicants(ctx.actor, call, sending))
    throw forbidden('see the applicants of this call');
  const rows = await ctx.db
    .select({ app: callApplications, name: users.displayName })
    .from(callApplications)
    .innerJoin(users, eq(users.id, callApplications.studentUserId))
    .where(eq(callApplications.callId, callId))
    .orderBy(asc(callApplications.submittedAt));
  const docs = await documentsMeta(
    ctx.db,
    rows.map((r) => r.app.id),
  );
  const today = await todayFor(ctx.db, call);
  return rows.map((r) => ({ ...view(r.app, call, docs, today), studentName: r.name }));
}
