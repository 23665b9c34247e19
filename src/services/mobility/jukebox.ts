/**
 * Course Jukebox (source document 004): the Campus-in-Campus alliance shares online courses
 * from its members' catalogues; students of member universities enrol across the alliance; the
 * host enters the result and the home coordinator decides on recognition — the same decision,
 * equivalence table and rate as for a learning agreement (R7, with R16 checked on the partners'
 * agreement).
 *
 * Storage: an enrolment row keeps the domain enrolment, the component, the transcript line and
 * the decision in its `result` jsonb (a recognition decision row needs a mobility; a Jukebox
 * enrolment is not one and must not count in the balance ledger).
 */
import { instantOf, todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  enrolmentIdOf,
  enrolmentsInCourses,
  enrolmentsOfStudent,
  enrolmentsWithCourses,
  findConsortium,
  findCourse,
  findEnrolment,
  insertEnrolment,
  jukeboxCourses,
  membersOf,
  studentProfileOf,
  updateEnrolment,
  userIsInvented,
  type EnrolmentRow,
  type JukeboxRecord,
} from '#src/db/queries/mobility/courses.ts';
import { findInstitution, institutionRows } from '#src/db/queries/mobility/mobilities.ts';
import {
  can,
  consortiumResource,
  institutionsResource,
  ownResource,
  requireAccess,
} from '../access.ts';
import { convertCredits, type CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import {
  buildJukeboxCatalogue,
  checkJukeboxEligibility,
  enrolInJukebox,
  jukeboxComponent,
  jukeboxSubject,
  jukeboxTranscriptEntry,
  type Alliance,
  type CatalogueCourse,
  type JukeboxOffer,
  type JukeboxStudent,
} from '#src/domain/recognition/course-jukebox.ts';
import { convertGrade } from '#src/domain/recognition/grade-conversion.ts';
import {
  decideRecognition,
  suggestRecognition,
  type RecognitionOutcome,
  type TranscriptEntry,
} from '#src/domain/recognition/recognition.ts';
import type { LocalizedText, StudyLevel } from '#src/domain/recognition/types.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { conflict, forbidden, notFound, ruleViolation } from '../errors.ts';
import type { Mailer } from '../notify/mailer.ts';
import {
  consortiumNames,
  institutionName,
  institutionNames,
  personName,
} from '#src/db/queries/names.ts';
import { notify } from '../notify/notify.ts';
import { coordinatorsOf } from './actors.ts';
import { creditSystemOfCountry, gradeScaleOfCountry } from './institution-systems.ts';
import { recognitionSystemForPair } from './recognition-system.ts';
import { conflicting, invalid, named, refused } from './refusals.ts';
import { courseView, type CourseRow } from './courses.ts';
import { decisionError, equivalenceEntries, growEquivalences } from './equivalences.ts';

export type { JukeboxRecord };

const OPEN = { enrolmentOpens: '0000-01-01', enrolmentCloses: '9999-12-31' };

async function loadAlliance(db: Db, id: string): Promise<Alliance & { names: object }> {
  const row = await findConsortium(db, id);
  if (!row || row.kind !== 'alliance') throw notFound('alliance', id);
  const members = await membersOf(db, id);
  return {
    id: row.id,
    name: { en: row.name, ...(row.names as LocalizedText) },
    names: row.names,
    members: members.map((m) => ({
      institutionId: m.institutionId,
      from: m.joinedOn,
      until: m.leftOn,
    })),
  };
}

function catalogueCourse(c: CourseRow): CatalogueCourse {
  return {
    institutionId: c.institutionId,
    ounitId: c.orgUnitId,
    code: c.code,
    title: c.title,
    level: c.level as StudyLevel,
    credits: { value: c.credits, system: c.creditSystem as CreditSystemId },
    term: c.term ?? '',
    languages: c.language ? [c.language] : [],
    online: c.online,
  };
}

/** A course shared in the Jukebox is offered for its term, open to every member's students. */
function offerOf(c: CourseRow, allianceId: string): JukeboxOffer {
  return {
    id: c.id,
    allianceId,
    institutionId: c.institutionId,
    courseCode: c.code,
    term: c.term ?? '',
    seats: null,
    ...OPEN,
    levels: [],
  };
}

/** GET /alliances/:id/jukebox — the shared catalogue, credits shown in each member's system. */
export async function getJukebox(ctx: ServiceContext, allianceId: string) {
  // The shared catalogue is public, like the registry.
  requireAccess(ctx, 'registry:read', consortiumResource([allianceId], 'alliance'));
  const alliance = await loadAlliance(ctx.db, allianceId);
  const rows = await jukeboxCourses(ctx.db, allianceId);
  const { entries, excluded } = buildJukeboxCatalogue(
    alliance,
    rows.map(catalogueCourse),
    rows.map((c) => offerOf(c, allianceId)),
    todayOf(ctx),
  );
  const memberIds = alliance.members.map((m) => m.institutionId);
  const insts = await institutionRows(ctx.db, memberIds);
  const systems = [...new Set(insts.map((i) => creditSystemOfCountry(i.country)))];
  const counts = await enrolmentsInCourses(
    ctx.db,
    rows.map((r) => r.id),
  );
  const student = await readerAsStudent(ctx);
  const on = todayOf(ctx);
  const entryViews = [];
  for (const e of entries) {
    const row = rows.find((r) => r.id === e.offer.id)!;
    const inst = insts.find((i) => i.id === row.institutionId);
    const enrolled = counts.filter((c) => c.courseId === row.id);
    const mine = enrolled.some((c) => c.studentUserId === ctx.actor?.id);
    // What the reader may do: a student enrols unless a reason says otherwise (shown instead).
    const eligibility = student
      ? checkJukeboxEligibility(student, e, alliance, {
          on,
          enrolled: enrolled.length,
          alreadyEnrolled: mine,
        })
      : null;
    const whyNot = [];
    if (eligibility && !eligibility.eligible) {
      for (const r of eligibility.reasons) {
        if (r.code !== 'recognition.jukebox_already_enrolled') whyNot.push(await named(ctx.db, r));
      }
    }
    entryViews.push({
      course: courseView(row),
      institution: { id: row.institutionId, name: inst?.name ?? '', names: inst?.names ?? {} },
      enrolled: enrolled.length,
      mine,
      conversions: systems.map((system) =>
        convertCredits(row.credits, row.creditSystem as CreditSystemId, system),
      ),
      may: { enrol: eligibility?.eligible === true },
      whyNot,
    });
  }
  const excludedViews = [];
  for (const x of excluded) {
    excludedViews.push({ offerId: x.offer.id, reason: await named(ctx.db, x.reason) });
  }
  return {
    alliance: {
      id: alliance.id,
      name: alliance.name.en ?? alliance.id,
      names: alliance.names as LocalizedText,
      members: alliance.members.map((m) => {
        const i = insts.find((x) => x.id === m.institutionId);
        return { ...m, name: i?.name ?? m.institutionId, names: i?.names ?? {} };
      }),
    },
    entries: entryViews,
    excluded: excludedViews,
  };
}

/** The reader as a Jukebox student (home university, level, languages), if they are one. */
async function readerAsStudent(ctx: ServiceContext): Promise<JukeboxStudent | null> {
  const actor = ctx.actor;
  if (!actor || !actor.roles.some((r) => r.role === 'student')) return null;
  const profile = await studentProfileOf(ctx.db, actor.id);
  if (!profile) return null;
  return {
    id: actor.id,
    homeInstitutionId: profile.homeId,
    level: profile.level as StudyLevel,
    languages: profile.languages.map((l) => l.language),
  };
}

/** POST /alliances/:id/jukebox/:courseId/enrolments — a student of a member enrols. */
export async function enrolInCourse(
  ctx: ServiceContext,
  mailer: Mailer | null,
  allianceId: string,
  courseId: string,
) {
  const actor = ctx.actor;
  if (!actor || !actor.roles.some((r) => r.role === 'student')) {
    throw forbidden('enrol in a Course Jukebox course: students do');
  }
  const alliance = await loadAlliance(ctx.db, allianceId);
  const course = await findCourse(ctx.db, courseId);
  if (!course || course.jukeboxAllianceId !== allianceId)
    throw notFound('Jukebox course', courseId);
  const profile = await studentProfileOf(ctx.db, actor.id);
  if (!profile) {
    throw ruleViolation(
      [refusal('mobility.jukebox_no_profile')],
      'your student profile (home university, level) is missing',
    );
  }
  const home = await findInstitution(ctx.db, profile.homeId);
  const send = await ctx.db.transaction(async (tx) => {
    const existing = await enrolmentsInCourses(tx, [courseId]);
    const student = {
      id: actor.id,
      homeInstitutionId: profile.homeId,
      level: profile.level as StudyLevel,
      languages: profile.languages.map((l) => l.language),
    };
    const entry = { offer: offerOf(course, allianceId), course: catalogueCourse(course) };
    const id = crypto.randomUUID();
    const r = enrolInJukebox(id, student, entry, alliance, {
      on: todayOf(ctx),
      enrolled: existing.length,
      alreadyEnrolled: existing.some((e) => e.studentUserId === actor.id),
    });
    if (!r.ok) {
      const [only] = r.reasons;
      if (only && r.reasons.length === 1 && only.code === 'recognition.jukebox_already_enrolled') {
        throw await conflicting(tx, only);
      }
      throw await refused(tx, r.reasons);
    }
    const component = jukeboxComponent(r.enrolment, entry.course, {
      creditSystem: creditSystemOfCountry(home?.country ?? ''),
    });
    const record: JukeboxRecord = {
      enrolment: r.enrolment,
      component,
      transcript: null,
      decision: null,
    };
    await insertEnrolment(tx, { id, courseId, studentUserId: actor.id, record });
    await audit(tx, ctx, {
      action: 'jukebox.enrolled',
      resourceType: 'jukebox_enrolment',
      resourceId: id,
      details: { allianceId, courseId, home: profile.homeId, host: course.institutionId },
      after: { status: 'enrolled', courseId },
    });
    const recipients = await coordinatorsOf(tx, [profile.homeId, course.institutionId]);
    const inst = await institutionNames(tx, [profile.homeId, course.institutionId]);
    return notify(tx, recipients, {
      type: 'jukebox.enrolled',
      params: {
        student: await personName(tx, actor.id),
        home: inst.get(profile.homeId) ?? { en: profile.homeId },
        host: inst.get(course.institutionId) ?? { en: course.institutionId },
        course: course.code,
        alliance: (await consortiumNames(tx, [allianceId])).get(allianceId) ?? { en: allianceId },
      },
      data: { enrolmentId: id, courseId },
    });
  });
  await send(mailer);
  return getEnrolment(ctx, await findEnrolmentId(ctx.db, courseId, actor.id));
}

async function findEnrolmentId(db: Db, courseId: string, userId: string): Promise<string> {
  const id = await enrolmentIdOf(db, courseId, userId);
  if (!id) throw notFound('enrolment', courseId);
  return id;
}

async function loadEnrolment(db: Db, id: string) {
  const row = await findEnrolment(db, id);
  if (!row) throw notFound('enrolment', id);
  const course = await findCourse(db, row.courseId);
  if (!course) throw notFound('course', row.courseId);
  return { row, course, record: row.result };
}

function rolesFor(ctx: ServiceContext, row: EnrolmentRow, record: JukeboxRecord) {
  const coordinatorOf = (id: string) =>
    can(ctx.actor, 'mobility:manage', institutionsResource([id], 'jukebox_enrolment'));
  return {
    student:
      !!ctx.actor &&
      row.studentUserId === ctx.actor.id &&
      can(ctx.actor, 'person:read', ownResource(row.studentUserId, 'jukebox_enrolment')),
    home: coordinatorOf(record.enrolment.homeInstitutionId),
    host: coordinatorOf(record.enrolment.hostInstitutionId),
  };
}

async function enrolmentView(db: Db, ctx: ServiceContext, row: EnrolmentRow, course: CourseRow) {
  const record = row.result;
  const roles = rolesFor(ctx, row, record);
  const invented = await userIsInvented(db, row.studentUserId);
  const studentName = await personName(db, row.studentUserId);
  const table = await equivalenceEntries(
    db,
    record.enrolment.hostInstitutionId,
    record.enrolment.homeInstitutionId,
    [record.component],
  );
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    course: courseView(course),
    /** The student by name in every script they write it in. */
    student: invented === undefined ? null : { name: studentName, invented },
    ...record,
    suggestion: record.decision
      ? null
      : suggestRecognition(table, record.component, {
          hostInstitutionId: record.enrolment.hostInstitutionId,
          homeInstitutionId: record.enrolment.homeInstitutionId,
        }),
    may: {
      enterResult: roles.host && !record.decision,
      decide: roles.home && !!record.transcript && !record.decision,
    },
  };
}

