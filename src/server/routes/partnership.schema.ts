/**
 * The API contract of the partnership area: degree programmes (with cohorts and students' paths),
 * education boards (with their meetings, which are events), cotutelles, joint laboratories and
 * projects, visits, partnerships with their themes and strategic plans. Bodies are the domain's
 * input schemas; texts are LocalizedText; amounts integer minor units of an ISO 4217 currency.
 */
import { z } from 'zod';
import {
  BOARD_ROLES,
  COTUTELLE_STATUSES,
  DEGREE_KINDS,
  DEGREE_LEVELS,
  LAB_KINDS,
  PARTNER_ROLES,
  PLAN_STATUSES,
  PROGRAMME_STATUSES,
  VISIT_PURPOSES,
  VISITOR_ROLES,
  boardInputSchema,
  cohortInputSchema,
  cotutelleInputSchema,
  degreeProgrammeInputSchema,
  extensionSchema,
  labInputSchema,
  moneySchema,
  partnershipInputSchema,
  pathInputSchema,
  planInputSchema,
  splitPartSchema,
  themeSchema,
  visitInputSchema,
} from '#src/domain/partnership/kinds.ts';
import {
  eventKindSchema,
  eventModeSchema,
  eventVisibilitySchema,
} from '#src/domain/events/kinds.ts';
import { localizedTextSchema, requiredLocalizedTextSchema } from '#src/domain/shared/refusal.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';

const Text = localizedTextSchema;
const Named = z.object({ id: z.string(), name: Text });
const May = z.object({ manage: z.boolean() });
const Create = z.object({ create: z.boolean() });

export const IdParams = z.object({ id: z.uuid() });
export const InstitutionQuery = z.object({
  institutionId: z.string().trim().min(1).max(200).optional(),
});
export const ProgrammeListQuery = InstitutionQuery.extend({ boardId: z.uuid().optional() });
export const CotutelleListQuery = InstitutionQuery.extend({
  since: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('started in or after this year'),
});

export const ProgrammeBody = degreeProgrammeInputSchema;
export const CohortBody = cohortInputSchema;
export const PathBody = pathInputSchema;
export const BoardBody = boardInputSchema;
export const MeetingBody = z.object({
  kind: eventKindSchema.optional(),
  title: requiredLocalizedTextSchema,
  timeZone: z.string().trim().min(1).max(64),
  startsOn: IsoDate,
  endsOn: IsoDate,
  mode: eventModeSchema,
  city: z.string().trim().max(200).nullable().optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  visibility: eventVisibilitySchema.optional(),
});
export const CotutelleBody = cotutelleInputSchema;
export const LabBody = labInputSchema;
export const VisitBody = visitInputSchema;
export const PartnershipBody = partnershipInputSchema;
export const PlanBody = planInputSchema;

const Recognition = z.object({
  componentId: z.string(),
  hostCourseCode: z.string(),
  homeTitle: Text,
  outcome: z.string(),
  creditsRecognised: z.unknown(),
  decidedAt: z.string(),
});
const PathSchema = z.object({
  id: z.string(),
  student: Text,
  mobilities: z.array(
    z.object({
      id: z.string(),
      home: Text,
      host: Text,
      level: z.string(),
      startDate: IsoDate,
      months: z.number(),
      status: z.string(),
      recognitions: z.array(Recognition),
    }),
  ),
});

export const ProgrammeSchema = z.object({
  id: z.string(),
  kind: z.enum(DEGREE_KINDS),
  title: Text,
  partners: z.array(
    z.object({ institutionId: z.string(), name: Text, role: z.enum(PARTNER_ROLES), degree: Text }),
  ),
  field: z.string(),
  level: z.enum(DEGREE_LEVELS),
  split: z.array(splitPartSchema.extend({ name: Text })),
  totalCredits: z.number(),
  languages: z.array(z.string()),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  board: z.object({ id: z.string(), name: Text }).nullable(),
  partnershipId: z.string().nullable(),
  invented: z.boolean(),
  cohorts: z.array(
    z.object({
      id: z.string(),
      intakeYear: z.number().int(),
      enrolled: z.number().int(),
      graduated: z.number().int(),
      invented: z.boolean(),
      paths: z.array(PathSchema).describe('only to the programme’s coordinators and the student'),
    }),
  ),
  may: May,
});
export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema), may: Create });

