import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createRun, getRun, listRuns, publishRun } from '#src/services/allocation/runs.ts';
import {
  CreateRunBody,
  PublishBody,
  RunId,
  RunListSchema,
  RunSchema,
  errors,
} from './allocation-runs.schema.ts';
import { contextFor, signedIn } from '../session.ts';
import type { RouteDeps } from '../deps.ts';
import { LIMITS } from '#src/services/limits.ts';

/** Allocation runs on a call or an uploaded instance: compare the three mechanisms, publish one. */
export const allocationRunsRoutes =
  ({ db, mailer }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/allocation-runs',
      {
        onRequest: signedIn,
        schema: {
          tags: ['allocation'],
          summary: 'Allocation runs you may see, and whether you may start one',
          response: { 200: RunListSchema, ...errors },
        },
      },
      async (request) => listRuns(ctx(request)),
    );
    app.post(
      '/allocation-runs',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.allocationBodyBytes,
        schema: {
          tags: ['allocation'],
          summary:
            'Run 2s-ttc, optimal and serial-dictatorship on one instance (kakehashi-allocation/1)',
          body: CreateRunBody,
          response: { 201: RunSchema, ...errors },
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
          summary:
            'One run: each mechanism’s result, summary and explanations, and what you may do',
          params: RunId,
          response: { 200: RunSchema, ...errors },
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
          params: RunId,
          body: PublishBody,
          response: { 200: RunSchema, ...errors },
        },
      },
      async (request) => publishRun(ctx(request), request.params.id, request.body, mailer),
    );
  };
