import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  addOrgUnit,
  answerProposal,
  createInstitution,
  endMembership,
  exportInstitutions,
  exportMembers,
  importInstitutions,
  listOrgUnits,
  proposeMember,
  updateInstitution,
} from '#src/services/registry/write.ts';
import { AppError } from '#src/services/errors.ts';
import { LIMITS } from '#src/services/limits.ts';
import type { TaskPool } from '#src/services/tasks/pool.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  ExportParams,
  IdParams,
  ImportQuery,
  ImportReport,
  InstitutionBody,
  InstitutionDetail,
  InstitutionPatchBody,
  MemberJoinBody,
  MemberLeaveBody,
  MemberParams,
  MembersExportParams,
  MembershipProposal,
  ProposalParams,
  OrgUnit,
  OrgUnitBody,
  OrgUnitList,
} from './registry.schema.ts';
import { contextFor, signedIn } from '../session.ts';
import { contentDisposition } from '../content-disposition.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
  429: ErrorSchema,
};
const TABULAR_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const registryWriteRoutes =
  (db: Db, tasks: TaskPool): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    // Imports arrive as the raw file: CSV or XLSX.
    for (const type of [TABULAR_TYPES.csv, TABULAR_TYPES.xlsx, 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    }

    app.post(
      '/institutions',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'Add an institution',
          body: InstitutionBody,
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
          params: IdParams,
          body: InstitutionPatchBody,
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
          params: IdParams,
          response: { 200: OrgUnitList, 404: ErrorSchema },
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
          params: IdParams,
          body: OrgUnitBody,
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
          summary:
            'Propose a member joining on a date: it takes effect when the other side accepts',
          description:
            'Proposed by the consortium’s officers or secretariat, or by the university’s coordinator; the other side (or an administrator) accepts. Someone who speaks for both sides makes it take effect at once (status accepted).',
          params: IdParams,
          body: MemberJoinBody,
          response: { 201: MembershipProposal, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await proposeMember(ctx(request), request.params.id, request.body)),
    );
    for (const answer of ['accept', 'decline', 'withdraw'] as const) {
      app.post(
        `/consortia/:id/proposals/:proposalId/${answer}`,
        {
          onRequest: signedIn,
          schema: {
            tags: ['registry'],
            summary: {
              accept: 'Accept a proposed membership (the other side, or an administrator)',
              decline: 'Decline a proposed membership (the other side, or an administrator)',
              withdraw: 'Withdraw a proposed membership (the side that proposed it)',
            }[answer],
            params: ProposalParams,
            response: { 200: MembershipProposal, ...errors },
          },
        },
        async (request) =>
          answerProposal(ctx(request), request.params.id, request.params.proposalId, answer),
      );
    }
    app.post(
      '/consortia/:id/members/:institutionId/leave',
      {
        onRequest: signedIn,
        schema: {
          tags: ['registry'],
          summary: 'A member leaves on a date (the consortium’s side or the university’s)',
          params: MemberParams,
          body: MemberLeaveBody,
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
        bodyLimit: LIMITS.importBodyBytes,
        schema: {
          tags: ['registry'],
          summary: 'Import institutions from CSV or XLSX: all rows or none',
          description:
            'Send the file as the request body with Content-Type text/csv or the XLSX type. With dryRun=true nothing is written. Errors list each bad row: { line, field, code, params, message }.',
          querystring: ImportQuery,
          response: { 200: ImportReport, 415: ErrorSchema, ...errors },
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
          tasks,
        });
      },
    );
    app.get(
      '/export/institutions.:format',
      {
        schema: {
          tags: ['registry'],
          summary: 'All institutions as CSV or XLSX',
          params: ExportParams,
        },
      },
      async (request, reply) => {
        const { format } = request.params;
        reply.header('content-disposition', contentDisposition(`institutions.${format}`));
        return reply.type(TABULAR_TYPES[format]).send(await exportInstitutions(db, format));
      },
    );
    app.get(
      '/consortia/:id/members.:format',
      {
        schema: {
          tags: ['registry'],
          summary: 'A consortium’s members over time as CSV or XLSX',
          params: MembersExportParams,
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        reply.header('content-disposition', contentDisposition(`${id}-members.${format}`));
        return reply.type(TABULAR_TYPES[format]).send(await exportMembers(db, id, format));
      },
    );
  };
