/**
 * The API contract of the events area: events and series, the programme (sessions with their
 * instants, the event's zone and the wall-clock times in it; contributions), registrations,
 * participants, minutes. Texts are LocalizedText (the reader's app picks the language); times are
 * UTC instants with the event's IANA zone — the reader's app shows its own zone as well.
 */
import { z } from 'zod';
import {
  contributionKindSchema,
  eventKindSchema,
  eventModeSchema,
  eventVisibilitySchema,
  partyRefSchema,
  registrationStatusSchema,
} from '#src/domain/events/kinds.ts';
import { rotationSchema } from '#src/domain/events/series.ts';
import { invitationAudienceSchema } from '#src/domain/events/invitations.ts';
import {
  languageSchema,
  localizedTextSchema,
  requiredLocalizedTextSchema,
} from '#src/domain/shared/refusal.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';

const Text = localizedTextSchema;
const Id = z.uuid();
const Url = z.string().trim().min(1).max(2000);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const EventIdParams = z.object({ id: Id });
export const VersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1) });
export const LangQuery = z.object({ lang: languageSchema.optional() });

export const PartySchema = partyRefSchema.extend({ name: Text });
const Counts = z.object({
  confirmed: z.number().int(),
  waiting: z.number().int(),
  checkedIn: z.number().int(),
});

export const EventSummarySchema = z.object({
  id: z.string(),
  kind: eventKindSchema,
  seriesId: z.string().nullable(),
  title: Text,
  description: Text,
  timeZone: z.string().describe('IANA zone of the programme, e.g. Asia/Tokyo'),
  startsOn: IsoDate,
  endsOn: IsoDate,
  mode: eventModeSchema,
  city: z.string().nullable(),
  country: z.string().nullable(),
  venue: Text,
  organisers: z.array(PartySchema),
  hosts: z.array(PartySchema),
  capacity: z.number().int().nullable(),
  approvalRequired: z.boolean(),
  visibility: eventVisibilitySchema,
  invented: z.boolean(),
  counts: Counts,
});
export const EventListSchema = z.object({
  items: z.array(EventSummarySchema),
  may: z.object({ create: z.boolean() }),
});
export const EventListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('words in any language of the texts'),
  kind: eventKindSchema.optional(),
  seriesId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const ContributionSchema = z.object({
  id: z.string(),
  kind: contributionKindSchema,
  position: z.number().int(),
  title: Text,
  abstract: Text,
  speakerUserId: z.string().nullable(),
  speakerName: Text.nullable(),
  guestName: z.string().nullable(),
  guestAffiliation: z.string().nullable(),
  materialsUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
  recordingConsent: z.boolean(),
});

export const SessionSchema = z.object({
  id: z.string(),
  day: IsoDate,
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string().describe('UTC instant'),
  timeZone: z.string(),
  localStart: z.string().describe('HH:MM in the event’s zone'),
  localEnd: z.string(),
  room: z.string().nullable(),
  title: Text,
  description: Text,
  online: z.boolean().describe('the session has an online link'),
  onlineUrl: z
    .string()
    .nullable()
    .describe('only for organisers, and confirmed participants from 1 hour before the start'),
  invented: z.boolean(),
  contributions: z.array(ContributionSchema),
});

export const RegistrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  status: registrationStatusSchema,
  position: z.number().int().nullable().describe('place on the waiting list'),
  listed: z.boolean().describe('consents to appear on the participant list'),
  answers: z.record(z.string(), z.string()),
  checkInToken: z.string().nullable(),
  checkInPath: z.string().nullable().describe('the path the confirmation’s QR code encodes'),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const FollowUpQuestionSchema = z.object({
  id: z.string().min(1).max(60),
  label: requiredLocalizedTextSchema,
});

