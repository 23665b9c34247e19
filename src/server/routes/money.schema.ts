/** The API contract of scholarships, payments, travel and advisories. */
import { z } from 'zod';
import { localizedTextSchema, refusalSchema } from '#src/domain/shared/refusal.ts';
import { PARTIAL_MONTH_RULES } from '#src/domain/scholarship/types.ts';
import { KeysetQuery, NextCursor } from './common.schema.ts';

export const MobilityId = z.object({ id: z.string().uuid('expected a mobility id (UUID)') });
export const BatchId = z.object({ id: z.string().uuid('expected a payment batch id (UUID)') });
export const AdvisoryId = z.object({ id: z.string().uuid('expected an advisory id (UUID)') });
export const TextId = z.object({ id: z.string().min(1).max(200) });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const Iata = z.string().regex(/^[A-Za-z]{3}$/, 'expected an IATA airport code (3 letters)');

export const ConfirmBody = z.object({ month: Month });

export const BudgetQuery = z.object({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
  consortiumId: z.string().min(1).max(200).optional(),
});

export const BatchItem = z.discriminatedUnion('kind', [
  z.object({ mobilityId: z.string().uuid(), kind: z.literal('stipend'), period: Month }),
  z.object({
    mobilityId: z.string().uuid(),
    kind: z.literal('travel'),
    period: z.literal('trip').optional(),
  }),
]);

export const CreateBatchBody = z.object({
  consortiumId: z.string().min(1).max(200),
  /** Exactly these items; omitted: every payable confirmed month and receipted trip. */
  items: z.array(BatchItem).min(1).max(5000).optional(),
  transferDate: Day.optional(),
});

export const PaidBody = z.object({ paidOn: Day.optional() }).optional();

export const DeskQuery = z.object(KeysetQuery);

export const BatchesQuery = z.object({ consortiumId: z.string().min(1).max(200), ...KeysetQuery });

export const ExportParams = z.object({
  id: z.string().uuid('expected a payment batch id (UUID)'),
  format: z.enum(['zengin', 'csv', 'xlsx']),
});

export const AirportsBody = z.object({
  homeAirport: Iata.optional(),
  hostAirport: Iata.optional(),
  reason: z.string().max(2000).optional(),
});

export const FareBody = z.object({
  amountJpy: z.number().int(),
  cabin: z.enum(['economy', 'premium_economy', 'business', 'first']).optional(),
  roundTrip: z.boolean().optional(),
  receiptRef: z.string().max(200).nullable().optional(),
});

export const ApproveFareBody = z.object({ reason: z.string().min(3).max(2000) });

export const AdvisoryBody = z.object({
  programId: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  level: z.enum(['postpone', 'suspend']),
  from: Day.describe('the first day it covers (today allowed)'),
  until: Day.nullable()
    .optional()
    .describe('the last day it covers (inclusive, on or after `from`); omitted: until lifted'),
  reason: z.string().min(3).max(2000),
});

/** R19: the funder officer's decision that an advisory no longer holds one mobility's payments. */
export const OverrideBody = z.object({
  mobilityId: z.string().uuid('expected a mobility id (UUID)'),
  reason: z.string().trim().min(3).max(2000),
});

export const LiftBody = z.object({ on: Day.optional() }).optional();

export const AdvisoriesQuery = z.object({ programId: z.string().min(1).max(200).optional() });

// ── Responses ──────────────────────────────────────────────────────────────────────────────────
// Every view the money routes answer with. Names travel next to ids (LocalizedText, in every
// language the record has); refusals as { rule?, code, params } for the reader's app to word.

const Name = localizedTextSchema;
const Refusal = refusalSchema;
const Dispatch = z.enum(['open', 'postponed', 'suspended']);
const BatchStatus = z.enum(['draft', 'approved', 'paid', 'cancelled']);
const PaymentRef = z.object({ batchId: z.string(), batchStatus: z.string() });
const PartialMonth = z.object({
  kind: z.enum(PARTIAL_MONTH_RULES),
  daysPerMonth: z.number().int().optional(),
});

const TravelSummary = z.object({
  mobilityId: z.string(),
  homeInstitutionId: z.string(),
  hostInstitutionId: z.string(),
  homeAirport: z
    .object({
      iata: z.string().nullable(),
      ident: z.string(),
      name: z.string(),
      municipality: z.string(),
      country: z.string(),
      lat: z.number(),
      lon: z.number(),
      distanceFromInstitutionKm: z.number().nullable(),
    })
    .nullable(),
  hostAirport: z
    .object({
      iata: z.string().nullable(),
      ident: z.string(),
      name: z.string(),
      municipality: z.string(),
      country: z.string(),
      lat: z.number(),
      lon: z.number(),
      distanceFromInstitutionKm: z.number().nullable(),
    })
    .nullable(),
  nearest: z.object({ home: z.string().nullable(), host: z.string().nullable() }),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  distanceKm: z.number().nullable(),
  journey: z.string(),
  cabinClass: z.string(),
  fareBand: z
    .object({
      id: z.string(),
      minKm: z.number(),
      maxKm: z.number().nullable(),
      ceilingJpy: z.number(),
    })
    .nullable(),
  erasmusBand: z
    .object({ id: z.string(), minKm: z.number(), maxKm: z.number().nullable() })
    .nullable(),
  fareJpy: z.number().nullable(),
  receiptRef: z.string().nullable(),
  status: z.enum(['planned', 'quoted', 'receipted', 'awaiting_approval']),
  approvedAboveCeiling: z.boolean(),
  fareCheck: z
    .union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), refusal: Refusal }),
    ])
    .nullable(),
  source: z.object({ name: z.string(), url: z.string(), licence: z.string() }),
});

