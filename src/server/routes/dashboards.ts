import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  DASHBOARDS,
  dashboardFilter,
  type DashboardKind,
} from '#src/services/dashboards/dashboards.ts';
import { dashboardRecords, myDashboards } from '#src/services/dashboards/records.ts';
import { exportTable } from '#src/services/dashboards/export.ts';
import {
  DashboardParams,
  DashboardQuery,
  DashboardView,
  ExportQuery,
  MyDashboardsView,
  RecordsQuery,
  RecordsView,
} from './dashboards.schema.ts';
import { ErrorSchema } from './common.schema.ts';
import { contentDisposition } from '../content-disposition.ts';
import { contextFor, signedIn } from '../session.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** Where each dashboard lives: under the record it is the dashboard of. */
const PREFIX: Record<DashboardKind, string> = {
  program: '/programs',
  consortium: '/consortia',
  institution: '/institutions',
};
const READER: Record<DashboardKind, string> = {
  program: "the program's funder officers",
  consortium: "the consortium's or association's officers and secretariat",
  institution: "the institution's coordinators (its international office)",
};

/**
 * Dashboards of a program (funder), a consortium or association, an institution (international
 * office): figures aggregated from the records, a table under every chart, downloads, the records
 * behind each figure within the reader's scope.
 */
export const dashboardRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['dashboards'];

    app.get(
      '/dashboards',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The dashboards you may open: your programs, consortia and institutions',
          response: { 200: MyDashboardsView, 401: ErrorSchema },
        },
      },
      async (request) => myDashboards(ctx(request)),
    );

    for (const kind of Object.keys(PREFIX) as DashboardKind[]) {
      const base = `${PREFIX[kind]}/:id/dashboard`;
      app.get(
        base,
        {
          onRequest: signedIn,
          schema: {
            tags,
            summary: `The ${kind}'s dashboard, for ${READER[kind]}: tables (drawn as charts), the map of flows`,
            params: DashboardParams,
            querystring: DashboardQuery,
            response: { 200: DashboardView, ...errors },
          },
        },
        async (request) =>
          DASHBOARDS[kind](ctx(request), request.params.id, dashboardFilter(request.query)),
      );
      app.get(
        `${base}/records`,
        {
          onRequest: signedIn,
          schema: {
            tags,
            summary: `The stays behind a figure of the ${kind}'s dashboard; students' names only for coordinators of home or host`,
            params: DashboardParams,
            querystring: RecordsQuery,
            response: { 200: RecordsView, ...errors },
          },
        },
        async (request) => {
          const { years, partner, level, field, ...link } = request.query;
          return dashboardRecords(
            ctx(request),
            kind,
            request.params.id,
            dashboardFilter({ years }),
            {
              ...link,
              ...(partner ? { partner } : {}),
              ...(level ? { level } : {}),
              ...(field ? { field } : {}),
            },
          );
        },
      );
      app.get(
        `${base}/export`,
        {
          onRequest: signedIn,
          schema: {
            tags,
            summary: `One table of the ${kind}'s dashboard as CSV or XLSX`,
            params: DashboardParams,
            querystring: ExportQuery,
            // The answer is the file itself; errors follow ErrorSchema.
          },
        },
        async (request, reply) => {
          const { table, format, lang, ...filter } = request.query;
          const file = await exportTable(ctx(request), kind, request.params.id, {
            filter: dashboardFilter(filter),
            table,
            format,
            language: lang,
          });
          return reply
            .header('content-type', file.contentType)
            .header('content-disposition', contentDisposition(file.filename))
            .header('cache-control', 'private, no-store')
            .header('x-content-type-options', 'nosniff')
            .send(file.body);
        },
      );
    }
  };
