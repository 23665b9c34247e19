import { z } from 'zod';
import {
  ALUMNI_FIELDS,
  AUDIENCES,
  DIRECTIONS,
  alumniConsentSchema,
} from '#src/domain/alumni/fields.ts';
import { localizedTextSchema, requiredLocalizedTextSchema } from '#src/domain/shared/refusal.ts';
import { ErrorSchema, IsoDate, NamesSchema } from './common.schema.ts';

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};

const Named = z.object({ id: z.string(), name: NamesSchema });

export const AssociationIdParams = z.object({ id: z.string().min(1).max(100) });
export const OfficerParams = z.object({ id: z.string().min(1).max(100), officerId: z.uuid() });
export const RecordIdParams = z.object({ id: z.uuid() });
export const StayIdParams = z.object({ id: z.uuid() });

export const AssociationSummary = z.object({
  id: z.string(),
  names: NamesSchema,
  institution: Named,
  program: Named.nullable(),
  foundedOn: IsoDate.nullable(),
  alumni: z.number().int().describe('how many alumni the association has entered'),
  invented: z.boolean(),
});
export const AssociationList = z.object({
  items: z.array(AssociationSummary),
  may: z.object({ create: z.boolean().describe('the reader may found an association') }),
});
export type AssociationList = z.infer<typeof AssociationList>;

export const Meeting = z.object({
  id: z.uuid(),
  kind: z.string().describe('general_conference'),
  number: z.number().int().nullable().describe('1 for the first general conference'),
  heldOn: IsoDate,
  title: NamesSchema,
  minutes: NamesSchema.describe('the minutes, in each language they were written in'),
  eventId: z.uuid().nullable().describe('the event of the calendar this meeting was part of'),
  invented: z.boolean(),
});

export const AssociationDetail = AssociationSummary.extend({
  description: NamesSchema,
  counts: z.object({ outgoing: z.number().int(), incoming: z.number().int() }),
  officers: z.array(
    z.object({ userId: z.uuid(), name: NamesSchema, title: z.string(), since: IsoDate }),
  ),
  meetings: z.array(Meeting),
  may: z.object({ manage: z.boolean() }),
});
export type AssociationDetail = z.infer<typeof AssociationDetail>;

export const DirectoryQuery = z.object({
  q: z.string().max(200).optional().describe('words to find, in the fields each reader may see'),
});

export const DirectoryItem = z.object({
  id: z.uuid(),
  direction: z.enum(DIRECTIONS),
  mine: z.boolean().describe('the reader’s own record (they see all of it)'),
  name: z.string().optional(),
  home: Named.optional(),
  host: Named.optional(),
  year: z.number().int().optional(),
  fieldOfStudy: z.string().nullable().optional(),
  currentPosition: z.string().nullable().optional(),
  contact: z.string().nullable().optional(),
  degreeAtHost: z.boolean().nullable().optional(),
  worksInJapanRussia: z.boolean().nullable().optional(),
  outcomeNote: z.string().nullable().optional(),
});
export const Directory = z.object({
  items: z.array(DirectoryItem),
  total: z.number().int(),
  /** Records whose holders showed the reader nothing are not listed; this counts all of them. */
  alumni: z.number().int(),
});
export type Directory = z.infer<typeof Directory>;

export const AssociationBody = z.object({
  institutionId: z.string().trim().min(1).max(253).describe('the university (registry id)'),
  programId: z.string().trim().min(1).max(200).nullable().default(null),
  names: requiredLocalizedTextSchema,
  description: localizedTextSchema.default({}),
  foundedOn: IsoDate.nullable().default(null),
});

export const OfficerBody = z.object({
  userId: z.uuid(),
  title: z.enum(['president', 'vice_president', 'secretary', 'treasurer', 'member']),
  since: IsoDate,
});

export const MeetingBody = z.object({
  heldOn: IsoDate,
  number: z.number().int().min(1).max(1000).nullable().default(null),
  title: requiredLocalizedTextSchema,
  minutes: localizedTextSchema.default({}),
  eventId: z.uuid().nullable().default(null),
});

export const DeriveResult = z.object({ added: z.number().int(), alumni: z.number().int() });

const optionalText = (max: number) => z.string().trim().max(max).nullable();

export const ProfileBody = z.object({
  fieldOfStudy: optionalText(200),
  currentPosition: optionalText(300),
  contact: optionalText(300).describe('an e-mail address or an http(s) link'),
  degreeAtHost: z.boolean().nullable(),
  worksInJapanRussia: z.boolean().nullable(),
  outcomeNote: optionalText(2000),
  consent: alumniConsentSchema,
  mentorOptIn: z.boolean(),
});

export const MyAlumniRecord = z.object({
  id: z.uuid(),
  association: z.object({ id: z.string(), names: NamesSchema }),
  name: z.string(),
  home: Named,
  host: Named,
  direction: z.enum(DIRECTIONS),
  year: z.number().int(),
  fieldOfStudy: z.string().nullable(),
  currentPosition: z.string().nullable(),
  contact: z.string().nullable(),
  degreeAtHost: z.boolean().nullable(),
  worksInJapanRussia: z.boolean().nullable(),
  outcomeNote: z.string().nullable(),
  consent: alumniConsentSchema,
  mentorOptIn: z.boolean(),
});
export const MyAlumni = z.object({
  items: z.array(MyAlumniRecord),
  fields: z.array(z.enum(ALUMNI_FIELDS)),
  audiences: z.array(z.enum(AUDIENCES)),
});
export type MyAlumni = z.infer<typeof MyAlumni>;

export const MenteeBody = z.object({
  optedIn: z.boolean(),
  fieldOfStudy: optionalText(200),
});

export const MyMentors = z.object({
  stays: z.array(
    z.object({
      mobilityId: z.uuid(),
      host: Named,
      startDate: IsoDate,
      optedIn: z.boolean(),
      fieldOfStudy: z.string().nullable(),
      mentors: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          host: Named,
          year: z.number().int(),
          fieldOfStudy: z.string().nullable(),
          contact: z.string().nullable(),
          sameHost: z.boolean(),
          sameField: z.boolean(),
        }),
      ),
    }),
  ),
});
export type MyMentors = z.infer<typeof MyMentors>;
