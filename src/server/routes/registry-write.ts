import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  addMember,
  addOrgUnit,
  createInstitution,
  endMembership,
  exportInstitutions,
  exportMembers,
  importInstitutions,
  listOrgUnits,
  updateInstitution,
} from '#src/services/registry/write.ts';
import { AppError } from '#src/services/errors.ts';
import { ErrorSchema, IsoDate } from './common.schema.ts';
import { InstitutionDetail } from './registry.schema.ts';
import { contextFor, signedIn } from '../session.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};
const TABULAR_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const OrgUnit = z.object({
  id: z.string(),
  institutionId: z.string(),
  parentId: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
});

export const registryWriteRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    // Imports arrive as the raw file: CSV or XLSX.
    for (const type of [TABULAR_TYPES.csv, TABULAR_TYPES.xlsx, 'application/octet-stream']) {
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
        (_req, body, done) => done(null, body),
      );
    }

    app.post(
      '/institutions',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Add an institution',
          body: z.record(z.string(), z.unknown()),
          response: { 201: InstitutionDetail, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createInstitution(ctx(request), request.body)),
    );
    app.patch(
      '/institutions/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Edit an institution (its coordinator, or its association’s secretariat)',
          params: z.object({ id: z.string() }),
          body: z.record(z.string(), z.unknown()),
          response: { 200: InstitutionDetail, ...errors },
        },
      },
      async (request) => updateInstitution(ctx(request), request.params.id, request.body),
    );
    app.get(
      '/institutions/:id/units',
      {
        schema: {
          tags: ['registry'],
          summary: 'Organisational units',
          params: z.object({ id: z.string() }),
          response: { 200: z.object({ items: z.array(OrgUnit) }) },
        },
      },
      async (request) => ({ items: await listOrgUnits(db, request.params.id) }),
    );
    app.post(
      '/institutions/:id/units',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Add a faculty, graduate school or course',
          params: z.object({ id: z.string() }),
          body: z.record(z.string(), z.unknown()),
          response: { 201: OrgUnit, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addOrgUnit(ctx(request), request.params.id, request.body)),
    );
    app.post(
      '/consortia/:id/members',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'A member joins on a date',
          params: z.object({ id: z.string() }),
          body: z.object({ institutionId: z.string().min(1), joinedOn: IsoDate }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await addMember(ctx(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/consortia/:id/members/:institutionId/leave',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'A member leaves on a date',
          params: z.object({ id: z.string(), institutionId: z.string() }),
          body: z.object({ leftOn: IsoDate }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await endMembership(
          ctx(request),
          request.params.id,
          request.params.institutionId,
          request.body.leftOn,
        );
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/import/institutions',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Import institutions from CSV or XLSX: all rows or none',
          description:
            'Send the file as the request body with Content-Type text/csv or the XLSX type. With dryRun=true nothing is written. Errors list each bad row: { line, field, message }.',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          response: {
            200: z.object({
              dryRun: z.boolean(),
              rows: z.number(),
              created: z.number(),
              updated: z.number(),
              errors: z.array(
                z.object({ line: z.number(), field: z.string(), message: z.string() }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const type = String(request.headers['content-type'] ?? '').split(';')[0];
        const format =
          type === TABULAR_TYPES.xlsx ? 'xlsx' : type === TABULAR_TYPES.csv ? 'csv' : null;
        if (!format || !Buffer.isBuffer(request.body)) {
          throw new AppError(
            'unsupported_media_type',
            'send the file as text/csv or as an XLSX workbook',
          );
        }
        return importInstitutions(ctx(request), request.body, format, {
          dryRun: request.query.dryRun === 'true',
        });
      },
    );
    app.get(
      '/export/institutions.:format',
      {
        schema: {
          tags: ['registry'],
          summary: 'All institutions as CSV or XLSX',
          params: z.object({ format: z.enum(['csv', 'xlsx']) }),
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        reply.header('content-disposition', `attachment; filename="institutions.${format}"`);
        return reply.type(TABULAR_TYPES[format]).send(await exportInstitutions(db, format));
      },
    );
    app.get(
      '/consortia/:id/members.:format',
      {
        schema: {
          tags: ['registry'],
          summary: 'A consortium’s members over time as CSV or XLSX',
          params: z.object({ id: z.string(), format: z.enum(['csv', 'xlsx']) }),
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        reply.header('content-disposition', `attachment; filename="${id}-members.${format}"`);
        return reply.type(TABULAR_TYPES[format]).send(await exportMembers(db, id, format));
      },
    );
  };
