/**
 * The student portal: apply to an open call with a ranked list of hosts (checked by
 * src/domain/eligibility with a reason for every refusal: R3, R9, R12, R18, consortium, enrolment,
 * language), see one's applications, withdraw until the deadline (R18), and upload the documents
 * the call asks for. A refusal stores nothing.
 */
import { todayOf } from '#src/services/clock.ts';
import { createHash } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import {
  applicantsPage,
  applicationOf,
  applicationsOfStudent,
  documentsMeta,
  findCallApplication,
  findDocument,
  findStudentProfile,
  hasStudentProfile,
  insertCallApplication,
  institutionCountry,
  replaceDocument,
  storedEligibility,
  updateCallApplication,
  type CallApplicationRow,
  type DocumentMeta as DocMeta,
  type EarlierApplicationVersion,
  type StoredEligibility,
} from '#src/db/queries/calls/applications.ts';
import {
  documentsOf,
  loadSendingConsortia,
  rubricOf,
  type CallRow,
} from '#src/db/queries/calls/calls.ts';
import {
  detachReviews,
  scorerInstitutions,
  usersWithRole,
} from '#src/db/queries/calls/screening.ts';
import {
  checkEligibility,
  effectiveStayRange,
  validateRanking,
  type EligibilityStudent,
  type EnrolmentStatus,
  type LanguageSkill,
  type SendingConsortium,
  type StudyLevel,
} from '#src/domain/eligibility/index.ts';
import {
  institutionName,
  institutionNames,
  personName,
  personNames,
} from '#src/db/queries/names.ts';
import { reviewerConflict } from '#src/domain/screening/conflict.ts';
import type { Mailer } from '../notify/mailer.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { can, ownResource, requireAccess } from '../access.ts';
import {
  AppError,
  conflict,
  forbidden,
  invalidField,
  invalidInput,
  notFound,
  ruleViolation,
} from '../errors.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { asRefusal, namedRefusals, namesFor, withNames } from './refusals.ts';
import { mayScore, requireCallStaff } from './access.ts';
import { loadCall, loadProgramRules, todayForCall } from './call-record.ts';
import { plainRubric, rubricConsent } from './consent.ts';
import { toEligibilityCall, toEligibilityRules } from './eligibility.ts';
import { LIMITS } from '../limits.ts';

export type AppRow = CallApplicationRow;

/** submitted → in_screening → scored; or withdrawn by the student until the deadline (R18). */
export type ApplicationStatus = 'submitted' | 'in_screening' | 'scored' | 'withdrawn';

export { storedEligibility, type StoredEligibility };

/** Coordinators of the student's home (and, for staff notices, of the ranked hosts). */
async function coordinatorsOf(db: Db, institutionIds: readonly string[]) {
  return usersWithRole(db, 'coordinator', institutionIds);
}

async function sendAfter(mailer: Mailer | null, sends: ((m: Mailer | null) => Promise<void>)[]) {
  for (const send of sends) await send(mailer);
}

async function studentOf(db: Db, userId: string) {
  const profile = await findStudentProfile(db, userId);
  if (!profile) {
    throw conflict(
      refusal('calls.profile_missing'),
      'your student profile is missing: ask your home university',
    );
  }
  return { profile, country: (await institutionCountry(db, profile.homeId)) ?? 'XX' };
}

/** The student's profile as the eligibility check reads it. */
export async function getMyProfile(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const profile = await findStudentProfile(ctx.db, ctx.actor.id);
  if (!profile) throw notFound('student profile', ctx.actor.id);
  const { invented: _i, userId: _u, ...rest } = profile;
  return {
    ...rest,
    home: await institutionName(ctx.db, profile.homeId),
    level: profile.level as StudyLevel,
    enrolmentStatus: profile.enrolmentStatus as EnrolmentStatus,
    languages: profile.languages as LanguageSkill[],
    grade: profile.grade
      ? { scale: profile.grade.scale, value: Number(profile.grade.value) }
      : null,
  };
}

