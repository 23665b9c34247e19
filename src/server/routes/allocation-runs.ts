import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createRun,
  getRunJson,
  listRuns,
  publishRun,
  startRun,
  ALLOCATION_JOB,
} from '#src/services/allocation/runs.ts';
import { notFound } from '#src/services/errors.ts';
import { LIMITS } from '#src/services/limits.ts';
import {
  CreateRunBody,
  JobId,
  JobSchema,
  PublishBody,
  RunId,
  RunListSchema,
  RunSchema,
  errors,
} from './allocation-runs.schema.ts';
import { contextFor, requireActor, signedIn } from '../session.ts';
import type { RouteDeps } from '../deps.ts';

/**
 * A run's JSON as serialised by the service (as bytes, on a task worker, for large runs): sent
 * as it is. Fastify sends a string or bytes with a JSON content type without serialising again.
 */
const sendRun = (reply: FastifyReply, status: number, json: string | Buffer) =>
  reply.status(status).type('application/json; charset=utf-8').send(json);

/**
 * The instance routes leave the body's check to the task worker, where the instance is checked
 * field by field before the mechanisms run (the same 400s, with `body.instance…` paths): on the
 * request thread, checking 10,000 students would hold every other request. The schema stays for
 * the API reference.
 */
const checkedOnWorker = () => (data: unknown) => ({ value: data });

/** Allocation runs on a call or an uploaded instance: compare the three mechanisms, publish one. */
export const allocationRunsRoutes =
  ({ db, mailer, tasks, jobs }: RouteDeps): FastifyPluginAsyncZod =>
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
        validatorCompiler: checkedOnWorker,
        schema: {
          tags: ['allocation'],
          summary:
            'Run 2s-ttc, optimal and serial-dictatorship on one instance (kakehashi-allocation/1)',
          description:
            'Answers when the three mechanisms are done. For large instances, start a job instead (POST /allocation-jobs) and follow its progress.',
          body: CreateRunBody,
          response: { 201: RunSchema, ...errors },
        },
      },
      async (request, reply) => {
        const id = await createRun(ctx(request), request.body as unknown, tasks);
        return sendRun(reply, 201, await getRunJson(ctx(request), id, tasks));
      },
    );
    app.post(
      '/allocation-jobs',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.allocationBodyBytes,
        validatorCompiler: checkedOnWorker,
        schema: {
          tags: ['allocation'],
          summary: 'Start a run of the three mechanisms in the background; answers with the job',
          description:
            'The instance is checked at once (400, 403, 404); a person may have only a few heavy tasks at a time (429, refusal limits.too_many_tasks). Poll GET /allocation-jobs/{id}: once done, resultId is the run.',
          body: CreateRunBody,
          response: { 202: JobSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await startRun(ctx(request), request.body as unknown, tasks, jobs)),
    );
    app.get(
      '/allocation-jobs/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['allocation'],
          summary: 'A job you started: its progress, then the run it made or why it failed',
          params: JobId,
          response: { 200: JobSchema, ...errors },
        },
      },
      async (request) => {
        const job = await jobs.get(requireActor(request).id, request.params.id);
        if (!job || job.kind !== ALLOCATION_JOB) throw notFound('job', request.params.id);
        return { ...job, kind: ALLOCATION_JOB };
      },
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
      async (request, reply) =>
        sendRun(reply, 200, await getRunJson(ctx(request), request.params.id, tasks)),
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
      async (request, reply) => {
        await publishRun(ctx(request), request.params.id, request.body, mailer);
        return sendRun(reply, 200, await getRunJson(ctx(request), request.params.id, tasks));
      },
    );
  };
