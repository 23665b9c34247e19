import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../deps.ts';
import {
  callsCalendar,
  createCall,
  getCall,
  listCalls,
  updateCall,
} from '#src/services/calls/calls.ts';
import {
  applyToCall,
  callApplicants,
  downloadDocument,
  getApplication,
  getMyProfile,
  myApplications,
  uploadDocument,
  withdrawApplication,
} from '#src/services/calls/applications.ts';
import {
  callAllocationInstance,
  callRanking,
  myReviewsOfCall,
  submitReview,
} from '#src/services/calls/screening.ts';
import { updateMyProfile } from '#src/services/calls/profile.ts';
import { ErrorSchema, keysetSearchQuery, NextCursor, STUDENT_NAME_WORDS } from './common.schema.ts';
import { languageSchema } from '#src/domain/shared/refusal.ts';
import {
  AllocationInstanceView,
  ApplicationView,
  ApplyBody,
  CallBody,
  CallDetail,
  CallView,
  CreateCallBody,
  DocumentView,
  ProfileBody,
  MyReviewList,
  ProfileView,
  RankingView,
  ReviewBody,
  ReviewResult,
  StaffApplicationView,
} from './calls.schema.ts';
import { contextFor, requireActor, signedIn } from '../session.ts';
import { contentDisposition } from '../content-disposition.ts';
import { LIMITS } from '#src/services/limits.ts';

const CallId = z.object({ id: z.string().min(1).max(64) });
const ApplicantListQuery = z.object(keysetSearchQuery(STUDENT_NAME_WORDS));
const AppId = z.object({ id: z.uuid('expected an application id (UUID)') });
const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  415: ErrorSchema,
  422: ErrorSchema,
};