/** What the call page tells a signed-in student before the application form. */
export interface ApplyEligibility {
  /** `applied`: an application not withdrawn exists; `ineligible`: `refusals` say why. */
  status: 'eligible' | 'ineligible' | 'applied';
  /** The day the check was made, on the program's clock (R18). */
  checkedOn: string;
  refusals: Refusal[];
  /** The application already made (not withdrawn), to link to instead of the form. */
  application: { id: string; submittedAt: string } | null;
  /** R12: the months the student may ask for — the program's range narrowed by the call's. */
  stay: { min: number; max: number } | null;
  /** R9: why the student, though they may apply, is not entitled to the support. */
  funding: Refusal[];
}

/**
 * What would refuse the signed-in student's application before they choose hosts and a stay: the
 * deadline (R18), an application already made, a missing profile, the checks of their profile as
 * their university records it (R3, R9, enrolment, consortium on the days it concerns), and — when
 * no host of the call is open to them — every host's reasons. `null` for non-students.
 */
export async function applyEligibility(
  ctx: ServiceContext,
  row: CallRow,
): Promise<ApplyEligibility | null> {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'call:apply', ownResource(actor.id, 'application'))) return null;
  const programRules = row.programId ? await loadProgramRules(ctx.db, row).catch(() => null) : null;
  // R18: the deadline is a day on the program's clock (Tokyo when the call has no program).
  const today = todayOf(ctx, programRules?.call.utcOffset ?? '+09:00');
  const base = { checkedOn: today, application: null, stay: null, funding: [] };
  const refused = (refusals: Refusal[]): ApplyEligibility => ({
    ...base,
    status: 'ineligible',
    refusals,
  });
  if (row.status !== 'published') return refused([]);
  const existing = await applicationOf(ctx.db, row.id, actor.id);
  if (existing && existing.status !== 'withdrawn') {
    const submittedAt = existing.submittedAt.toISOString();
    return {
      ...base,
      status: 'applied',
      refusals: [refusal('calls.already_applied', { call: row.title, submittedAt })],
      application: { id: existing.id, submittedAt },
    };
  }
  if (!programRules) return refused([refusal('calls.call_without_program', { call: row.title })]);
  if (!(await hasStudentProfile(ctx.db, actor.id))) {
    return refused([refusal('calls.profile_missing')]);
  }
  const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
  const call = toEligibilityCall(row, sending);
  const student = await eligibilityStudent(ctx.db, actor.id, [], 0);
  const rules = toEligibilityRules(programRules);
  const stay = effectiveStayRange(rules, call);
  // The stay and the hosts are the student's choice, checked when they apply: the probe asks for
  // the shortest stay allowed (the one that ends soonest, for the enrolment check) and ranks no
  // host, so that every host of the call is checked.
  const result = checkEligibility({ ...student, requestedMonths: stay.min }, call, rules, today);
  const noHost = result.eligibleHosts.length === 0;
  const own = result.reasons.filter(
    (r) => (noHost || !('host' in r.params)) && !r.code.startsWith('calls.stay_'),
  );
  const funding = result.funding?.entitled === false ? result.funding.reasons : [];
  const [refusals, fundingRefusals] = await Promise.all([
    namedRefusals(ctx.db, own),
    namedRefusals(
      ctx.db,
      funding.filter((f) => !own.some((r) => r.code === f.code)),
    ),
  ]);
  return {
    ...base,
    status: refusals.length === 0 ? 'eligible' : 'ineligible',
    refusals,
    stay,
    funding: fundingRefusals,
  };
}

