import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  partnershipProfile,
  partnershipProfilePdf,
  partnershipProfileWorkbook,
} from '#src/services/partnership/profile.ts';
import { contentDisposition } from '../content-disposition.ts';
import { contextFor } from '../session.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  PartnershipProfileSchema,
  ProfileFileQuery,
  ProfileParams,
} from './partnership-profile.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A partnership's profile: figures computed from the records, as JSON, an A4 PDF and an XLSX. */
export const partnershipProfileRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['partnerships'];
    app.get(
      '/partnerships/:id/profile',
      {
        schema: {
          tags,
          summary:
            'The profile of a partnership: agreements, mobility each way per year, Jukebox, events, co-publications per year and theme, cotutelles, laboratories, degrees, visits, plans — computed from the records',
          params: ProfileParams,
          response: { 200: PartnershipProfileSchema, 404: ErrorSchema },
        },
      },
      async (request) => partnershipProfile(ctx(request), request.params.id),
    );
    app.get(
      '/partnerships/:id/profile.pdf',
      {
        schema: {
          tags,
          summary: 'The profile as an A4 PDF in the reader’s language (or `lang`)',
          params: ProfileParams,
          querystring: ProfileFileQuery,
        },
      },
      async (request, reply) => {
        const file = await partnershipProfilePdf(
          ctx(request),
          request.params.id,
          request.query.lang,
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(file.filename, 'attachment'))
          .send(file.body);
      },
    );
    app.get(
      '/partnerships/:id/profile.xlsx',
      {
        schema: {
          tags,
          summary: 'The profile as an XLSX workbook, one sheet per table',
          params: ProfileParams,
          querystring: ProfileFileQuery,
        },
      },
      async (request, reply) => {
        const file = await partnershipProfileWorkbook(
          ctx(request),
          request.params.id,
          request.query.lang,
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(file.filename, 'attachment'))
          .send(file.body);
      },
    );
  };
