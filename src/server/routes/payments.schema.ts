/** The API contract of scholarships, payments, travel and advisories. */
import { z } from 'zod';

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

export const BatchesQuery = z.object({ consortiumId: z.string().min(1).max(200) });

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
  from: Day,
  reason: z.string().min(3).max(2000),
});

export const LiftBody = z.object({ on: Day.optional() }).optional();

export const AdvisoriesQuery = z.object({ programId: z.string().min(1).max(200).optional() });