export const TravelView = TravelSummary.extend({
  student: Name,
  home: Name,
  host: Name,
  may: z.object({
    edit: z.boolean().describe('change the airports now (coordinators)'),
    quote: z
      .boolean()
      .describe(
        'quote the fare or give its receipt now (coordinators, and the representative officer of the paying consortium: R8)',
      ),
    approve: z.boolean().describe('approve the fare awaiting approval (funder officer)'),
  }),
  editRefusal: Refusal.nullable().describe(
    'why a coordinator or the paying officer may not change the trip now',
  ),
  inBatch: z.boolean(),
});

const ScholarshipLine = z.object({
  month: z.string(),
  fiscalYear: z.number(),
  daysInStay: z.number(),
  daysSupported: z.number(),
  daysInMonth: z.number(),
  months: z.number(),
  amountJpy: z.number(),
  status: z.enum(['scheduled', 'excluded']),
  note: Refusal.nullable(),
  confirmed: z.boolean(),
  payment: PaymentRef.extend({ id: z.string() }).nullable(),
  payable: z.boolean(),
  refusals: z.array(Refusal),
  mobilityId: z.string(),
  mayConfirm: z.boolean(),
  confirmRefusal: Refusal.nullable(),
});

export const ScholarshipView = z.object({
  mobilityId: z.string(),
  studentName: z.string(),
  student: Name,
  homeId: z.string(),
  home: Name,
  hostId: z.string(),
  host: Name,
  hostCountry: z.string(),
  programId: z.string().nullable(),
  programName: Name.nullable(),
  funded: z.boolean(),
  status: z.string(),
  sendingConsortiumId: z.string().nullable(),
  sendingConsortiumName: Name.nullable(),
  representativeId: z.string().nullable(),
  representativeName: Name.nullable(),
  stay: z.object({ start: z.string(), end: z.string(), months: z.number() }),
  supportPeriod: z
    .object({ start: z.string(), end: z.string(), suspendedFrom: z.string().nullish() })
    .nullable(),
  rules: z
    .object({
      monthlyStipendJpy: z.number(),
      currency: z.string(),
      partialMonth: PartialMonth,
      stayMonths: z.object({ min: z.number(), max: z.number() }),
      fiscalYearStartMonth: z.number(),
      capPerFiscalYear: z.number(),
      supportYears: z.number(),
    })
    .nullable(),
  dispatch: Dispatch,
  schedule: z
    .object({
      partialMonthRule: z.enum(PARTIAL_MONTH_RULES),
      partialMonthDaysPerMonth: z.number().nullable(),
      totalJpy: z.number(),
      totalMonths: z.number(),
      byFiscalYear: z.array(
        z.object({ fiscalYear: z.number(), months: z.number(), amountJpy: z.number() }),
      ),
      lines: z.array(ScholarshipLine),
    })
    .nullable(),
  refusal: Refusal.nullable(),
  travel: TravelSummary,
  may: z.object({ confirm: z.boolean(), pay: z.boolean() }),
});

export const ConfirmationView = z.object({
  created: z.boolean(),
  mobilityId: z.string(),
  month: z.string(),
  confirmedBy: z.string().nullable(),
});

export const BankAccountView = z.object({
  mobilityId: z.string(),
  bankCode: z.string(),
  bankName: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  accountType: z.string(),
  accountNumber: z.string(),
  holderKana: z.string(),
});

const YearFigures = z.object({
  fiscalYear: z.number(),
  cap: z.number(),
  committedMonths: z.number(),
  confirmedMonths: z.number(),
  inBatchMonths: z.number(),
  paidMonths: z.number(),
  remainingMonths: z.number(),
  overBy: z.number(),
  stipend: z.object({
    committedJpy: z.number(),
    confirmedJpy: z.number(),
    inBatchJpy: z.number(),
    paidJpy: z.number(),
  }),
  travel: z.object({ committedJpy: z.number(), paidJpy: z.number() }),
});

export const ProgramBudgetView = z.object({
  programId: z.string(),
  programName: Name,
  fiscalYear: z.number().nullable(),
  fiscalYears: z.array(z.number()),
  capPerFiscalYear: z.number(),
  monthlyStipendJpy: z.number().nullable(),
  partialMonth: PartialMonth.nullable(),
  projects: z.array(
    z.object({
      consortiumId: z.string(),
      name: z.string(),
      names: Name,
      consortium: Name,
      representativeId: z.string().nullable(),
      representative: Name.nullable(),
      mobilities: z.number(),
      years: z.array(YearFigures),
    }),
  ),
  totals: z.array(YearFigures),
});