async function getEnrolment(ctx: ServiceContext, id: string) {
  const { row, course, record } = await loadEnrolment(ctx.db, id);
  const roles = rolesFor(ctx, row, record);
  if (!roles.student && !roles.home && !roles.host) throw forbidden('see this enrolment');
  return enrolmentView(ctx.db, ctx, row, course);
}

/** GET /jukebox-enrolments — your own, or those of students of your institution or course. */
export async function listJukeboxEnrolments(ctx: ServiceContext) {
  if (!ctx.actor) throw forbidden('see enrolments');
  const rows = await enrolmentsWithCourses(ctx.db);
  const items = [];
  for (const { row, course } of rows) {
    const roles = rolesFor(ctx, row, row.result);
    if (!roles.student && !roles.home && !roles.host) continue;
    items.push(await enrolmentView(ctx.db, ctx, row, course));
  }
  return { items };
}

/** PUT /jukebox-enrolments/:id/result — the host enters the result (a transcript line). */
export async function enterJukeboxResult(
  ctx: ServiceContext,
  mailer: Mailer | null,
  id: string,
  input: { status: TranscriptEntry['status']; grade: string | null; credits?: number | undefined },
) {
  const send = await ctx.db.transaction(async (tx) => {
    const { row, course, record } = await loadEnrolment(tx, id);
    const hostId = record.enrolment.hostInstitutionId;
    requireAccess(ctx, 'mobility:manage', institutionsResource([hostId], 'jukebox_enrolment'), {
      doing: 'enter the result: the host coordinator does',
    });
    if (record.decision) {
      throw conflict(
        refusal('mobility.jukebox_already_recognised'),
        'the result is already recognised',
      );
    }
    const host = await findInstitution(tx, course.institutionId);
    const scale = gradeScaleOfCountry(host?.country ?? '');
    if (input.grade) {
      const g = convertGrade(input.grade, scale, scale);
      if (!g.ok) throw invalid('body.grade', g.refusal.code, g.refusal.params, g.refusal.message);
    }
    const transcript = jukeboxTranscriptEntry(record.enrolment, catalogueCourse(course), {
      status: input.status,
      grade: input.grade,
      gradeScaleId: input.grade ? scale : null,
      credits:
        input.credits === undefined
          ? undefined
          : { value: input.credits, system: course.creditSystem as CreditSystemId },
    });
    const next: JukeboxRecord = { ...record, transcript };
    await updateEnrolment(tx, id, 'completed', next);
    await audit(tx, ctx, {
      action: 'jukebox.result',
      resourceType: 'jukebox_enrolment',
      resourceId: id,
      details: { rules: ['R7'] },
      before: { status: row.status, transcript: record.transcript ?? null },
      after: { status: 'completed', transcript },
    });
    const recipients = [
      row.studentUserId,
      ...(await coordinatorsOf(tx, [record.enrolment.homeInstitutionId])),
    ].filter((u) => u !== ctx.actor?.id);
    return notify(tx, recipients, {
      type: 'jukebox.result',
      params: {
        context: input.status,
        course: course.code,
        host: await institutionName(tx, course.institutionId),
        grade: input.grade ?? null,
      },
      data: { enrolmentId: id },
    });
  });
  await send(mailer);
  return getEnrolment(ctx, id);
}

