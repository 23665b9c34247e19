import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  liftAdvisory,
  listAdvisories,
  overrideAdvisory,
  recordAdvisory,
} from '#src/services/money/advisories.ts';
import {
  approveBatch,
  cancelBatch,
  createBatch,
  getBatch,
  listBatches,
  markBatchPaid,
} from '#src/services/money/batches.ts';
import { exportBatch, getBankAccount } from '#src/services/money/exports.ts';
import { paymentsOverview } from '#src/services/money/overview.ts';
import {
  confirmEnrolment,
  consortiumBudget,
  getScholarship,
  programBudget,
} from '#src/services/money/scholarship.ts';
import { approveFare, getTravel, quoteFare, setAirports } from '#src/services/money/travel.ts';
import { institutionAirport } from '#src/services/money/institution-airport.ts';
import type { RouteDeps } from '../deps.ts';
import { contextFor, signedIn } from '../session.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  AdvisoriesQuery,
  AdvisoryBody,
  AdvisoryListView,
  AdvisoryView,
  BankAccountView,
  BatchListView,
  BatchView,
  ConfirmationView,
  ConsortiumBudgetView,
  CreatedBatchView,
  InstitutionAirportView,
  PaymentsOverviewView,
  ProgramBudgetView,
  RecordedAdvisoryView,
  ScholarshipView,
  TravelView,
  AdvisoryId,
  AirportsBody,
  ApproveFareBody,
  BatchId,
  BatchesQuery,
  DeskQuery,
  BudgetQuery,
  ConfirmBody,
  CreateBatchBody,
  ExportParams,
  FareBody,
  LiftBody,
  MobilityId,
  OverrideBody,
  PaidBody,
  TextId,
} from './money.schema.ts';
import { contentDisposition } from '../content-disposition.ts';

// Every answer has its schema (money.schema.ts); errors follow the common shape.
const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

