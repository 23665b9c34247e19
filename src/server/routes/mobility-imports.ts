import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { refusal } from '#src/domain/shared/refusal.ts';
import { AppError, invalidField, notFound } from '#src/services/errors.ts';
import { LIMITS } from '#src/services/limits.ts';
import { HistoryImportJobs } from '#src/services/mobility/history-import-jobs.ts';
import {
  importMobilityHistory,
  requireImporter,
  type HistoryFormat,
} from '#src/services/mobility/history-import.ts';
import type { RouteDeps } from '../deps.ts';
import { contextFor, requireActor, signedIn } from '../session.ts';
import { ImportJobId, ImportJobSchema, errors } from './mobility-imports.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function formatOf(filename: string, mimetype: string): HistoryFormat | null {
  const name = filename.toLowerCase();
  if (name.endsWith('.xlsx') || mimetype === XLSX) return 'xlsx';
  if (name.endsWith('.csv') || mimetype === 'text/csv') return 'csv';
  return null;
}

/**
 * Mobility history imports (docs/formats/mobility-history.md): upload a file, follow the job,
 * cancel it. The upload is read as it arrives, straight into staging; the answer comes once the
 * file is read, while the rows are checked and applied in the background.
 */
export const mobilityImportRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const jobs = new HistoryImportJobs();
    await app.register(multipart, {
      limits: { fileSize: LIMITS.mobilityHistoryBodyBytes, files: 1, fields: 0, parts: 1 },
    });
    app.post(
      '/mobility-imports',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.mobilityHistoryBodyBytes + 64 * 1024,
        schema: {
          tags: ['mobility'],
          summary: 'Import a mobility history file (CSV or XLSX): all rows or none',
          description:
            'Send the file as multipart/form-data, field "file" (.csv or .xlsx). A wrong header is refused at once (400 naming the columns). Answers 202 with the import once the file is read; follow GET /mobility-imports/{id}: row errors (first 100, with the total) or the counts inserted and already present.',
          consumes: ['multipart/form-data'],
          response: { 202: ImportJobSchema, ...errors },
        },
      },
      async (request, reply) => {
        const context = ctx(request);
        requireImporter(context);
        const actor = requireActor(request);
        if (!request.isMultipart())
          throw invalidField(
            'file',
            refusal('mobility.import_unreadable', { format: 'multipart/form-data' }),
            'send the file as multipart/form-data, field "file"',
          );
        const file = await request.file();
        if (!file || file.fieldname !== 'file')
          throw invalidField(
            'file',
            refusal('mobility.import_empty'),
            'send the file as multipart/form-data, field "file"',
          );
        const format = formatOf(file.filename, file.mimetype);
        if (!format) {
          file.file.resume();
          throw invalidField(
            'file',
            refusal('mobility.import_unreadable', { format: 'CSV / XLSX' }),
            'send a .csv or an .xlsx file',
          );
        }
        let read = false;
        const started = jobs.start(actor.id, (id, signal, progress) =>
          importMobilityHistory(context, file.file, format, {
            importId: id,
            signal,
            onProgress: progress,
          }),
        );
        // The client leaving before the file is read cancels the import.
        request.raw.once('close', () => {
          if (!read) jobs.cancel(actor.id, started.view.id);
        });
        await started.read;
        read = true;
        const job = jobs.get(actor.id, started.view.id)!;
        if (job.state === 'failed' && job.error) {
          jobs.forget(job.id);
          throw new AppError(job.error.code, job.error.message, job.error.details);
        }
        return reply.status(202).send(job);
      },
    );
    app.get(
      '/mobility-imports/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['mobility'],
          summary: 'An import you started: its phase and counts, then its errors or its result',
          params: ImportJobId,
          response: { 200: ImportJobSchema, ...errors },
        },
      },
      async (request) => {
        const job = jobs.get(requireActor(request).id, request.params.id);
        if (!job) throw notFound('mobility_import', request.params.id);
        return job;
      },
    );
    app.delete(
      '/mobility-imports/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['mobility'],
          summary: 'Cancel an import you started: nothing of it is kept',
          params: ImportJobId,
          response: { 200: ImportJobSchema, ...errors },
        },
      },
      async (request) => {
        const owner = requireActor(request).id;
        if (!jobs.cancel(owner, request.params.id))
          throw notFound('mobility_import', request.params.id);
        return jobs.get(owner, request.params.id)!;
      },
    );
  };
