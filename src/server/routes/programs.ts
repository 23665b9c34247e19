import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  changeSupport,
  createApplication,
  dossierPdf,
  getApplication,
  getProgram,
  listApplications,
  listPrograms,
  recheckApplication,
  recordOutcome,
  saveDraft,
  submitApplication,
  updateProgramRules,
} from '#src/services/programs/programs.ts';
import {
  ApplicationIdParams,
  ApplicationListQuery,
  ApplicationListSchema,
  ApplicationSchema,
  CreateApplicationBody,
  DossierQuery,
  OutcomeBody,
  OutcomeResultSchema,
  ProgramDetailSchema,
  ProgramIdParams,
  ProgramListSchema,
  RulesBody,
  SaveDraftBody,
  SupportBody,
  errorResponses,
} from './programs.schema.ts';
import { ErrorSchema } from './common.schema.ts';
import { contextFor, signedIn } from '../session.ts';
import { contentDisposition } from '../content-disposition.ts';
import type { TaskPool } from '#src/services/tasks/pool.ts';

export const programRoutes =
  (db: Db, tasks: TaskPool): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);

    app.get(
      '/programs',
      {
        schema: {
          tags: ['programs'],
          summary:
            'Support programs with their rules (R1–R20 as data) and the deadline countdown (R18)',
          response: { 200: ProgramListSchema },
        },
      },
      async (request) => listPrograms(ctx(request)),
    );
    app.get(
      '/programs/:id',
      {
        schema: {
          tags: ['programs'],
          summary: 'One program, its rules, their versions (who, when, what changed) and may',
          params: ProgramIdParams,
          response: { 200: ProgramDetailSchema, 404: ErrorSchema },
        },
      },
      async (request) => getProgram(ctx(request), request.params.id),
    );
    app.put(
      '/programs/:id/rules',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'The funder officer edits the rules: a new version',
          params: ProgramIdParams,
          body: RulesBody,
          response: { 200: ProgramDetailSchema, ...errorResponses },
        },
      },
      async (request) => updateProgramRules(ctx(request), request.params.id, request.body),
    );

    app.get(
      '/project-applications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary:
            'Applications visible to you: your consortium’s, or submitted ones of your program; by id, a page at a time (limit, cursor), optionally searched by id or title (q)',
          querystring: ApplicationListQuery,
          response: { 200: ApplicationListSchema, 400: ErrorSchema, 401: ErrorSchema },
        },
      },
      async (request) => listApplications(ctx(request), request.query),
    );
    app.post(
      '/project-applications',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'Start a draft application',
          body: CreateApplicationBody,
          response: { 201: ApplicationSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApplication(ctx(request), request.body)),
    );
    app.get(
      '/project-applications/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'One application with its checks (each naming its rule), budget and countdown',
          params: ApplicationIdParams,
          response: { 200: ApplicationSchema, ...errorResponses },
        },
      },
      async (request) => getApplication(ctx(request), request.params.id),
    );
    app.put(
      '/project-applications/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'Save the draft',
          params: ApplicationIdParams,
          body: SaveDraftBody,
          response: { 200: ApplicationSchema, ...errorResponses },
        },
      },
      async (request) => saveDraft(ctx(request), request.params.id, request.body.content),
    );
    app.post(
      '/project-applications/:id/submit',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary:
            'Submit: refused with the rules that fail (R1–R18, 003 §11); nothing is stored then',
          params: ApplicationIdParams,
          response: { 200: ApplicationSchema, ...errorResponses },
        },
      },
      async (request) => submitApplication(ctx(request), request.params.id),
    );
    app.post(
      '/project-applications/:id/recheck',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary:
            'Re-check a submitted application now (funder officer or responsible person): a second dated set of checks beside those of the submission',
          params: ApplicationIdParams,
          response: { 200: ApplicationSchema, ...errorResponses },
        },
      },
      async (request) => recheckApplication(ctx(request), request.params.id),
    );
    app.post(
      '/project-applications/:id/outcome',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'The funder records the outcome',
          params: ApplicationIdParams,
          body: OutcomeBody,
          response: { 200: OutcomeResultSchema, ...errorResponses },
        },
      },
      async (request) => recordOutcome(ctx(request), request.params.id, request.body),
    );
    app.post(
      '/project-applications/:id/support',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'R10: suspend (with a reason), reinstate or end a selected project',
          params: ApplicationIdParams,
          body: SupportBody,
          response: { 200: ApplicationSchema, ...errorResponses },
        },
      },
      async (request) => changeSupport(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/project-applications/:id/dossier.pdf',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'The A4 dossier (R15) as PDF, in Japanese or English',
          params: ApplicationIdParams,
          querystring: DossierQuery,
          // The answer is the PDF itself (application/pdf); errors follow ErrorSchema.
        },
      },
      async (request, reply) => {
        const pdf = await dossierPdf(ctx(request), request.params.id, request.query.lang, tasks);
        reply.header(
          'content-disposition',
          contentDisposition(`${request.params.id}-${request.query.lang}.pdf`, 'inline'),
        );
        return reply.type('application/pdf').send(pdf);
      },
    );
  };