/** Scholarships, payments and travel. */
export const moneyRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, mailer } = deps;
    const ctx = contextFor(db);

    app.get(
      '/mobilities/:id/scholarship',
      {
        onRequest: signedIn,
        schema: {
          tags: ['scholarships'],
          summary:
            'The scholarship schedule: stipend × months from the program data (R11, R12), the partial-month rule, the support period (R10), and per month whether it is payable (R8, R14, R19, PAID_ONCE)',
          params: MobilityId,
          response: { 200: ScholarshipView, ...errors },
        },
      },
      async (request) => getScholarship(ctx(request), request.params.id),
    );
    app.post(
      '/mobilities/:id/enrolment-confirmations',
      {
        onRequest: signedIn,
        schema: {
          tags: ['scholarships'],
          summary:
            'The host confirms the student’s enrolment for a month (R8, 003 §6(2)): coordinator of the host institution or the representative officer',
          params: MobilityId,
          body: ConfirmBody,
          response: { 200: ConfirmationView, 201: ConfirmationView, ...errors },
        },
      },
      async (request, reply) => {
        const r = await confirmEnrolment(ctx(request), request.params.id, request.body.month);
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );
    app.get(
      '/mobilities/:id/bank-account',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'The student’s bank account: the representative officer only (bank:read)',
          params: MobilityId,
          response: { 200: BankAccountView, ...errors },
        },
      },
      async (request) => getBankAccount(ctx(request), request.params.id),
    );
    app.get(
      '/programs/:id/budget',
      {
        onRequest: signedIn,
        schema: {
          tags: ['scholarships'],
          summary:
            'Budget per fiscal year and project: stipends and travel committed, confirmed, in a batch and paid, against the cap (R14)',
          params: TextId,
          querystring: BudgetQuery,
          response: { 200: ProgramBudgetView, ...errors },
        },
      },
      async (request) => programBudget(ctx(request), request.params.id, request.query),
    );
    app.get(
      '/consortia/:id/budget',
      {
        onRequest: signedIn,
        schema: {
          tags: ['scholarships'],
          summary: 'The budget of a consortium’s projects (R14), per program and fiscal year',
          params: TextId,
          querystring: BudgetQuery.pick({ fiscalYear: true }),
          response: { 200: ConsortiumBudgetView, ...errors },
        },
      },
      async (request) => consortiumBudget(ctx(request), request.params.id, request.query),
    );
    app.get(
      '/consortia/:id/payments',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary:
            'The payments desk: each mobility sent by the consortium, month by month, and what refuses a payment (R8, R10, R12, R14, R19, PAID_ONCE); by start date, a page at a time (limit, cursor), each page judged against the whole ledger',
          params: TextId,
          querystring: DeskQuery,
          response: { 200: PaymentsOverviewView, ...errors },
        },
      },
      async (request) =>
        paymentsOverview(ctx(request), request.params.id, {
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );

    app.get(
      '/payment-batches',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary:
            'Payment batches of a consortium, newest first, a page at a time (limit, cursor); each with the count and total of all its payments',
          querystring: BatchesQuery,
          response: { 200: BatchListView, ...errors },
        },
      },
      async (request) =>
        listBatches(ctx(request), request.query.consortiumId, {
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );
    app.post(
      '/payment-batches',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary:
            'Build a draft batch (R8: the representative officer). Requires an Idempotency-Key header: the same key returns the same batch. Refused items name their rule (R8, R14, R19, PAID_ONCE)',
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
          body: CreateBatchBody,
          response: { 200: CreatedBatchView, 201: CreatedBatchView, ...errors },
        },
      },
      async (request, reply) => {
        const r = await createBatch(ctx(request), {
          consortiumId: request.body.consortiumId,
          idempotencyKey: request.headers['idempotency-key'],
          items: request.body.items,
          transferDate: request.body.transferDate,
        });
        return reply
          .status(r.created ? 201 : 200)
          .send({ ...r.batch, created: r.created, refused: r.refused });
      },
    );
    app.get(
      '/payment-batches/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'One batch and its items (no account data)',
          params: BatchId,
          response: { 200: BatchView, ...errors },
        },
      },
      async (request) => getBatch(ctx(request), request.params.id),
    );
    app.post(
      '/payment-batches/:id/approve',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Approve a draft batch (R8, R19)',
          params: BatchId,
          response: { 200: BatchView, ...errors },
        },
      },
      async (request) => approveBatch(ctx(request), request.params.id),
    );
    app.post(
      '/payment-batches/:id/paid',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Mark an approved batch paid; idempotent; every payment is audited',
          params: BatchId,
          body: PaidBody,
          response: { 200: BatchView, ...errors },
        },
      },
      async (request) =>
        markBatchPaid(ctx(request), request.params.id, { paidOn: request.body?.paidOn }),
    );
    app.post(
      '/payment-batches/:id/cancel',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary: 'Cancel a draft or approved batch: its months and trips are released',
          params: BatchId,
          response: { 200: BatchView, ...errors },
        },
      },
      async (request) => cancelBatch(ctx(request), request.params.id),
    );
    app.get(
      '/payment-batches/:id/export.:format',
      {
        onRequest: signedIn,
        schema: {
          tags: ['payments'],
          summary:
            'Bank export of a batch: the Zengin 総合振込 file (Shift_JIS, fixed-length), CSV or XLSX. Representative officer only (bank:read)',
          params: ExportParams,
          // The answer is the file itself (Zengin text, CSV or XLSX); errors follow ErrorSchema.
        },
      },
      async (request, reply) => {
        const file = await exportBatch(ctx(request), request.params.id, request.params.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.filename))
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(file.body);
      },
    );

    app.get(
      '/mobilities/:id/travel',
      {
        onRequest: signedIn,
        schema: {
          tags: ['travel'],
          summary:
            'The trip (R13): nearest international airports of home and host, great-circle distance, fare band and ceiling, Erasmus+ band for European partners',
          params: MobilityId,
          response: { 200: TravelView, ...errors },
        },
      },
      async (request) => getTravel(ctx(request), request.params.id),
    );
    app.put(
      '/mobilities/:id/travel/airports',
      {
        onRequest: signedIn,
        schema: {
          tags: ['travel'],
          summary: 'A coordinator overrides an airport, with a reason (R13)',
          params: MobilityId,
          body: AirportsBody,
          response: { 200: TravelView, ...errors },
        },
      },
      async (request) => setAirports(ctx(request), request.params.id, request.body),
    );
    app.put(
      '/mobilities/:id/travel/fare',
      {
        onRequest: signedIn,
        schema: {
          tags: ['travel'],
          summary:
            'A coordinator or the paying consortium’s representative officer (R8) quotes (and receipts) the round-trip economy fare; above the program’s ceiling it awaits the funder officer (R13)',
          params: MobilityId,
          body: FareBody,
          response: { 200: TravelView, ...errors },
        },
      },
      async (request) => quoteFare(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/mobilities/:id/travel/approve-fare',
      {
        onRequest: signedIn,
        schema: {
          tags: ['travel'],
          summary: 'The funder officer approves a fare above its ceiling (R13)',
          params: MobilityId,
          body: ApproveFareBody,
          response: { 200: TravelView, ...errors },
        },
      },
      async (request) => approveFare(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/institutions/:id/nearest-airport',
      {
        schema: {
          tags: ['travel'],
          summary: 'The international airport nearest an institution (R13; OurAirports data)',
          params: TextId,
          response: { 200: InstitutionAirportView, ...errors },
        },
      },
      async (request) => institutionAirport(db, request.params.id),
    );

    app.get(
      '/advisories',
      {
        onRequest: signedIn,
        schema: {
          tags: ['safety'],
          summary: 'Country safety advisories (R19)',
          querystring: AdvisoriesQuery,
          response: { 200: AdvisoryListView, ...errors },
        },
      },
      async (request) => listAdvisories(ctx(request), request.query.programId),
    );
    app.post(
      '/advisories',
      {
        onRequest: signedIn,
        schema: {
          tags: ['safety'],
          summary:
            'The funder officer postpones or suspends dispatch to a country from a date, until a date or until lifted (R19): the stays overlapping it are held, their stipend months and trips in it are not paid; students, coordinators and paying representative officers notified',
          body: AdvisoryBody,
          response: { 201: RecordedAdvisoryView, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordAdvisory(ctx(request), request.body, mailer)),
    );
    app.post(
      '/advisories/:id/lift',
      {
        onRequest: signedIn,
        schema: {
          tags: ['safety'],
          summary:
            'Lift an advisory on a date (on or after its first day): it covers the days before it; dispatches and payments resume (R19)',
          params: AdvisoryId,
          body: LiftBody,
          response: { 200: AdvisoryView, ...errors },
        },
      },
      async (request) =>
        liftAdvisory(ctx(request), request.params.id, { on: request.body?.on }, mailer),
    );
    app.post(
      '/advisories/:id/overrides',
      {
        onRequest: signedIn,
        schema: {
          tags: ['safety'],
          summary:
            'The funder officer decides, with a reason, that an advisory no longer holds one mobility’s payments (R19); audited and notified',
          params: AdvisoryId,
          body: OverrideBody,
          response: { 201: AdvisoryView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await overrideAdvisory(ctx(request), request.params.id, request.body, mailer)),
    );
  };
