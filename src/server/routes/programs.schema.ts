/**
 * The API contract of the programs area: funder programs and their rule versions, project
 * applications with their checks (refusal-shaped, R1–R18 and 003 §11), budget (R11 × R14), the
 * support period (R10) and what the reader may do. Bodies reuse the zod schemas of
 * src/domain/program; every referenced record comes with its name in every language it has.
 */
import { z } from 'zod';
import {
  applicationStatusSchema,
  projectApplicationSchema,
} from '#src/domain/program/application.ts';
import { programRulesSchema } from '#src/domain/program/rules.ts';
import { localizedTextSchema, refusalSchema, ruleIdSchema } from '#src/domain/shared/refusal.ts';
import {
  ErrorSchema,
  IsoDate,
  keysetSearchQuery,
  NamesSchema,
  NextCursor,
} from './common.schema.ts';

const Name = localizedTextSchema;

export const ProgramIdParams = z.object({ id: z.string().min(1).max(200) });
export const ApplicationIdParams = z.object({ id: z.string().min(1).max(200) });

/** R18: the countdown to the deadline at the time of the answer. */
export const CountdownSchema = z.object({
  closesAt: z
    .string()
    .describe('the instant the call closes (end of the deadline day, funder’s zone)'),
  outcomeBy: IsoDate,
  passed: z.boolean(),
  totalMs: z.number(),
  days: z.number().int(),
  hours: z.number().int(),
  minutes: z.number().int(),
  seconds: z.number().int(),
});

export const ProgramSchema = z.object({
  id: z.string(),
  name: z.string().describe('the official name'),
  names: Name.describe('the name in every language the program has'),
  funderId: z.string(),
  funderName: Name,
  version: z.number().int().nullable(),
  rules: programRulesSchema.nullable(),
  countdown: CountdownSchema.nullable(),
});
export const ProgramListSchema = z.object({ items: z.array(ProgramSchema) });

/** A value of a rule before or after an edit. */
export const RuleValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]);

/** One field of the rules changed by a version: its dotted path, the value before and after. */
export const RuleChangeSchema = z.object({
  path: z.string().describe('e.g. stipend.monthlyAmount'),
  from: RuleValueSchema,
  to: RuleValueSchema,
});

export const RuleVersionSchema = z.object({
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdByName: Name.nullable().describe('who saved it; null for the initial data'),
  createdAt: z.string(),
  changes: z.array(RuleChangeSchema).describe('field by field, against the version before'),
});

export const ProgramDetailSchema = ProgramSchema.extend({
  versions: z.array(RuleVersionSchema),
  may: z.object({ editRules: z.boolean() }),
});

/** The rules as the funder officer edits them (id and version are set by the server). */
export const RulesBody = programRulesSchema;

export const CheckSchema = refusalSchema.extend({
  rule: ruleIdSchema,
  ok: z.boolean(),
  warning: z
    .literal(true)
    .optional()
    .describe('a pass the registry could not confirm (e.g. R2 on an uploaded copy only)'),
});

/** Check results with the instant they were judged on. */
export const DatedChecksSchema = z.object({
  asOf: z.string().describe('the instant the checks were judged on (ISO 8601)'),
  results: z.array(CheckSchema),
});

/** A signature of the registry agreement's version in force. */
export const RegistrySignatureSchema = z.object({
  party: z.enum(['A', 'B']),
  partyName: Name,
  signatory: z.string(),
  signedOn: IsoDate,
});

/** Item 7 as the registry records it (R2): what the view shows instead of the declaration. */
export const RegistryAgreementRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'signed', 'active', 'expired', 'terminated']),
  version: z.number().int().nullable(),
  title: z.string(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  signedOn: IsoDate.nullable().describe('the day the last party signed the version in force'),
  signatures: z.array(RegistrySignatureSchema),
  stipulatesScreening: z.boolean(),
  stipulatesRecognition: z.boolean(),
  tuitionWaiver: z.boolean(),
});

export const YearBudgetSchema = z.object({
  year: z.number().int(),
  fiscalYear: z.number().int().optional(),
  students: z.number().int(),
  studentMonths: z.number().int(),
  scholarshipYen: z.number().int(),
  capStudentMonths: z.number().int(),
  capYen: z.number().int(),
  withinCap: z.boolean(),
});
export const BudgetSchema = z.object({
  years: z.array(YearBudgetSchema),
  totalYen: z.number().int(),
  monthlyStipendYen: z.number().int(),
});

export const SupportStatusSchema = z.enum(['active', 'suspended', 'ended']);
export const SupportStateSchema = z.object({
  status: SupportStatusSchema,
  startedOn: IsoDate,
  since: IsoDate,
  reason: z.string().optional(),
  history: z.array(
    z.object({
      status: SupportStatusSchema,
      on: IsoDate.describe('The date the change takes effect'),
      reason: z.string().optional(),
      by: z.string().optional(),
      byName: NamesSchema.nullable().describe('Who recorded the change'),
      recordedAt: z.string().optional().describe('When it was recorded (an instant)'),
    }),
  ),
});
export const SupportPeriodSchema = z.object({
  firstFiscalYear: z.number().int(),
  lastFiscalYear: z.number().int(),
  endsOn: IsoDate,
  maxYears: z.number().int(),
  yearsElapsed: z.number().int(),
  currentYear: z.number().int(),
  ended: z.boolean(),
});

