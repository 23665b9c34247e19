import { z } from 'zod';
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
  recordOutcome,
  saveDraft,
  submitApplication,
  updateProgramRules,
} from '#src/services/programs/programs.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';
import { contextFor, signedIn } from '../session.ts';

// Views are large and typed by the domain (src/domain/program); errors follow the common shape.
const errors = {
  200: z.unknown(),
  201: z.unknown(),
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};
const Id = z.object({ id: z.string().min(1).max(200) });
const Json = z.record(z.string(), z.unknown());

export const programRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);

    app.get(
      '/programs',
      {
        schema: {
          tags: ['programs'],
          summary:
            'Support programs with their rules (R1–R20 as data) and the deadline countdown (R18)',
        },
      },
      async () => listPrograms(db),
    );
    app.get(
      '/programs/:id',
      {
        schema: {
          tags: ['programs'],
          summary: 'One program, its rules and their versions',
          params: Id,
          response: { 200: z.unknown(), 404: ErrorSchema },
        },
      },
      async (request) => getProgram(db, request.params.id),
    );
    app.put(
      '/programs/:id/rules',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'The funder officer edits the rules: a new version',
          params: Id,
          body: Json,
          response: errors,
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
            'Applications visible to you: your consortium’s, or submitted ones of your program',
          querystring: z.object({ programId: z.string().optional() }),
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
          body: z.object({
            id: z
              .string()
              .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'lower-case letters, digits and dashes'),
            programId: z.string().min(1),
            content: Json,
          }),
          response: errors,
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
          params: Id,
          response: errors,
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
          params: Id,
          body: z.object({ content: Json }),
          response: errors,
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
          params: Id,
          response: errors,
        },
      },
      async (request) => submitApplication(ctx(request), request.params.id),
    );
    app.post(
      '/project-applications/:id/outcome',
      {
        onRequest: signedIn,
        schema: {
          tags: ['programs'],
          summary: 'The funder records the outcome',
          params: Id,
          body: z.object({ outcome: z.enum(['selected', 'not-selected']), on: IsoDate }),
          response: errors,
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
          params: Id,
          body: z.discriminatedUnion('type', [
            z.object({
              type: z.literal('suspend'),
              on: IsoDate,
              reason: z.string().trim().min(1, 'a suspension needs a reason'),
            }),
            z.object({ type: z.literal('reinstate'), on: IsoDate, reason: z.string().optional() }),
            z.object({ type: z.literal('end'), on: IsoDate, reason: z.string().optional() }),
          ]),
          response: errors,
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
          params: Id,
          querystring: z.object({ lang: z.enum(['ja', 'en']).default('ja') }),
        },
      },
      async (request, reply) => {
        const pdf = await dossierPdf(ctx(request), request.params.id, request.query.lang);
        reply.header(
          'content-disposition',
          `inline; filename="${request.params.id}-${request.query.lang}.pdf"`,
        );
        return reply.type('application/pdf').send(pdf);
      },
    );
  };