export const EventDetailSchema = EventSummarySchema.extend({
  seriesTitle: Text.nullable(),
  programIds: z.array(z.string()),
  agreementIds: z.array(z.string()),
  consortiumIds: z.array(z.string()),
  liaisonOffice: z.object({ id: z.string(), name: Text, institutionId: z.string() }).nullable(),
  followUp: z.array(z.object({ id: z.string(), label: Text })),
  videoUrl: z.string().nullable(),
  sessions: z.array(SessionSchema),
  me: z.object({ registration: RegistrationSchema.nullable() }),
  may: z.object({ manage: z.boolean(), register: z.boolean() }),
});

export const EventBody = z.object({
  kind: eventKindSchema,
  seriesId: Id.nullable().optional(),
  title: requiredLocalizedTextSchema,
  description: Text.optional(),
  timeZone: z.string().min(1).max(64),
  startsOn: IsoDate,
  endsOn: IsoDate,
  mode: eventModeSchema,
  city: z.string().trim().max(200).nullable().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  venue: Text.optional(),
  organisers: z.array(partyRefSchema).min(1).max(20),
  hosts: z.array(partyRefSchema).max(20).optional(),
  programIds: z.array(z.string().max(200)).max(20).optional(),
  agreementIds: z.array(Id).max(20).optional(),
  consortiumIds: z.array(z.string().max(200)).max(20).optional(),
  liaisonOfficeId: Id.nullable().optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  approvalRequired: z.boolean().optional(),
  visibility: eventVisibilitySchema.optional(),
  followUp: z.array(FollowUpQuestionSchema).max(30).optional(),
  videoUrl: Url.nullable().optional(),
});

export const SessionBody = z.object({
  day: IsoDate,
  startTime: Time.describe('HH:MM in the event’s zone'),
  endTime: Time,
  room: z.string().trim().max(200).nullable().optional(),
  title: requiredLocalizedTextSchema,
  description: Text.optional(),
  onlineUrl: Url.nullable().optional(),
});

export const ContributionBody = z.object({
  kind: contributionKindSchema,
  position: z.number().int().min(0).max(1000).optional(),
  title: requiredLocalizedTextSchema,
  abstract: Text.optional(),
  speakerUserId: Id.nullable().optional(),
  guestName: z.string().trim().max(200).nullable().optional(),
  guestAffiliation: z.string().trim().max(300).nullable().optional(),
  materialsUrl: Url.nullable().optional(),
  videoUrl: Url.nullable().optional(),
  recordingConsent: z.boolean().optional(),
});

const Answers = z.record(z.string().max(60), z.string().max(4000));
export const RegisterBody = z.object({
  listed: z.boolean().optional(),
  answers: Answers.optional(),
});
export const RegistrationUpdateBody = z.object({
  listed: z.boolean().optional(),
  answers: Answers.optional(),
});
export const CheckInBody = z.object({ token: z.string().min(1).max(200) });
export const CheckInResultSchema = RegistrationSchema.extend({ name: Text });

export const ParticipantsSchema = z.object({
  manager: z.boolean(),
  items: z.array(
    z.object({
      name: Text,
      registrationId: z.string().optional(),
      userId: z.string().optional(),
      status: registrationStatusSchema.optional(),
      position: z.number().int().nullable().optional(),
      listed: z.boolean().optional(),
      answers: z.record(z.string(), z.string()).optional(),
      checkedInAt: z.string().nullable().optional(),
    }),
  ),
});

export const MyEventsSchema = z.object({
  items: z.array(z.object({ registration: RegistrationSchema, event: EventSummarySchema })),
});

export const MinutesBody = z.object({ text: requiredLocalizedTextSchema });
export const MinutesListSchema = z.object({
  sessionId: z.string(),
  eventId: z.string(),
  may: z.object({ write: z.boolean() }),
  items: z.array(
    z.object({
      version: z.number().int(),
      text: Text,
      createdAt: z.string(),
      createdByName: Text.nullable(),
      approvedAt: z.string().nullable(),
      approvedByName: Text.nullable(),
      locked: z.boolean(),
    }),
  ),
});