/** What the reader may do with the application, computed by the server. */
export const ApplicationMaySchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  decideOutcome: z.boolean(),
  suspend: z.boolean(),
  reinstate: z.boolean(),
  review: z.boolean().describe('the funder reads it as its reviewer'),
  recheck: z
    .boolean()
    .describe('re-check a submitted application now (funder, responsible person)'),
});

/** Why an action the reader would otherwise take is not offered (null when it is, or is not theirs). */
export const ApplicationWhyNotSchema = z.object({
  /** What submitting now would refuse (empty when it may be submitted or the reader may not). */
  submit: z.array(refusalSchema),
  suspend: refusalSchema.nullable(),
});

const applicationFields = {
  id: z.string(),
  programId: z.string(),
  programName: Name,
  status: applicationStatusSchema,
  title: Name,
  homeConsortiumId: z.string().nullable(),
  homeConsortiumName: Name.nullable(),
  partnerConsortiumId: z.string().nullable(),
  partnerConsortiumName: Name.nullable(),
  representativeId: z.string().nullable(),
  representativeName: Name.nullable(),
  responsibleUserId: z.string().nullable(),
  responsibleName: Name.nullable(),
  submittedAt: z.string().nullable(),
  outcome: z.enum(['selected', 'not-selected']).nullable(),
  outcomeOn: IsoDate.nullable(),
  invented: z.boolean(),
  checks: DatedChecksSchema.describe(
    'a draft: live, as of now; submitted: as stored at submission (R18), never re-run',
  ),
  recheck: DatedChecksSchema.extend({ byName: Name.nullable() })
    .nullable()
    .describe('the last explicit re-check of a submitted application, with who asked'),
  registryAgreement: RegistryAgreementRecordSchema.nullable().describe(
    'item 7 from the registry when the application names an agreement of it (R2)',
  ),
  budget: BudgetSchema.nullable(),
  countdown: CountdownSchema.nullable(),
  support: SupportStateSchema.nullable(),
  supportPeriod: SupportPeriodSchema.nullable(),
  may: ApplicationMaySchema,
  whyNot: ApplicationWhyNotSchema,
};

export const ApplicationSchema = z.object({
  ...applicationFields,
  content: projectApplicationSchema,
});
export const ApplicationSummarySchema = z.object({
  ...applicationFields,
  checksFailed: z.number().int(),
});
export const ApplicationListSchema = z.object({
  items: z.array(ApplicationSummarySchema),
  nextCursor: NextCursor,
});
export const OutcomeResultSchema = ApplicationSchema.extend({
  late: z.boolean().describe('recorded after the outcome date of the call (R18)'),
});

export const ApplicationListQuery = z.object({
  programId: z.string().min(1).optional(),
  ...keysetSearchQuery(
    'Words of the id or the project’s title, in any language (case and accents ignored)',
  ),
});

/** The content of an application as the form sends it; id, program and status are the server's. */
export const ApplicationContentSchema = projectApplicationSchema.partial({
  id: true,
  programId: true,
  status: true,
});

export const CreateApplicationBody = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'lower-case letters, digits and dashes'),
  programId: z.string().min(1),
  content: ApplicationContentSchema,
});
export const SaveDraftBody = z.object({ content: ApplicationContentSchema });
export const OutcomeBody = z.object({
  outcome: z.enum(['selected', 'not-selected']),
  on: IsoDate,
});
export const SupportBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('suspend'),
    on: IsoDate,
    reason: z.string().trim().min(1, 'a suspension needs a reason'),
  }),
  z.object({ type: z.literal('reinstate'), on: IsoDate, reason: z.string().optional() }),
  z.object({ type: z.literal('end'), on: IsoDate, reason: z.string().optional() }),
]);
export const DossierQuery = z.object({ lang: z.enum(['ja', 'en']).default('ja') });

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

export type Program = z.infer<typeof ProgramSchema>;
export type ProgramDetail = z.infer<typeof ProgramDetailSchema>;
export type RuleChange = z.infer<typeof RuleChangeSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type DatedChecksView = z.infer<typeof DatedChecksSchema>;
export type RegistryAgreementRecordView = z.infer<typeof RegistryAgreementRecordSchema>;
export type Countdown = z.infer<typeof CountdownSchema>;
export type ApplicationView = z.infer<typeof ApplicationSchema>;
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export type SupportChange = z.infer<typeof SupportBody>;
export type ApplicationContent = z.infer<typeof ApplicationContentSchema>;