/** Calls, the student portal, eligibility and common screening. */
export const callsRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, mailer } = deps;
    const ctx = contextFor(db);

    // Documents arrive as the raw file body; their type is checked by the service (content type
    // and magic bytes), so every type is read here as bytes, only within these routes.
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    app.get(
      '/calls',
      {
        schema: {
          tags: ['calls'],
          summary: 'The public catalogue of calls with their deadlines (open ones by default)',
          querystring: z.object({
            status: z.enum(['open', 'all']).default('open'),
            allocatable: z
              .stringbool()
              .optional()
              .describe('only the calls the signed-in person may hand to allocation'),
          }),
          response: { 200: z.object({ items: z.array(CallView) }) },
        },
      },
      async (request) => listCalls(ctx(request), request.query),
    );
    app.get(
      '/calls.ics',
      {
        schema: {
          tags: ['calls'],
          summary: 'iCalendar feed of the calls’ dates: opening, deadline, nomination (R18)',
          querystring: z.object({ lang: languageSchema.default('en') }),
        },
      },
      async (request, reply) => {
        const origin = `${request.protocol}://${request.host}`;
        const text = await callsCalendar(db, request.query.lang, origin);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition('kakehashi-calls.ics', 'inline'))
          .send(text);
      },
    );
    app.post(
      '/calls',
      {
        onRequest: signedIn,
        schema: {
          tags: ['calls'],
          summary: 'Open a call (coordinators and rep officers of a sending consortium)',
          body: CreateCallBody,
          response: { 201: CallDetail, ...errors },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await createCall(ctx(request), request.body.id, request.body.content);
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/calls/:id',
      {
        schema: {
          tags: ['calls'],
          summary: 'One call: hosts, places, schedule, documents, rubric',
          params: CallId,
          response: { 200: CallDetail, ...errors },
        },
      },
      async (request) => getCall(ctx(request), request.params.id),
    );
    app.put(
      '/calls/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['calls'],
          summary: 'Edit a call (its managers; a rubric needs the R16 consent)',
          params: CallId,
          body: CallBody,
          response: { 200: CallDetail, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return updateCall(ctx(request), request.params.id, request.body);
      },
    );
    app.post(
      '/calls/:id/applications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary:
            'Apply with ranked hosts; refused with every reason (R3, R9, R12, R18…) and nothing stored',
          params: CallId,
          body: ApplyBody,
          response: { 201: ApplicationView, ...errors },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await applyToCall(ctx(request), mailer, request.params.id, request.body);
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/calls/:id/applications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['screening'],
          summary:
            'The applicants of a call (its managers and reviewers) in the order they came in, a page at a time (limit, cursor), optionally searched by the student’s name (q)',
          params: CallId,
          querystring: ApplicantListQuery,
          response: {
            200: z.object({ items: z.array(StaffApplicationView), nextCursor: NextCursor }),
            ...errors,
          },
        },
      },
      async (request) =>
        callApplicants(ctx(request), request.params.id, {
          q: request.query.q,
          limit: request.query.limit,
          cursor: request.query.cursor,
        }),
    );
    app.get(
      '/calls/:id/ranking',
      {
        onRequest: signedIn,
        schema: {
          tags: ['screening'],
          summary: 'The rank list on the common rubric (R6), grade conversions and ties explained',
          params: CallId,
          response: { 200: RankingView, ...errors },
        },
      },
      async (request) => callRanking(ctx(request), request.params.id),
    );
    app.get(
      '/calls/:id/my-reviews',
      {
        onRequest: signedIn,
        schema: {
          tags: ['screening'],
          summary:
            'The signed-in reviewer’s own scores of the call’s applicants (R6), to change them',
          params: CallId,
          response: { 200: MyReviewList, ...errors },
        },
      },
      async (request) => myReviewsOfCall(ctx(request), request.params.id),
    );
    app.get(
      '/calls/:id/allocation-instance',
      {
        onRequest: signedIn,
        schema: {
          tags: ['screening'],
          summary: 'The call as a kakehashi-allocation/1 instance (docs/formats/allocation.md)',
          params: CallId,
          response: { 200: AllocationInstanceView, ...errors },
        },
      },
      async (request, reply) => {
        const { instance, omitted } = await callAllocationInstance(ctx(request), request.params.id);
        reply.header('x-kakehashi-omitted', String(omitted.length));
        return instance;
      },
    );
    app.get(
      '/me/applications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary: 'The signed-in student’s applications',
          response: { 200: z.object({ items: z.array(ApplicationView) }), ...errors },
        },
      },
      async (request) => myApplications(ctx(request)),
    );
    app.get(
      '/me/student-profile',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary: 'The signed-in student’s profile (home, level, residence status, languages)',
          response: { 200: ProfileView, ...errors },
        },
      },
      async (request) => getMyProfile(ctx(request)),
    );
    app.put(
      '/me/student-profile',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary:
            'Edit one’s own student profile: level, enrolment, residence status, languages (CEFR), grade; not the home university',
          body: ProfileBody,
          response: { 200: ProfileView, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return updateMyProfile(ctx(request), request.body);
      },
    );
    app.get(
      '/call-applications/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary: 'One application (its student, or the call’s staff)',
          params: AppId,
          response: { 200: ApplicationView, ...errors },
        },
      },
      async (request) => getApplication(ctx(request), request.params.id),
    );
    app.post(
      '/call-applications/:id/withdraw',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary: 'Withdraw an application, until the call’s deadline (R18)',
          params: AppId,
          response: { 200: ApplicationView, ...errors },
        },
      },
      async (request) => withdrawApplication(ctx(request), mailer, request.params.id),
    );
    app.post(
      '/call-applications/:id/documents',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.documentBodyBytes,
        schema: {
          tags: ['student portal'],
          summary:
            'Upload a document as the raw request body (PDF, PNG or JPEG, up to 5 MB); replaces one of the same kind',
          params: AppId,
          querystring: z.object({
            kind: z.string().min(1).max(60),
            filename: z.string().max(400).default(''),
          }),
          response: { 201: DocumentView, ...errors },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const created = await uploadDocument(ctx(request), request.params.id, {
          kind: request.query.kind,
          filename: request.query.filename,
          contentType: request.headers['content-type'] ?? '',
          body,
        });
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/call-applications/:id/documents/:documentId',
      {
        onRequest: signedIn,
        schema: {
          tags: ['student portal'],
          summary: 'Download a document (its student, or the call’s staff)',
          params: AppId.extend({ documentId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const doc = await downloadDocument(
          ctx(request),
          request.params.id,
          request.params.documentId,
        );
        return reply
          .header('content-type', doc.contentType)
          .header('content-disposition', contentDisposition(doc.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('x-sha256', doc.sha256)
          .send(doc.data);
      },
    );
    app.post(
      '/call-applications/:id/reviews',
      {
        onRequest: signedIn,
        schema: {
          tags: ['screening'],
          summary:
            'Score an applicant on the common rubric (R6: never one of your institution; R16 consent needed)',
          params: AppId,
          body: ReviewBody,
          response: { 200: ReviewResult, ...errors },
        },
      },
      async (request) => submitReview(ctx(request), mailer, request.params.id, request.body),
    );
  };