export const ConsortiumBudgetView = z.object({
  consortiumId: z.string(),
  consortiumName: Name,
  programs: z.array(ProgramBudgetView),
});

export const PaymentsOverviewView = z.object({
  consortiumId: z.string(),
  representativeId: z.string().nullable(),
  asOf: z.string(),
  nextCursor: NextCursor,
  mobilities: z.array(
    z.object({
      mobilityId: z.string(),
      studentName: z.string(),
      student: Name,
      homeId: z.string(),
      home: Name,
      hostId: z.string(),
      host: Name,
      hostCountry: z.string(),
      status: z.string(),
      stay: z.object({ start: z.string(), end: z.string() }),
      hasBankAccount: z.boolean(),
      dispatch: Dispatch,
      refusal: Refusal.nullable(),
      totalJpy: z.number(),
      lines: z.array(
        z.object({
          month: z.string(),
          fiscalYear: z.number(),
          amountJpy: z.number(),
          status: z.enum(['scheduled', 'excluded']),
          confirmed: z.boolean(),
          payment: PaymentRef.nullable(),
          payable: z.boolean(),
          rules: z.array(z.string()),
          refusals: z.array(Refusal),
        }),
      ),
      travel: z
        .object({
          fareJpy: z.number().nullable(),
          status: z.string(),
          payment: PaymentRef.nullable(),
        })
        .nullable(),
    }),
  ),
});

const RefusedItem = z.object({
  mobilityId: z.string(),
  kind: z.string(),
  period: z.string(),
  refusals: z.array(Refusal),
  student: Name,
  host: Name,
});

export const BatchView = z.object({
  id: z.string(),
  consortiumId: z.string(),
  consortiumName: Name,
  status: BatchStatus,
  idempotencyKey: z.string().nullable(),
  transferDate: z.string().nullable(),
  paidOn: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: Name.nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: Name.nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      mobilityId: z.string(),
      studentName: z.string(),
      hostId: z.string(),
      student: Name,
      home: Name,
      host: Name,
      kind: z.enum(['stipend', 'travel']),
      period: z.string(),
      amountJpy: z.number(),
      fiscalYear: z.number(),
      studentMonths: z.number(),
    }),
  ),
  count: z.number(),
  totalJpy: z.number(),
  held: z.array(RefusedItem).describe('R19: items an advisory in effect holds'),
  may: z.object({
    approve: z.boolean(),
    pay: z.boolean(),
    cancel: z.boolean(),
    export: z.boolean(),
  }),
});

export const CreatedBatchView = BatchView.extend({
  created: z.boolean(),
  refused: z.array(RefusedItem),
});

export const BatchListView = z.object({
  consortiumId: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      status: BatchStatus,
      transferDate: z.string().nullable(),
      paidOn: z.string().nullable(),
      createdAt: z.string(),
      count: z.number(),
      totalJpy: z.number(),
    }),
  ),
  nextCursor: NextCursor,
});

export const AdvisoryView = z.object({
  id: z.string(),
  programId: z.string().nullable(),
  programName: Name.nullable(),
  country: z.string().describe('ISO 3166-1 alpha-2; the reader’s app names it'),
  level: z.enum(['postpone', 'suspend']),
  from: z.string().describe('the first day it covers'),
  until: z.string().nullable().describe('the last day it covers (inclusive); null: until lifted'),
  liftedOn: z.string().nullable().describe('lifted on this day: it covers the days before it'),
  lastDay: z.string().nullable().describe('the last day it covers, after any lift; null: open'),
  empty: z.boolean().describe('it covers no day (lifted on its first day): it held nothing'),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: Name.nullable(),
  inEffect: z.boolean().describe('it still holds what its window covers (not lifted, not over)'),
  overrides: z.array(
    z.object({
      mobilityId: z.string(),
      student: Name,
      host: Name,
      reason: z.string(),
      decidedAt: z.string(),
      decidedByName: Name.nullable(),
    }),
  ),
  stays: z
    .array(
      z.object({
        mobilityId: z.string(),
        student: Name,
        host: Name,
        start: z.string(),
        end: z.string(),
        overridden: z.boolean(),
      }),
    )
    .describe('to the funder officer, while it holds: the stays it concerns'),
  may: z.object({ lift: z.boolean(), override: z.boolean() }),
});

export const RecordedAdvisoryView = AdvisoryView.extend({ affectedMobilities: z.number() });

export const AdvisoryListView = z.object({
  items: z.array(AdvisoryView),
  may: z.object({ record: z.boolean().describe('record an advisory for the program asked') }),
});

export const InstitutionAirportView = z.object({
  institutionId: z.string(),
  nearestAirport: z.string().nullable(),
  airport: z
    .object({
      iata: z.string().nullable(),
      name: z.string(),
      municipality: z.string(),
      country: z.string(),
      distanceKm: z.number(),
    })
    .nullable(),
  source: z.object({ name: z.string(), url: z.string(), licence: z.string() }),
});
