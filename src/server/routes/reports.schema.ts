/**
 * The API contract of annual implementation reports (R20): figures computed from the records and
 * frozen at the funder's cut-off, narrative sections per language, the report's life, and the
 * funder's table of every project's report against its deadline. Names travel next to ids.
 */
import { z } from 'zod';
import { NARRATIVE_SECTIONS } from '#src/domain/reports/narrative.ts';
import { REPORT_STATES, REPORT_STATUSES } from '#src/domain/reports/lifecycle.ts';
import { languageSchema, localizedTextSchema } from '#src/domain/shared/refusal.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';

const Text = localizedTextSchema;
const Count = z.number().int();
const Months = z.number();

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

export const ReportParams = z.object({
  projectId: z.string().min(1).max(200),
  fiscalYear: z.coerce.number().int().min(1990).max(2200),
});
export const ReportQuery = z.object({
  version: z.coerce.number().int().min(1).max(1000).optional(),
});
export const ReportFileQuery = ReportQuery.extend({ lang: languageSchema.optional() });
export const StatusQuery = z.object({
  fiscalYear: z.coerce.number().int().min(1990).max(2200).optional(),
  programId: z.string().min(1).max(200).optional(),
});

const SectionText = z.union([z.string().max(20_000), localizedTextSchema]).nullable();
export const NarrativeSchema = z
  .object({
    self_evaluation: SectionText.optional(),
    quality_assurance: SectionText.optional(),
    issues_and_measures: SectionText.optional(),
    plan: SectionText.optional(),
  } satisfies Record<(typeof NARRATIVE_SECTIONS)[number], unknown>)
  .strict();
export const NarrativeBody = z.object({ narrative: NarrativeSchema });
export const CutOffBody = z.object({ cutOff: z.string().min(1).max(20) });
export const ReopenBody = z.object({
  reason: z.string().max(4000).describe('why the funder reopens the report (required, R20)'),
});

const Flow = z.object({
  sentStudents: Count,
  receivedStudents: Count,
  sentMonths: Months,
  receivedMonths: Months,
});
const Breakdown = Flow.extend({ key: z.string() });
const MoneyLine = z.object({
  spentJpy: z.number().int(),
  budgetJpy: z.number().int().nullable(),
  remainingJpy: z.number().int().nullable(),
});
const Plan = z.object({ students: Count, studentMonths: Months });

export const FiguresSchema = z.object({
  fiscalYear: Count,
  cutOff: IsoDate,
  period: z.object({ start: IsoDate, end: IsoDate }),
  students: Flow,
  studentMonthsElapsed: z.object({ sent: Months, received: Months }),
  byPartner: z.array(Breakdown),
  byComponent: z.array(Breakdown),
  byLevel: z.array(Breakdown),
  byField: z.array(Breakdown),
  byDuration: z.array(Breakdown),
  recognition: z.array(
    z.object({
      creditSystem: z.string(),
      decided: Count,
      full: Count,
      partial: Count,
      none: Count,
      creditsPlanned: z.number(),
      creditsRecognised: z.number(),
      rate: z.number().nullable(),
    }),
  ),
  scholarships: MoneyLine.extend({ months: Months, payments: Count }),
  travel: MoneyLine.extend({ trips: Count, payments: Count }),
  cap: z
    .object({ cap: Months, committed: Months, paid: Months, remaining: Months, overBy: Months })
    .describe('R14: the cap in student-months against what is committed and paid'),
  balance: z.object({
    fiscalYear: z.object({ planned: Flow, realised: Flow }),
    cumulative: z.object({ planned: Flow, realised: Flow }),
    tolerance: z.object({ students: z.number(), months: z.number() }),
    warnings: z.array(
      z.object({
        rule: z.literal('R4'),
        academicYear: z.union([Count, z.literal('total')]),
        state: z.enum(['planned', 'realised']),
        unit: z.enum(['students', 'months']),
        difference: z.number(),
        tolerance: z.number(),
        ahead: z.enum(['sent', 'received']),
      }),
    ),
  }),
  plannedVsActual: z.object({
    planned: z.object({ outbound: Plan, inbound: Plan }).nullable(),
    actual: z.object({ outbound: Plan, inbound: Plan }),
  }),
  events: z.object({ held: Count, participants: Count }),
  advisories: z.array(
    z.object({
      id: z.string(),
      country: z.string(),
      level: z.string(),
      from: IsoDate,
      last: IsoDate,
      days: Count,
      staysConcerned: Count,
    }),
  ),
});

const StatusView = z.object({
  status: z.enum(REPORT_STATUSES),
  deadline: IsoDate,
  daysLeft: Count,
  submittedLateBy: Count,
});

const HistoryEntry = z.object({
  action: z.enum(['submit', 'receive', 'reopen']),
  on: IsoDate,
  version: Count,
  cutOff: IsoDate.optional(),
  late: z.boolean().optional(),
  decisionId: z.string().optional(),
});

export const ReportSchema = z.object({
  projectId: z.string(),
  projectName: Text,
  programId: z.string(),
  fiscalYear: Count,
  period: z.object({ start: IsoDate, end: IsoDate }),
  deadline: IsoDate,
  status: StatusView,
  state: z.enum(REPORT_STATES),
  version: Count,
  cutOff: IsoDate.nullable(),
  narrative: NarrativeSchema,
  completeness: z.object({
    written: Count,
    total: Count,
    missing: z.array(z.enum(NARRATIVE_SECTIONS)),
  }),
  figures: FiguresSchema,
  figuresFrozen: z.boolean().describe('true once submitted: the figures of the version as frozen'),
  names: z.object({ institutions: z.record(z.string(), Text) }),
  history: z.array(HistoryEntry),
  versions: z.array(
    z.object({ version: Count, cutOff: IsoDate, submittedOn: IsoDate, late: z.boolean() }),
  ),
  decisions: z.array(
    z.object({ id: z.string(), version: Count, decidedOn: IsoDate, reason: z.string() }),
  ),
  can: z.object({ write: z.boolean(), submit: z.boolean(), receive: z.boolean() }),
  support: z.object({ firstFiscalYear: Count, lastFiscalYear: Count }),
});

export const StatusTable = z.object({
  fiscalYear: Count,
  rows: z.array(
    z.object({
      projectId: z.string(),
      projectName: Text,
      programId: z.string(),
      representativeId: z.string().nullable(),
      representativeName: Text.nullable(),
      fiscalYear: Count,
      state: z.enum(REPORT_STATES).nullable(),
      version: Count.nullable(),
      cutOff: IsoDate.nullable(),
      status: StatusView,
    }),
  ),
});
