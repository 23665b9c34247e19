/**
 * The vocabulary and the input shapes of partnerships between institutions: degree programmes
 * across institutions (double, dual, joint), education boards that plan them, co-supervised
 * doctorates (cotutelles), joint laboratories and projects with their funding, visits of staff,
 * and partnerships with their themes and strategic plans. Every title is a LocalizedText
 * (src/domain/shared): entered side by side, read in the reader's language with a fallback.
 * A person is an account (`userId`) or, when they have none (a supervisor abroad, a visiting
 * professor), a named guest (`guestName`), as event speakers are.
 */
import { z } from 'zod';
import { localizedTextSchema, requiredLocalizedTextSchema } from '../shared/refusal.ts';

const IsoDate = z.iso.date();
const InstitutionId = z.string().trim().min(1).max(200);
const UserId = z.uuid();
const Name = z.string().trim().min(1).max(300);

/** double: two degrees; dual: two degrees of one integrated curriculum; joint: one degree signed by all. */
export const DEGREE_KINDS = ['double', 'dual', 'joint'] as const;
export type DegreeKind = (typeof DEGREE_KINDS)[number];

export const DEGREE_LEVELS = ['bachelor', 'master', 'doctor'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];

/** planned: an education board prepares it; active: students enrol; closed: no new intake. */
export const PROGRAMME_STATUSES = ['planned', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PARTNER_ROLES = ['coordinating', 'partner', 'associate'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const COTUTELLE_STATUSES = ['planned', 'in_progress', 'defended', 'abandoned'] as const;
export type CotutelleStatus = (typeof COTUTELLE_STATUSES)[number];

export const LAB_KINDS = ['laboratory', 'project'] as const;
export type LabKind = (typeof LAB_KINDS)[number];

export const VISITOR_ROLES = ['president', 'vice_president', 'professor', 'staff'] as const;
export type VisitorRole = (typeof VISITOR_ROLES)[number];

export const VISIT_PURPOSES = [
  'conference',
  'teaching',
  'governance',
  'research',
  'other',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const PLAN_STATUSES = ['in_preparation', 'adopted', 'expired'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const BOARD_ROLES = ['chair', 'co_chair', 'member', 'secretary'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** An account or a named guest; which one is checked by `personProblems`. */
export const personSchema = z.object({
  userId: UserId.nullable().optional(),
  guestName: Name.nullable().optional(),
});
export type PersonRef = z.infer<typeof personSchema>;

// ------------------------------------------------------------------------- degree programmes

export const degreePartnerSchema = z.object({
  institutionId: InstitutionId,
  role: z.enum(PARTNER_ROLES),
  /** The degree this partner awards (e.g. "Master of Science"); empty for a joint degree's co-signers. */
  degree: localizedTextSchema.default({}),
});

/** Which semesters a student spends at a partner and the credits required there. */
export const splitPartSchema = z.object({
  institutionId: InstitutionId,
  semesters: z.array(z.number().int().min(1).max(12)).max(12),
  credits: z.number(),
});
export type SplitPart = z.infer<typeof splitPartSchema>;

export const degreeProgrammeInputSchema = z.object({
  kind: z.enum(DEGREE_KINDS),
  title: requiredLocalizedTextSchema,
  partners: z.array(degreePartnerSchema).max(20),
  /** ISCED-F 2013 four-digit field of education. */
  field: z.string().trim().max(4),
  level: z.enum(DEGREE_LEVELS),
  split: z.array(splitPartSchema).max(20).default([]),
  /** ISO 639-1 codes of the languages of instruction. */
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code'))
    .max(10)
    .default([]),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().optional(),
  status: z.enum(PROGRAMME_STATUSES).default('active'),
  boardId: z.uuid().nullable().optional(),
  partnershipId: z.uuid().nullable().optional(),
});
export type DegreeProgrammeInput = z.input<typeof degreeProgrammeInputSchema>;

export const cohortInputSchema = z.object({
  intakeYear: z.number().int().min(1900).max(2200),
  graduated: z.number().int().min(0).default(0),
});
export type CohortInput = z.input<typeof cohortInputSchema>;

/** A student's path in a cohort, with the mobilities it is made of. */
export const pathInputSchema = z.object({
  intakeYear: z.number().int().min(1900).max(2200),
  userId: UserId,
  mobilityIds: z.array(z.uuid()).max(20).default([]),
});
export type PathInput = z.input<typeof pathInputSchema>;

// ------------------------------------------------------------------------- education boards

export const boardMemberSchema = personSchema.extend({
  institutionId: InstitutionId,
  role: z.enum(BOARD_ROLES),
});
export type BoardMember = z.infer<typeof boardMemberSchema>;

export const boardInputSchema = z.object({
  name: requiredLocalizedTextSchema,
  institutionIds: z.array(InstitutionId).max(20),
  members: z.array(boardMemberSchema).max(50).default([]),
  purpose: localizedTextSchema.default({}),
});
export type BoardInput = z.input<typeof boardInputSchema>;

// ------------------------------------------------------------------------------- cotutelles

export const supervisorSchema = personSchema.extend({ institutionId: InstitutionId });
export type Supervisor = z.infer<typeof supervisorSchema>;

export const cotutelleInputSchema = z.object({
  candidate: personSchema,
  thesisTitle: requiredLocalizedTextSchema,
  supervisors: z.array(supervisorSchema).min(1).max(10),
  agreementId: z.uuid().nullable().optional(),
  startsOn: IsoDate,
  defenceOn: IsoDate.nullable().optional(),
  status: z.enum(COTUTELLE_STATUSES),
  /** The institutions whose degree the candidate was (or will be) awarded. */
  degreesFrom: z.array(InstitutionId).max(10).default([]),
});
export type CotutelleInput = z.input<typeof cotutelleInputSchema>;

// ------------------------------------------------------------------- joint labs and projects

/** An amount in integer minor units of an ISO 4217 currency (€250,000 = 25000000 EUR). */
export const moneySchema = z.object({
  amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().trim().toUpperCase().length(3),
});
export type Money = z.infer<typeof moneySchema>;

export const extensionSchema = moneySchema.extend({
  /** The day the extension was granted (the 2019 extension). */
  decidedOn: IsoDate.nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  note: localizedTextSchema.default({}),
});
export type Extension = z.infer<typeof extensionSchema>;

export const labPersonSchema = personSchema.extend({
  institutionId: InstitutionId.nullable().optional(),
  role: z.string().trim().min(1).max(100),
});

export const labInputSchema = z.object({
  kind: z.enum(LAB_KINDS),
  title: requiredLocalizedTextSchema,
  description: localizedTextSchema.default({}),
  /** Universities, academies, companies: any registry institution. */
  partnerIds: z.array(InstitutionId).max(30),
  fundingInstrument: z.string().trim().max(300).nullable().optional(),
  funding: moneySchema.nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().optional(),
  extensions: z.array(extensionSchema).max(20).default([]),
  /** Theme keys of the partnerships (`smart-cities`). */
  themes: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  people: z.array(labPersonSchema).max(50).default([]),
  partnershipId: z.uuid().nullable().optional(),
});
export type LabInput = z.input<typeof labInputSchema>;

// ------------------------------------------------------------------------------------ visits

export const taughtCourseSchema = z.object({
  title: requiredLocalizedTextSchema,
  credits: z.number().min(0).max(100).nullable().optional(),
  hours: z.number().min(0).max(2000).nullable().optional(),
});

export const visitInputSchema = z.object({
  visitor: personSchema,
  role: z.enum(VISITOR_ROLES),
  fromId: InstitutionId,
  toId: InstitutionId,
  startsOn: IsoDate,
  endsOn: IsoDate,
  purpose: z.enum(VISIT_PURPOSES),
  eventId: z.uuid().nullable().optional(),
  courses: z.array(taughtCourseSchema).max(20).default([]),
  note: localizedTextSchema.default({}),
});
export type VisitInput = z.input<typeof visitInputSchema>;

// ------------------------------------------------------------- partnerships and their plans

export const THEME_KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const themeSchema = z.object({
  key: z.string().regex(THEME_KEY, 'lower-case words joined by hyphens').max(60),
  label: requiredLocalizedTextSchema,
});
export type Theme = z.infer<typeof themeSchema>;

export const partnershipInputSchema = z.object({
  title: requiredLocalizedTextSchema,
  institutionIds: z.array(InstitutionId).max(30),
  since: IsoDate.nullable().optional(),
  themes: z.array(themeSchema).max(30).default([]),
  notes: localizedTextSchema.default({}),
});
export type PartnershipInput = z.input<typeof partnershipInputSchema>;

export const planInputSchema = z.object({
  title: requiredLocalizedTextSchema,
  status: z.enum(PLAN_STATUSES),
  startsOn: IsoDate,
  endsOn: IsoDate,
  fileUrl: z.string().trim().max(2000).nullable().optional(),
});
export type PlanInput = z.input<typeof planInputSchema>;
