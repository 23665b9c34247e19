import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { auditTrail } from '#src/services/audit-trail.ts';
import { ErrorSchema } from './common.schema.ts';
import { AuditQuery, AuditTrail } from './audit.schema.ts';
import { contextFor, signedIn } from '../session.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** The history of one record: for those who may manage it, and platform administrators. */
export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/audit',
      {
        onRequest: signedIn,
        schema: {
          tags: ['audit'],
          summary:
            'The audit trail of one record, newest first: who, when, the request, the action and the fields changed (before and after; secrets redacted)',
          querystring: AuditQuery,
          response: { 200: AuditTrail, ...errors },
        },
      },
      async (request) =>
        auditTrail(ctx(request), request.query.resourceType, request.query.resourceId),
    );
  };