/** POST /jukebox-enrolments/:id/recognition — the home coordinator decides (R7, R16). */
export async function decideJukebox(
  ctx: ServiceContext,
  mailer: Mailer | null,
  id: string,
  input: {
    outcome: RecognitionOutcome;
    credits?: number | undefined;
    reason?: string | undefined;
    recognisedAs?: { code: string; title: LocalizedText; credits: number } | undefined;
    reusedFrom?: { key: string; lastDecidedAt: string } | undefined;
  },
) {
  const send = await ctx.db.transaction(async (tx) => {
    const { row, course, record } = await loadEnrolment(tx, id);
    const homeId = record.enrolment.homeInstitutionId;
    requireAccess(ctx, 'recognition:decide', institutionsResource([homeId], 'jukebox_enrolment'), {
      doing: 'decide on recognition: the home coordinator does',
    });
    if (record.decision) {
      throw conflict(
        refusal('mobility.jukebox_already_decided'),
        'this enrolment is already decided',
      );
    }
    if (!record.transcript) {
      throw ruleViolation(
        [refusal('mobility.jukebox_no_result', {}, { rule: 'R7' })],
        'the host has not entered the result yet',
      );
    }
    const home = await findInstitution(tx, homeId);
    const component = input.recognisedAs
      ? jukeboxComponent(record.enrolment, catalogueCourse(course), {
          creditSystem: creditSystemOfCountry(home?.country ?? ''),
          recognisedAs: input.recognisedAs,
        })
      : record.component;
    const system = await recognitionSystemForPair(tx, homeId, record.enrolment.hostInstitutionId);
    const r = decideRecognition({
      subject: jukeboxSubject(record.enrolment),
      component,
      homeInstitutionId: homeId,
      hostInstitutionId: record.enrolment.hostInstitutionId,
      system,
      transcript: record.transcript,
      outcome: input.outcome,
      credits: input.credits,
      reason: input.reason,
      homeGradeScaleId: gradeScaleOfCountry(home?.country ?? ''),
      decidedBy: ctx.actor?.id ?? 'system',
      at: instantOf(ctx),
      reusedFrom: input.reusedFrom ?? null,
    });
    if (!r.ok) throw await decisionError(tx, r.refusal);
    const next: JukeboxRecord = { ...record, component, decision: r.value };
    await updateEnrolment(tx, id, 'recognised', next);
    await growEquivalences(tx, r.value, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'recognition.decided',
      resourceType: 'jukebox_enrolment',
      resourceId: id,
      details: {
        outcome: r.value.outcome,
        creditsRecognised: r.value.creditsRecognised,
        reason: r.value.reason,
        rules: ['R7', 'R16'],
      },
      before: { status: row.status },
      after: {
        status: 'recognised',
        decision: {
          outcome: r.value.outcome,
          creditsRecognised: r.value.creditsRecognised,
          reason: r.value.reason,
        },
      },
    });
    return notify(
      tx,
      [row.studentUserId].filter((u) => u !== ctx.actor?.id),
      {
        type: 'jukebox.recognition',
        params: {
          context: r.value.outcome,
          course: course.code,
          home: await institutionName(tx, homeId),
          recognised: r.value.creditsRecognised.value,
          system: r.value.creditsRecognised.system,
          reason: r.value.reason ?? null,
        },
        data: { enrolmentId: id },
      },
    );
  });
  await send(mailer);
  return getEnrolment(ctx, id);
}

/** The student's own Jukebox decisions, for "my recognised credits". */
export async function myJukeboxDecisions(ctx: ServiceContext) {
  if (!ctx.actor) return [];
  const rows = await enrolmentsOfStudent(ctx.db, ctx.actor.id);
  const out = [];
  for (const row of rows) {
    const record = row.result;
    if (!rolesFor(ctx, row, record).student || !record.decision) continue;
    out.push({
      source: 'jukebox' as const,
      sourceId: row.id,
      state: row.status,
      decision: record.decision,
    });
  }
  return out;
}
