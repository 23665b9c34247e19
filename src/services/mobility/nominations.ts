/**
 * Direct nominations: a home coordinator nominates one of their students for a bilateral place,
 * as offices do for most bilateral agreements, without an allocation run. The same checks as a
 * published allocation hold: R2 (003 §5(2)) an agreement signed by both, in force for the whole
 * stay, covering the pair, the level and the field; R12 (003 §3(2)2)) the stay range of the
 * agreement's program; R9 (003 §2(2)) and R3 (003 §5(3)) from the university's record of the
 * student (src/domain/mobility/direct-nomination.ts). The mobility starts in state `nominated`,
 * audited, and the student and the host's coordinators are told.
 */
import { findStudentProfile } from '#src/db/queries/calls/applications.ts';
import { institutionRow } from '#src/db/queries/registry/institutions.ts';
import { mobilitiesOfStudent } from '#src/db/queries/mobility/mobilities.ts';
import {
  displayNameOf,
  hostInstitutions,
  insertMobility,
  programOfAgreement,
  studentsOfHomes,
} from '#src/db/queries/mobility/nominations.ts';
import { mobilityNames, orgName, personNames } from '#src/db/queries/names.ts';
import { programRuleHistory } from '#src/db/queries/programs.ts';
import {
  NominationInputSchema,
  checkDirectNomination,
  type NominationProgram,
} from '#src/domain/mobility/direct-nomination.ts';
import { rulesOn } from '#src/domain/program/rules.ts';
import { stayEndDate } from '#src/domain/scholarship/index.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { dispatchVerdicts } from '../agreements/dispatch.ts';
import { can, institutionsResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalidField, notFound, ruleViolation } from '../errors.ts';
import type { Mailer } from '../notify/mailer.ts';
import { notify } from '../notify/notify.ts';
import { parseOr400 } from '../registry/input.ts';
import { coordinatorsOf } from './actors.ts';

/** Nominations that no longer hold a place: they overlap nothing. */
const ENDED = ['refused', 'withdrawn'];

/** The institutions the actor coordinates (their home students are theirs to nominate). */
const coordinated = (ctx: ServiceContext) =>
  (ctx.actor?.roles ?? [])
    .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
    .map((r) => r.scopeId);

/** What the nomination form offers: the actor's students by name, and the possible hosts. */
export async function nominationOptions(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const homes = coordinated(ctx);
  const students = await studentsOfHomes(ctx.db, homes);
  const names = await personNames(
    ctx.db,
    students.map((s) => s.userId),
  );
  const hosts = await hostInstitutions(ctx.db);
  return {
    students: students.map((s) => ({
      userId: s.userId,
      name: names.get(s.userId) ?? { en: s.displayName },
      homeId: s.homeId,
      level: s.level,
    })),
    hosts: hosts.map((h) => ({
      id: h.id,
      name: orgName(h.name, h.names),
      country: h.country,
    })),
  };
}

/**
 * Nominates a student of the actor's institution directly. A refusal names every rule the
 * nomination would break (422), nothing is written; otherwise the mobility's id.
 */
export async function nominateDirectly(
  ctx: ServiceContext,
  input: unknown,
  mailer?: Mailer | null,
): Promise<{ id: string }> {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const data = parseOr400(NominationInputSchema, input);
  const profile = await findStudentProfile(ctx.db, data.studentUserId);
  if (!profile) throw notFound('student', data.studentUserId);
  // Only the student's home coordinators: to anyone else the student does not exist (decision 001).
  const home = institutionsResource([profile.homeId], 'student');
  requireAccess(ctx, 'mobility:manage', home, {
    visibleBy: ['mobility:manage', home],
    doing: 'nominate a student of another institution',
  });
  const homeRow = await institutionRow(ctx.db, profile.homeId);
  if (!homeRow) throw notFound('institution', profile.homeId);
  const host = await institutionRow(ctx.db, data.hostId);
  if (!host) throw notFound('institution', data.hostId);
  if (host.id === homeRow.id)
    throw invalidField(
      'body.hostId',
      refusal('agreement.same_party', {}, { field: 'body.hostId' }),
      'the host must be another institution than the home',
    );
  const today = todayOf(ctx);
  const end = stayEndDate(data.startDate, data.months);
  // R2, 003 §5(2): the agreement the place goes under, read from the registry for the whole stay.
  const [verdict] = await dispatchVerdicts(ctx.db, [
    {
      home: homeRow.id,
      host: host.id,
      level: profile.level,
      start: data.startDate,
      end,
      agreementId: data.agreementId ?? null,
    },
  ]);
  const agreementId = verdict?.ok ? verdict.agreementId : (data.agreementId ?? null);
  // R12: the program the agreement serves, its rules in force when the stay starts.
  const programId = agreementId ? await programOfAgreement(ctx.db, agreementId) : null;
  const rules = programId
    ? rulesOn(await programRuleHistory(ctx.db, programId), data.startDate)
    : undefined;
  const program: NominationProgram | null = programId
    ? {
        levels: rules?.levels ?? ['bachelor', 'master', 'doctor'],
        stayMonths: rules?.stayMonths ?? null,
        eligibility: rules?.eligibility ?? {
          dispatchedFromCountry: 'JP',
          excludedResidenceStatuses: ['student', 'pre_college_student'],
        },
      }
    : null;
  const others = (await mobilitiesOfStudent(ctx.db, profile.userId))
    .filter((m) => !ENDED.includes(m.status))
    .map((m) => ({ start: m.startDate, end: stayEndDate(m.startDate, m.months) }));
  const checked = checkDirectNomination({
    today,
    start: data.startDate,
    end,
    months: data.months,
    student: {
      level: profile.level,
      enrolmentStatus: profile.enrolmentStatus,
      enrolmentUntil: profile.enrolmentUntil,
      residenceStatus: profile.residenceStatus,
      homeCountry: homeRow.country,
    },
    program,
    otherStays: others,
  });
  const refusals = [...(verdict && !verdict.ok ? [verdict.refusal] : []), ...checked.refusals];
  if (refusals.length > 0) throw ruleViolation(refusals);

  const studentName = (await displayNameOf(ctx.db, profile.userId)) ?? profile.userId;
  let send: (m: Mailer | null) => Promise<void> = async () => undefined;
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      agreementId,
      homeId: homeRow.id,
      hostId: host.id,
      studentName,
      studentUserId: profile.userId,
      callId: null,
      allocationRunId: null,
      funded: checked.funded,
      level: profile.level,
      startDate: data.startDate,
      months: data.months,
      status: 'nominated',
    };
    const created = await insertMobility(tx, values);
    // The student by their account, not by name: the trail keeps no more personal data than it needs.
    const { studentName: _name, ...audited } = values;
    await audit(tx, ctx, {
      action: 'mobility.nominate',
      resourceType: 'mobility',
      resourceId: created,
      details: { via: 'direct' },
      after: audited,
    });
    const recipients = [profile.userId, ...(await coordinatorsOf(tx, [host.id]))].filter(
      (u) => u !== ctx.actor?.id,
    );
    send = await notify(tx, recipients, {
      type: 'mobility.nominated',
      params: { ...(await mobilityNames(tx, values)), from: null, reason: null, date: null },
      data: { mobilityId: created, to: 'nominated', via: 'direct' },
    });
    return created;
  });
  await send(mailer ?? null);
  return { id };
}

/** May the actor nominate students directly (a coordinator of some institution)? */
export const mayNominate = (ctx: ServiceContext) =>
  coordinated(ctx).some((i) => can(ctx.actor, 'mobility:manage', institutionsResource([i])));
