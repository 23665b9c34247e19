import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createRun, getRun, listRuns, publishRun } from '#src/services/allocation/runs.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';
import { contextFor, signedIn } from '../session.ts';
import type { RouteDeps } from '../deps.ts';

const out = {
  200: z.unknown(),
  201: z.unknown(),
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};
const Id = z.object({ id: z.string().uuid('expected an allocation run id (UUID)') });

/** Allocation runs on a call or an uploaded instance: compare the three mechanisms, publish one. */
export const allocationRunsRoutes =
  ({ db, mailer }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/allocation-runs',
      {
        onRequest: signedIn,
        schema: { tags: ['allocation'], summary: 'Allocation runs you may see' },
      },
      async (request) => listRuns(ctx(request)),
    );
    app.post(
      '/allocation-runs',
      {
        onRequest: signedIn,
        bodyLimit: 50 * 1024 * 1024,
        schema: {
          tags: ['allocation'],
          summary:
            'Run 2s-ttc, optimal and serial-dictatorship on one instance (kakehashi-allocation/1)',
          body: z.object({ instance: z.unknown(), callId: z.string().nullable().optional() }),
          response: out,
        },
      },
      async (request, reply) => reply.status(201).send(await createRun(ctx(request), request.body)),
    );
    app.get(
      '/allocation-runs/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['allocation'],
          summary: 'One run: each mechanism’s result, summary and explanations',
          params: Id,
          response: out,
        },
      },
      async (request) => getRun(ctx(request), request.params.id),
    );
    app.post(
      '/allocation-runs/:id/publish',
      {
        onRequest: signedIn,
        schema: {
          tags: ['allocation'],
          summary: 'Publish one mechanism’s places: they become nominations',
          params: Id,
          body: z.object({
            mechanism: z.enum(['2s-ttc', 'optimal', 'serial-dictatorship']),
            startDate: IsoDate,
          }),
          response: out,
        },
      },
      async (request) => publishRun(ctx(request), request.params.id, request.body, mailer),
    );
  };