export const SeriesBody = z.object({
  title: requiredLocalizedTextSchema,
  description: Text.optional(),
  rotation: rotationSchema.nullable().optional(),
  candidates: z
    .array(z.object({ id: z.string().min(1).max(200), country: z.string().regex(/^[A-Z]{2}$/) }))
    .max(50)
    .optional(),
  organisers: z.array(partyRefSchema).min(1).max(20),
});

export const SeriesSchema = z.object({
  id: z.string(),
  title: Text,
  description: Text,
  rotation: rotationSchema.nullable(),
  candidates: z.array(z.object({ id: z.string(), country: z.string(), name: Text })),
  organisers: z.array(PartySchema),
  invented: z.boolean(),
  nextHost: z
    .object({
      country: z.string().nullable(),
      hostId: z.string().nullable(),
      hostName: Text.nullable(),
      earliest: IsoDate.nullable(),
      latest: IsoDate.nullable(),
    })
    .nullable()
    .describe('the suggestion of the rotation rule; the organisers decide'),
  editions: z.array(EventSummarySchema).describe('every edition, oldest first (archive page)'),
  editionCount: z.number().int(),
  may: z.object({ manage: z.boolean() }),
});
export const SeriesListSchema = z.object({ items: z.array(SeriesSchema) });

/** The liaison office a signing ceremony opens (it enters the registry, opened on its last day). */
export const LiaisonOfficeBody = z.object({
  institutionId: z.string().min(1).max(200),
  consortiumId: z.string().min(1).max(200).nullable().optional(),
  name: z.string().trim().min(1).max(300),
  names: Text.optional(),
  city: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  department: z.string().trim().max(300).nullable().optional(),
  person: z.string().trim().max(200).nullable().optional(),
  contact: z.string().trim().max(300).nullable().optional(),
});

/** An invitation: the group it is addressed to. */
export const InvitationBody = z.object({ audience: invitationAudienceSchema });
export const InvitationResultSchema = z.object({
  invited: z.number().int().describe('people told now'),
  registered: z.number().int().describe('already registered: not invited'),
  alreadyInvited: z.number().int().describe('invited before: not told again'),
});
export const InvitationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      audience: invitationAudienceSchema,
      audienceName: Text,
      invited: z.number().int(),
      sentBy: Text.nullable(),
      sentAt: z.string(),
    }),
  ),
});
const Named = z.object({ id: z.string(), name: Text });
export const InvitationAudiencesSchema = z.object({
  consortia: z.array(Named).describe('the consortia the event belongs to'),
  calls: z.array(z.object({ id: z.string(), title: Text })).describe('the calls you manage'),
  associations: z
    .array(
      Named.extend({
        alumni: z.number().int().describe('alumni with an account'),
        programs: z.array(Named),
        hosts: z.array(Named),
        years: z.array(z.number().int()),
      }),
    )
    .describe('the alumni associations you manage, with the cohorts found in them'),
});

/** A personal calendar link: its path is shown only when it is made. */
export const CalendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  path: z.string().nullable().describe('only in the answer that creates it'),
});
export const FeedTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const ParticipationQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  programId: z.string().min(1).max(200).optional(),
  consortiumId: z.string().min(1).max(200).optional(),
  institutionId: z.string().min(1).max(200).optional(),
});
const Count = z.number().int();
export const ParticipationSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: eventKindSchema,
      title: Text,
      startsOn: z.string(),
      endsOn: z.string(),
      mode: eventModeSchema,
      city: z.string().nullable(),
      country: z.string().nullable(),
      visibility: eventVisibilitySchema,
      invented: z.boolean(),
      confirmed: Count,
      checkedIn: Count,
      invited: Count,
    }),
  ),
  totals: z.object({ events: Count, confirmed: Count, checkedIn: Count, invited: Count }),
});

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};