export const BoardSchema = z.object({
  id: z.string(),
  name: Text,
  purpose: Text,
  institutions: z.array(Named),
  members: z.array(
    z.object({
      institutionId: z.string(),
      institution: Text,
      role: z.enum(BOARD_ROLES),
      name: Text.nullable().describe('within the board’s institutions only'),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      kind: eventKindSchema,
      title: Text,
      startsOn: IsoDate,
      endsOn: IsoDate,
      city: z.string().nullable(),
    }),
  ),
  plannedProgrammes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DEGREE_KINDS),
      title: Text,
      level: z.enum(DEGREE_LEVELS),
      status: z.enum(PROGRAMME_STATUSES),
    }),
  ),
  invented: z.boolean(),
  may: May,
});
export const BoardListSchema = z.object({ items: z.array(BoardSchema) });

const Counts = z.object({
  planned: z.number().int(),
  in_progress: z.number().int(),
  defended: z.number().int(),
  abandoned: z.number().int(),
  total: z.number().int(),
});
export const CotutelleSchema = z.object({
  id: z.string(),
  candidate: Text,
  candidateUserId: z.string().nullable(),
  thesisTitle: Text,
  supervisors: z.array(z.object({ institutionId: z.string(), institution: Text, name: Text })),
  agreementId: z.string().nullable(),
  startsOn: IsoDate,
  defenceOn: IsoDate.nullable(),
  status: z.enum(COTUTELLE_STATUSES),
  degreesFrom: z.array(Named),
  invented: z.boolean(),
  may: May,
});
export const CotutelleListSchema = z.object({
  counts: Counts,
  items: z.array(CotutelleSchema).describe('only those the reader may see in full'),
  may: Create,
});

export const LabSchema = z.object({
  id: z.string(),
  kind: z.enum(LAB_KINDS),
  title: Text,
  description: Text,
  partners: z.array(Named),
  fundingInstrument: z.string().nullable(),
  funding: moneySchema.nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  extensions: z.array(extensionSchema),
  fundedUntil: IsoDate.nullable(),
  totals: z.array(moneySchema),
  timeline: z.array(
    z.object({
      on: IsoDate,
      kind: z.enum([
        'started',
        'ended',
        'extension_decided',
        'extension_started',
        'extension_ended',
      ]),
      extension: z.number().int().optional(),
      amount: moneySchema.optional(),
    }),
  ),
  themes: z.array(z.object({ key: z.string(), label: Text })),
  people: z.array(
    z.object({ role: z.string(), institution: Text.nullable(), name: Text.nullable() }),
  ),
  partnershipId: z.string().nullable(),
  invented: z.boolean(),
  may: May,
});
export const LabListSchema = z.object({ items: z.array(LabSchema), may: Create });

export const VisitSchema = z.object({
  id: z.string(),
  visitor: Text,
  role: z.enum(VISITOR_ROLES),
  from: Named,
  to: Named,
  startsOn: IsoDate,
  endsOn: IsoDate,
  purpose: z.enum(VISIT_PURPOSES),
  eventId: z.string().nullable(),
  courses: z.array(
    z.object({
      title: Text,
      credits: z.number().nullable().optional(),
      hours: z.number().nullable().optional(),
    }),
  ),
  note: Text,
  invented: z.boolean(),
  may: May,
});
export const VisitListSchema = z.object({
  counts: z.object({
    total: z.number().int(),
    byRole: z.record(z.enum(VISITOR_ROLES), z.number().int()),
  }),
  items: z.array(VisitSchema).describe('only those the reader may see in full'),
  may: Create,
});

export const PartnershipSchema = z.object({
  id: z.string(),
  title: Text,
  institutions: z.array(Named),
  since: IsoDate.nullable(),
  themes: z.array(themeSchema),
  notes: Text,
  plans: z.array(
    z.object({
      id: z.string(),
      title: Text,
      status: z.enum(PLAN_STATUSES),
      startsOn: IsoDate,
      endsOn: IsoDate,
      fileUrl: z.string().nullable(),
      invented: z.boolean(),
    }),
  ),
  invented: z.boolean(),
  may: May,
});
export const PartnershipListSchema = z.object({ items: z.array(PartnershipSchema), may: Create });

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};
