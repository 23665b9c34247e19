/**
 * The allocation runs API: the instance and result formats of docs/formats/allocation.md (the
 * domain's own schemas), each mechanism's summary and explanations as codes with params, the names
 * of every student, university and balance unit, and what the reader may do.
 */
import { z } from 'zod';
import { allocationInstanceSchema, allocationRulesSchema } from '#src/domain/allocation/schema.ts';
import { ALLOCATION_REFUSALS } from '#src/domain/allocation/types.ts';
import { localizedTextSchema, refusalSchema } from '#src/domain/shared/refusal.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';

export const MechanismSchema = z.enum(['2s-ttc', 'optimal', 'serial-dictatorship']);
export type Mechanism = z.infer<typeof MechanismSchema>;
export const HowSchema = z.enum(['cycle', 'residue', 'serial', 'optimum', 'home', 'trimmed']);
export const ReasonSchema = z.enum(ALLOCATION_REFUSALS);

export const RunId = z.object({ id: z.uuid('expected an allocation run id (UUID)') });

export const CreateRunBody = z.object({
  instance: allocationInstanceSchema.describe(
    'kakehashi-allocation/1 (docs/formats/allocation.md)',
  ),
  callId: z.string().nullable().optional().describe('the call the instance was handed off from'),
});
export type CreateRunBody = z.infer<typeof CreateRunBody>;
export type AllocationInstance = z.infer<typeof allocationInstanceSchema>;

export const PublishBody = z.object({ mechanism: MechanismSchema, startDate: IsoDate });
export type PublishBody = z.infer<typeof PublishBody>;

export const ResultSchema = z.object({
  format: z.literal('kakehashi-allocation-result/1'),
  mechanism: MechanismSchema,
  objective: z.enum(['students', 'months', 'welfare']).nullable(),
  assignments: z.array(z.object({ student: z.string(), host: z.string() })),
  stats: z.object({
    placed: z.number().int(),
    placedMonths: z.number(),
    seconds: z.number(),
    solver: z.string().optional(),
    proven: z
      .boolean()
      .optional()
      .describe('optimal: true when proven; false when the solver stopped at its time limit'),
    objectiveValue: z.number().optional(),
    stopped: z.literal('limit').optional().describe('optimal, unproven: why it stopped'),
    bounds: z
      .object({ lower: z.number(), upper: z.number() })
      .optional()
      .describe('optimal: the objective is proven to lie between these'),
  }),
});

export const BalanceRowSchema = z.object({
  unit: z.string().describe('the balance unit’s key: a university, consortium, side or pair'),
  name: localizedTextSchema.describe('the unit as people read it'),
  sent: z.number(),
  received: z.number(),
  net: z.number().describe('sent − received, in the balance unit'),
});

export const SummarySchema = z.object({
  placed: z.number().int(),
  placedMonths: z.number(),
  firstChoices: z.number().int(),
  rankSum: z.number(),
  fundedMonths: z.number(),
  yen: z.number(),
  balance: z.array(BalanceRowSchema),
  worstImbalance: z.number(),
});

export const ExplanationSchema = z.object({
  student: z.string(),
  home: z.string(),
  host: z.string().nullable(),
  choice: z.number().int().nullable().describe('1-based rank of the host; null when home'),
  how: HowSchema,
  cycle: z
    .object({
      index: z.number().int(),
      trades: z.array(z.object({ student: z.string(), from: z.string(), to: z.string() })),
    })
    .nullable(),
  better: z.array(z.object({ host: z.string(), choice: z.number().int(), reason: ReasonSchema })),
  outcome: refusalSchema.describe('how she was placed, or that she stays home'),
  because: z.array(refusalSchema).describe('why not each better choice'),
  passedOver: z
    .array(refusalSchema)
    .describe('each higher choice a lower-scored applicant got instead: whom, and why'),
  text: z.string().describe('in English, for logs and API clients'),
});

export const PassedOverSchema = z.object({
  student: z.string().describe('the applicant passed over'),
  instead: z.string().describe('the lower-scored applicant placed there instead'),
  host: z.string(),
  refusal: refusalSchema.describe('whom, where, by whom and why, as a code with params'),
});

export const MechanismResultSchema = z.object({
  result: ResultSchema,
  summary: SummarySchema,
  explanations: z.array(ExplanationSchema),
  passedOver: z
    .array(PassedOverSchema)
    .describe('applicants left unplaced or placed lower while a lower-scored one got a place'),
  passedOverCount: z.number().int().describe('all pass-overs (the list holds the first 500)'),
  passedOverStudents: z.number().int().describe('applicants passed over at least once'),
});

export const RunNamesSchema = z.object({
  students: z.record(z.string(), localizedTextSchema),
  universities: z.record(z.string(), localizedTextSchema),
  units: z.record(z.string(), localizedTextSchema),
});

export const RunSchema = z.object({
  id: z.uuid(),
  callId: z.string().nullable(),
  call: localizedTextSchema.nullable().describe('the call’s title'),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: localizedTextSchema.nullable(),
  nominations: z.number().int(),
  publishedMechanism: MechanismSchema.nullable(),
  publishedAt: z.string().nullable(),
  instance: z.object({
    students: z.number().int(),
    universities: z.number().int(),
    agreements: z.number().int(),
    rules: allocationRulesSchema,
  }),
  names: RunNamesSchema,
  results: z.partialRecord(MechanismSchema, MechanismResultSchema),
  may: z.object({ run: z.boolean(), publish: z.boolean() }),
  publishRefusals: z.array(refusalSchema).describe('why publishing is not offered'),
});
export type AllocationRun = z.infer<typeof RunSchema>;
export type MechanismResult = z.infer<typeof MechanismResultSchema>;
export type Explanation = z.infer<typeof ExplanationSchema>;
export type PassedOver = z.infer<typeof PassedOverSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type AllocationRules = AllocationRun['instance']['rules'];

export const RunListItemSchema = z.object({
  id: z.uuid(),
  callId: z.string().nullable(),
  call: localizedTextSchema.nullable(),
  createdAt: z.string(),
  publishedMechanism: MechanismSchema.nullable(),
});
export const RunListSchema = z.object({
  items: z.array(RunListItemSchema),
  may: z.object({ run: z.boolean() }),
});
export type RunListItem = z.infer<typeof RunListItemSchema>;
export type RunList = z.infer<typeof RunListSchema>;

export const JobId = z.object({ id: z.uuid('expected a job id (UUID)') });

export const JobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['allocation-run']),
    state: z.enum(['running', 'done', 'failed']),
    progress: z
      .object({ done: z.number().int(), total: z.number().int() })
      .describe('steps done of the total (for a run: mechanisms computed of three)'),
    resultId: z.uuid().nullable().describe('the allocation run, once the job is done'),
    error: ErrorSchema.shape.error.nullable().describe('why the job failed, in the error shape'),
  })
  .describe('Heavy work in the background: poll it until it is done or failed');
export type Job = z.infer<typeof JobSchema>;

export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
  422: ErrorSchema,
  429: ErrorSchema,
};
