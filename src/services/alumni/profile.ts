/**
 * An alumnus's own profile: what they write (field of study, current position, contact, the
 * outcomes a funder asks for) and, per field, the audiences they opt in for; whether they offer
 * themselves as a mentor. Only the holder manages it. And the mentors offered to an outgoing
 * student who asked for one: returnees who opted in, bound for the same host or field.
 */
import {
  comingStaysOf,
  menteesOf,
  mentorCandidates,
  recordById,
  recordsOfUser,
  updateRecordProfile,
  upsertMentee,
  associationsList,
} from '#src/db/queries/alumni.ts';
import { institutionNames } from '#src/db/queries/names.ts';
import {
  ALUMNI_CODES,
  ALUMNI_FIELDS,
  AUDIENCES,
  isValidContact,
  matchMentors,
  normaliseConsent,
} from '#src/domain/alumni/index.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { alumniRecordResource, ownResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalidField, notFound } from '../errors.ts';
import type { MyAlumni, MyMentors, ProfileInput } from './types.ts';

const signedInUser = (ctx: ServiceContext): string => {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor.id;
};

/** The signed-in person's alumni records, every field with their consent. */
export async function myAlumni(ctx: ServiceContext): Promise<MyAlumni> {
  const userId = signedInUser(ctx);
  requireAccess(ctx, 'alumni:profile', ownResource(userId, 'alumni-record'));
  const records = await recordsOfUser(ctx.db, userId);
  const associations = new Map((await associationsList(ctx.db)).map((a) => [a.id, a]));
  const names = await institutionNames(
    ctx.db,
    records.flatMap((r) => [r.homeId, r.hostId]),
  );
  const nameOf = (i: string): LocalizedText => names.get(i) ?? { en: i };
  return {
    fields: [...ALUMNI_FIELDS],
    audiences: [...AUDIENCES],
    items: records.map((r) => ({
      id: r.id,
      association: { id: r.associationId, names: associations.get(r.associationId)?.names ?? {} },
      name: r.name,
      home: { id: r.homeId, name: nameOf(r.homeId) },
      host: { id: r.hostId, name: nameOf(r.hostId) },
      direction: r.direction,
      year: r.year,
      fieldOfStudy: r.fieldOfStudy,
      currentPosition: r.currentPosition,
      contact: r.contact,
      degreeAtHost: r.degreeAtHost,
      worksInJapanRussia: r.worksInJapanRussia,
      outcomeNote: r.outcomeNote,
      consent: r.consent,
      mentorOptIn: r.mentorOptIn,
    })),
  };
}

const blankToNull = (s: string | null) => (s && s.trim() ? s.trim() : null);

/** The holder writes their profile and consent; it holds from the next read of the directory. */
export async function updateMyAlumniRecord(
  ctx: ServiceContext,
  id: string,
  input: ProfileInput,
): Promise<MyAlumni> {
  const record = await recordById(ctx.db, id);
  if (!record) throw notFound('alumni-record', id);
  const resource = alumniRecordResource(record);
  requireAccess(ctx, 'alumni:profile', resource, {
    visibleBy: ['alumni:profile', resource],
    doing: 'change this alumni profile',
  });
  const contact = blankToNull(input.contact);
  if (contact && !isValidContact(contact))
    throw invalidField(
      'body.contact',
      refusal(ALUMNI_CODES.contactInvalid, {}),
      'an e-mail address or an http(s) link',
    );
  const after = {
    fieldOfStudy: blankToNull(input.fieldOfStudy),
    currentPosition: blankToNull(input.currentPosition),
    contact,
    degreeAtHost: input.degreeAtHost,
    worksInJapanRussia: input.worksInJapanRussia,
    outcomeNote: blankToNull(input.outcomeNote),
    consent: normaliseConsent(input.consent),
    mentorOptIn: input.mentorOptIn,
  };
  await ctx.db.transaction(async (tx) => {
    await updateRecordProfile(tx, id, after, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'alumni.profile',
      resourceType: 'alumni-record',
      resourceId: id,
      before: {
        fieldOfStudy: record.fieldOfStudy,
        currentPosition: record.currentPosition,
        contact: record.contact,
        degreeAtHost: record.degreeAtHost,
        worksInJapanRussia: record.worksInJapanRussia,
        outcomeNote: record.outcomeNote,
        consent: record.consent,
        mentorOptIn: record.mentorOptIn,
      },
      after,
    });
  });
  return myAlumni(ctx);
}

/** The signed-in student's coming stays, whether they asked for a mentor, and who is offered. */
export async function myMentors(ctx: ServiceContext): Promise<MyMentors> {
  const userId = signedInUser(ctx);
  requireAccess(ctx, 'alumni:profile', ownResource(userId, 'alumni-mentee'));
  const stays = await comingStaysOf(ctx.db, userId);
  const wishes = new Map((await menteesOf(ctx.db, userId)).map((m) => [m.mobilityId, m]));
  const candidates = await mentorCandidates(ctx.db);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const names = await institutionNames(ctx.db, [
    ...stays.map((s) => s.hostId),
    ...candidates.map((c) => c.hostId),
  ]);
  const named = (i: string) => ({ id: i, name: names.get(i) ?? { en: i } });
  return {
    stays: stays.map((s) => {
      const wish = wishes.get(s.id);
      const matches = matchMentors(
        {
          userId,
          hostId: s.hostId,
          fieldOfStudy: wish?.fieldOfStudy ?? null,
          optedIn: wish?.optedIn ?? false,
        },
        candidates,
      );
      return {
        mobilityId: s.id,
        host: named(s.hostId),
        startDate: s.startDate,
        optedIn: wish?.optedIn ?? false,
        fieldOfStudy: wish?.fieldOfStudy ?? null,
        // A mentor's opt-in shows their name, host, year, field and contact to matched students.
        mentors: matches.map((m) => {
          const c = byId.get(m.mentorId)!;
          return {
            id: c.id,
            name: c.name,
            host: named(c.hostId),
            year: c.year,
            fieldOfStudy: c.fieldOfStudy,
            contact: c.contact,
            sameHost: m.sameHost,
            sameField: m.sameField,
          };
        }),
      };
    }),
  };
}

/** An outgoing student asks for a mentor for one coming stay, or withdraws the wish. */
export async function setMenteeWish(
  ctx: ServiceContext,
  mobilityId: string,
  input: { optedIn: boolean; fieldOfStudy: string | null },
): Promise<MyMentors> {
  const userId = signedInUser(ctx);
  requireAccess(ctx, 'alumni:profile', ownResource(userId, 'alumni-mentee'));
  const stays = await comingStaysOf(ctx.db, userId);
  if (!stays.some((s) => s.id === mobilityId))
    throw invalidField(
      'params.id',
      refusal(ALUMNI_CODES.noOutgoingStay, {}),
      'not one of your coming stays',
    );
  const wish = { optedIn: input.optedIn, fieldOfStudy: blankToNull(input.fieldOfStudy) };
  await ctx.db.transaction(async (tx) => {
    await upsertMentee(tx, { userId, mobilityId, ...wish, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'alumni.mentee',
      resourceType: 'mobility',
      resourceId: mobilityId,
      after: wish,
    });
  });
  return myMentors(ctx);
}