/** The student's profile as the eligibility check reads it. */
async function eligibilityStudent(
  db: Db,
  userId: string,
  ranking: string[],
  requestedMonths: number,
): Promise<EligibilityStudent> {
  const { profile, country } = await studentOf(db, userId);
  return {
    id: userId,
    home: { institutionId: profile.homeId, country },
    level: profile.level as EligibilityStudent['level'],
    enrolment: {
      status: profile.enrolmentStatus as EligibilityStudent['enrolment']['status'],
      until: profile.enrolmentUntil,
    },
    residenceStatus: profile.residenceStatus,
    languages: profile.languages as EligibilityStudent['languages'],
    requestedMonths,
    ranking,
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
  requireAccess(ctx, 'call:apply', ownResource(actor.id, 'application'), {
    doing: 'apply to calls (students only)',
  });
  const row = await loadCall(ctx.db, callId);
  if (row.status !== 'published') throw notFound('call', callId);
  const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
  const call = toEligibilityCall(row, sending);

  const ranking = validateRanking(input.ranking, call);
  if (!ranking.ok) {
    const names = await namesFor(ctx.db, ranking.errors);
    throw invalidInput(
      ranking.errors.map((e) => ({
        field: e.position === 0 ? 'body.ranking' : `body.ranking[${e.position - 1}]`,
        message: e.message,
        code: e.code,
        params: withNames(asRefusal(e), names).params,
      })),
    );
  }

  const programRules = await loadProgramRules(ctx.db, row);
  const today = todayOf(ctx, programRules.call.utcOffset);
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
    throw ruleViolation(
      await namedRefusals(ctx.db, result.reasons),
      result.reasons.map((r) => (r.rule ? `${r.rule}: ${r.message}` : r.message)).join(' '),
    );
  }

  const existing = await applicationOf(ctx.db, callId, actor.id);
  if (existing && existing.status !== 'withdrawn') {
    throw conflict(
      refusal('calls.already_applied', {
        call: row.title,
        submittedAt: existing.submittedAt.toISOString(),
      }),
      'you have already applied to this call',
    );
  }
  // Applying again after withdrawing makes a fresh version: the earlier one is kept as it was.
  const earlier = existing ? storedEligibility(existing) : null;
  const version = earlier ? (earlier.version ?? 1) + 1 : 1;
  const eligibility: StoredEligibility = {
    version,
    earlierVersions: earlier?.earlierVersions ?? [],
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
      eligibility,
      submittedAt: ctx.clock.now(),
      withdrawnAt: null,
    };
    let appId: string;
    let earlierReviews = 0;
    if (existing) {
      // R6: the reviews judged the earlier version (its ranking, its months): they stay with it
      // only, and the new version waits for its own scores on the rank list.
      const reviews = await detachReviews(tx, existing.id);
      earlierReviews = reviews.length;
      const previous: EarlierApplicationVersion = {
        version: version - 1,
        ranking: existing.ranking,
        requestedMonths: existing.requestedMonths,
        eligibleHosts: storedEligibility(existing).eligibleHosts,
        submittedAt: existing.submittedAt.toISOString(),
        withdrawnAt: existing.withdrawnAt?.toISOString() ?? null,
        reviews: reviews.map((r) => ({
          reviewerUserId: r.reviewerUserId,
          reviewerInstitutionId: r.reviewerInstitutionId,
          scores: r.scores,
          comment: r.comment,
          createdAt: r.createdAt.toISOString(),
        })),
      };
      fields.eligibility = {
        ...eligibility,
        earlierVersions: [...(eligibility.earlierVersions ?? []), previous],
      };
      await updateCallApplication(tx, existing.id, fields);
      appId = existing.id;
    } else {
      const created = await insertCallApplication(tx, {
        callId,
        studentUserId: actor.id,
        ...fields,
      });
      if (!created) throw new AppError('internal', 'could not save the application');
      appId = created;
    }
    await audit(tx, ctx, {
      action: 'call_application.submit',
      resourceType: 'call_application',
      resourceId: appId,
      details: { call: callId, version },
      before: existing
        ? {
            status: existing.status,
            ranking: existing.ranking,
            requestedMonths: existing.requestedMonths,
            version: version - 1,
            reviews: earlierReviews,
          }
        : undefined,
      after: {
        status: fields.status,
        ranking: fields.ranking,
        requestedMonths: fields.requestedMonths,
        version,
        reviews: 0,
      },
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

/** Names of the institutions the applications reference: homes and ranked hosts. */
async function viewNames(db: Db, rows: readonly AppRow[]) {
  const ids = rows.flatMap((r) => [r.homeId, ...r.ranking]);
  const reasons = rows.flatMap((r) => storedEligibility(r).hosts.flatMap((h) => h.reasons));
  return {
    institutions: await institutionNames(db, ids),
    refusals: await namesFor(db, reasons),
  };
}

type ViewNames = Awaited<ReturnType<typeof viewNames>>;

function view(row: AppRow, call: CallRow, docs: DocMeta[], today: string, names: ViewNames) {
  const e = storedEligibility(row);
  const name = (id: string): LocalizedText => names.institutions.get(id) ?? { en: id };
  const open = row.status !== 'withdrawn' && today <= call.closes;
  // R18: after the deadline the application no longer changes: said as the refusal it would meet.
  const locked =
    row.status !== 'withdrawn' && !open
      ? [refusal('calls.withdraw_after_deadline', { closes: call.closes }, { rule: 'R18' })]
      : [];
  return {
    id: row.id,
    callId: row.callId,
    callTitle: call.title,
    closes: call.closes,
    homeId: row.homeId,
    home: name(row.homeId),
    ranking: row.ranking,
    rankedHosts: row.ranking.map((h) => ({
      institutionId: h,
      name: name(h),
      eligible: e.eligibleHosts.includes(h),
    })),
    requestedMonths: row.requestedMonths,
    version: e.version ?? 1,
    status: row.status as ApplicationStatus,
    eligibleHosts: e.eligibleHosts,
    hostReasons: e.hosts
      .filter((h) => !h.eligible)
      .map((h) => ({
        host: h.host,
        name: name(h.host),
        refusals: h.reasons.map((r) => withNames(asRefusal(r), names.refusals)),
      })),
    funded: e.funding?.entitled ?? false,
    submittedAt: row.submittedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    may: { withdraw: open, upload: open },
    locked,
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
  const row = await findCallApplication(db, id);
  if (!row) throw notFound('application', id);
  return row;
}

/** Owner, or staff of the call (managers, scorers). Anyone else: 404, not revealing it exists. */
async function requireRead(ctx: ServiceContext, row: AppRow) {
  const call = await loadCall(ctx.db, row.callId);
  if (ctx.actor?.id === row.studentUserId) return { call, owner: true };
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  // The staff of the call, and the coordinators of the applicant's home.
  requireCallStaff(ctx, call, sending, todayOf(ctx), {
    also: [row.homeId],
    hidden: { type: 'application', id: row.id },
  });
  return { call, owner: false };
}

export async function getApplication(ctx: ServiceContext, id: string) {
  const row = await loadApplication(ctx.db, id);
  const { call } = await requireRead(ctx, row);
  return view(
    row,
    call,
    await documentsMeta(ctx.db, [row.id]),
    await todayForCall(ctx, call),
    await viewNames(ctx.db, [row]),
  );
}

/** The signed-in student's applications, newest first. */
export async function myApplications(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const rows = await applicationsOfStudent(ctx.db, ctx.actor.id);
  const docs = await documentsMeta(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await viewNames(ctx.db, rows);
  const items = [];
  for (const row of rows) {
    const call = await loadCall(ctx.db, row.callId);
    items.push(view(row, call, docs, await todayForCall(ctx, call), names));
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
  const today = await todayForCall(ctx, call);
  if (row.status === 'withdrawn') {
    throw conflict(refusal('calls.already_withdrawn', { call: call.title }), 'already withdrawn');
  }
  if (today > call.closes) {
    throw ruleViolation(
      [refusal('calls.withdraw_after_deadline', { closes: call.closes }, { rule: 'R18' })],
      `R18: the call closed on ${call.closes}; the application can no longer be withdrawn`,
    );
  }
  const sends: ((m: Mailer | null) => Promise<void>)[] = [];
  await ctx.db.transaction(async (tx) => {
    await updateCallApplication(tx, id, { status: 'withdrawn', withdrawnAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'call_application.withdraw',
      resourceType: 'call_application',
      resourceId: id,
      before: { status: row.status },
      after: { status: 'withdrawn' },
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
export const MAX_DOCUMENT_BYTES = LIMITS.documentBytes;

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

/** Why a file name is refused (a code of the vocabulary and an English message), or null. */
export function filenameProblem(name: string): { refusal: Refusal; message: string } | null {
  const problem = (code: string, message: string, params = {}) => ({
    refusal: refusal(`calls.${code}`, params),
    message,
  });
  if (name.trim() === '') return problem('filename_missing', 'the file needs a name');
  if (name.length > 200)
    return problem('filename_too_long', 'the file name is longer than 200 characters', {
      max: 200,
    });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return problem('filename_control_characters', 'the file name contains control characters');
  if (/[/\\]/.test(name) || name.includes('..'))
    return problem('filename_with_path', 'the file name contains a path; send the name only');
  if (/<\s*script/i.test(name) || SCRIPT_NAME.test(name))
    return problem(
      'filename_script',
      'the file name looks like a script or web page (.js, .html, <script>); send a PDF, PNG or JPEG',
    );
  return null;
}

/** A 415 for a file whose type is not accepted, said as a refusal. */
const unsupported = (r: Refusal, message: string) =>
  new AppError('unsupported_media_type', message, { field: 'body', refusals: [r] });

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
    throw invalidField(
      'query.kind',
      refusal('calls.document_kind_not_asked', { kind: input.kind, allowed: kinds }),
      `this call asks for ${kinds.join(', ') || 'no documents'}, not "${input.kind}"`,
    );
  }
  const nameProblem = filenameProblem(input.filename);
  if (nameProblem) throw invalidField('query.filename', nameProblem.refusal, nameProblem.message);
  const type = (input.contentType.split(';')[0] ?? '').trim().toLowerCase();
  const signature = SIGNATURES[type];
  if (!signature) {
    throw unsupported(
      refusal('calls.document_type_not_accepted', { type: type || 'unknown' }),
      `a document must be a PDF, PNG or JPEG file, not "${type || 'unknown'}"`,
    );
  }
  const body = input.body;
  if (body.length === 0)
    throw invalidField('body', refusal('calls.document_empty'), 'the file is empty');
  if (body.length > MAX_DOCUMENT_BYTES) {
    throw invalidField(
      'body',
      refusal('calls.document_too_large', { size: body.length, limit: MAX_DOCUMENT_BYTES }),
      `the file is ${body.length} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (5 MB)`,
    );
  }
  if (!signature.magic.every((b, i) => body[i] === b)) {
    throw unsupported(
      refusal('calls.document_content_mismatch', { type: signature.label }),
      `the file is declared as ${signature.label} but its content is not ${signature.label}`,
    );
  }
  if (!signature.extensions.some((e) => input.filename.toLowerCase().endsWith(e))) {
    throw invalidField(
      'query.filename',
      refusal('calls.filename_extension', {
        type: signature.label,
        extensions: signature.extensions,
      }),
      `a ${signature.label} file name ends with ${signature.extensions.join(' or ')}`,
    );
  }
  if (/<\s*script/i.test(body.toString('latin1'))) {
    throw invalidField(
      'body',
      refusal('calls.document_contains_script'),
      'the file contains a script (<script>)',
    );
  }
  const today = await todayForCall(ctx, call);
  if (row.status === 'withdrawn') {
    throw conflict(refusal('calls.application_withdrawn'), 'the application is withdrawn');
  }
  if (today > call.closes) {
    throw ruleViolation(
      [refusal('calls.upload_after_deadline', { closes: call.closes }, { rule: 'R18' })],
      `R18: the call closed on ${call.closes}`,
    );
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const docId = await ctx.db.transaction(async (tx) => {
    const doc = await replaceDocument(tx, {
      applicationId: id,
      kind: input.kind,
      filename: input.filename,
      contentType: type,
      size: body.length,
      sha256,
      data: body,
    });
    if (!doc) throw new AppError('internal', 'could not store the document');
    await audit(tx, ctx, {
      action: 'call_application.document',
      resourceType: 'call_application',
      resourceId: id,
      details: { kind: input.kind },
      after: {
        kind: input.kind,
        filename: input.filename,
        contentType: type,
        size: body.length,
        sha256,
      },
    });
    return doc;
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
  const doc = await findDocument(ctx.db, id, docId);
  if (!doc) throw notFound('document', docId);
  // Who read a personal document, and which one: never its contents.
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, {
      action: 'call_application.download',
      resourceType: 'call_application',
      resourceId: id,
      details: { documentId: doc.id, kind: doc.kind, sha256: doc.sha256 },
    }),
  );
  return doc;
}

/** A page of a call's applicants: words of the student's name, at most `limit`, after `cursor`. */
export interface ApplicantPage {
  q?: string | undefined;
  /** At most this many applicants (1–200; 50 when not given). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/**
 * A page of the applicants of a call for its staff (managers and scorers), with their documents,
 * in the order they came in; `nextCursor` continues after the last one.
 */
export async function callApplicants(
  ctx: ServiceContext,
  callId: string,
  page: ApplicantPage = {},
) {
  const call = await loadCall(ctx.db, callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  requireCallStaff(ctx, call, sending, todayOf(ctx), { doing: 'see the applicants of this call' });
  const limit = page.limit ?? 50;
  let after: { submittedAt: string; id: string } | undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor, ['instant', 'uuid']);
    if (!key) throw badCursor();
    after = { submittedAt: String(key[0]), id: String(key[1]) };
  }
  const fetched = await applicantsPage(ctx.db, callId, { q: page.q, after, limit });
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  const nextCursor = fetched.length > limit && last ? encodeCursor([last.key, last.app.id]) : null;
  const docs = await documentsMeta(
    ctx.db,
    rows.map((r) => r.app.id),
  );
  const today = await todayForCall(ctx, call);
  const names = await viewNames(
    ctx.db,
    rows.map((r) => r.app),
  );
  const students = await personNames(
    ctx.db,
    rows.map((r) => r.app.studentUserId),
  );
  const review = await reviewRefusals(ctx, call, sending);
  const institutions = await institutionNames(ctx.db, [...new Set(rows.map((r) => r.app.homeId))]);
  const items = rows.map((r) => {
    const refusals = review.scorer
      ? r.app.status === 'withdrawn'
        ? [refusal('calls.application_withdrawn')]
        : review.refusalsFor(r.app.homeId, institutions)
      : [];
    const base = view(r.app, call, docs, today, names);
    return {
      ...base,
      studentName: r.name,
      student: students.get(r.app.studentUserId) ?? { en: r.name },
      may: {
        ...base.may,
        withdraw: false,
        upload: false,
        review: review.scorer && refusals.length === 0,
      },
      reviewRefusals: refusals,
      mayScore: review.scorer && refusals.length === 0,
      refusal: refusals[0] ?? null,
    };
  });
  return { items, nextCursor };
}

/**
 * Whether the signed-in staff member may score the call's applicants, and — when they are a
 * scorer — what refuses a review of an applicant: no rubric, no consent (R16), an institution not
 * known (R6), or the applicant's home being their own (R6, a conflict of interest).
 */
async function reviewRefusals(ctx: ServiceContext, call: CallRow, sending: SendingConsortium[]) {
  const scorer = Boolean(ctx.actor) && mayScore(ctx.actor, call, sending, todayOf(ctx));
  const none = { scorer, refusalsFor: (): Refusal[] => [] };
  if (!scorer || !ctx.actor) return none;
  const rubric = rubricOf(call);
  if (!rubric) return { scorer, refusalsFor: () => [refusal('calls.no_rubric')] };
  const consent = await rubricConsent(ctx.db, plainRubric(rubric));
  if (!consent.ok) {
    const [r] = await namedRefusals(ctx.db, [
      refusal(consent.code, consent.params, { rule: consent.rule }),
    ]);
    return { scorer, refusalsFor: () => (r ? [r] : []) };
  }
  const institutionIds = await scorerInstitutions(ctx.db, ctx.actor.id, rubric);
  if (institutionIds.length === 0) {
    return {
      scorer,
      refusalsFor: () => [refusal('calls.reviewer_institution_unknown', {}, { rule: 'R6' })],
    };
  }
  const reviewer = { id: ctx.actor.id, institutionIds };
  return {
    scorer,
    refusalsFor: (homeId: string, names: Map<string, LocalizedText>): Refusal[] => {
      const c = reviewerConflict(reviewer, { id: '', homeInstitutionId: homeId });
      if (!c) return [];
      return [
        refusal(c.code, { institution: names.get(homeId) ?? { en: homeId } }, { rule: c.rule }),
      ];
    },
  };
}
