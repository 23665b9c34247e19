import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getReport,
  receive,
  reopen,
  reportStatuses,
  saveNarrative,
  setCutOff,
  submit,
} from '#src/services/reports/implementation.ts';
import { reportPdf, reportWorkbook } from '#src/services/reports/files.ts';
import type { RouteDeps } from '../deps.ts';
import { contentDisposition } from '../content-disposition.ts';
import { contextFor, signedIn } from '../session.ts';
import {
  CutOffBody,
  NarrativeBody,
  ReopenBody,
  ReportFileQuery,
  ReportParams,
  ReportQuery,
  ReportSchema,
  StatusQuery,
  StatusTable,
  errorResponses,
} from './reports.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Annual implementation reports (R20, 003 §10(2)): the figures from the records at the funder's
 * cut-off, the narrative, submission by the head of the representative university, receipt and
 * reopening by the funder; as JSON, an A4 PDF (Japanese by default) and an XLSX workbook.
 */
export const reportRoutes =
  ({ db, mailer }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['reports'];
    const path = '/projects/:projectId/reports/:fiscalYear';

    app.get(
      '/implementation-reports/status',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Every running project’s implementation report of a fiscal year against its deadline (R20): the funder’s table',
          querystring: StatusQuery,
          response: { 200: StatusTable, ...errorResponses },
        },
      },
      async (request) => reportStatuses(ctx(request), request.query),
    );
    app.get(
      path,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'A project’s implementation report of a fiscal year: figures (live until submitted, then frozen), narrative, history',
          params: ReportParams,
          querystring: ReportQuery,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        getReport(ctx(request), request.params.projectId, request.params.fiscalYear, {
          version: request.query.version,
        }),
    );
    app.put(
      `${path}/cut-off`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The funder sets the cut-off date the figures are frozen at (R20)',
          params: ReportParams,
          body: CutOffBody,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        setCutOff(
          ctx(request),
          request.params.projectId,
          request.params.fiscalYear,
          request.body.cutOff,
        ),
    );
    app.put(
      `${path}/narrative`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The representative university saves the narrative sections of the draft',
          params: ReportParams,
          body: NarrativeBody,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        saveNarrative(
          ctx(request),
          request.params.projectId,
          request.params.fiscalYear,
          request.body.narrative,
        ),
    );
    app.post(
      `${path}/submit`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'Submitted in the name of the head of the representative university (R20): every section written, figures frozen',
          params: ReportParams,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        submit(ctx(request), mailer, request.params.projectId, request.params.fiscalYear),
    );
    app.post(
      `${path}/receive`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The funder receives the submitted report',
          params: ReportParams,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        receive(ctx(request), mailer, request.params.projectId, request.params.fiscalYear),
    );
    app.post(
      `${path}/reopen`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary:
            'The funder reopens a submitted report by a recorded decision with its reason: the next version is a draft',
          params: ReportParams,
          body: ReopenBody,
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        reopen(
          ctx(request),
          mailer,
          request.params.projectId,
          request.params.fiscalYear,
          request.body,
        ),
    );
    app.get(
      `${path}/report.pdf`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The report as an A4 PDF, in Japanese unless `lang` asks for another language',
          params: ReportParams,
          querystring: ReportFileQuery,
        },
      },
      async (request, reply) => {
        const file = await reportPdf(
          ctx(request),
          request.params.projectId,
          request.params.fiscalYear,
          request.query,
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(file.filename, 'attachment'))
          .send(file.body);
      },
    );
    app.get(
      `${path}/report.xlsx`,
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The report as an XLSX workbook, one sheet per table',
          params: ReportParams,
          querystring: ReportFileQuery,
        },
      },
      async (request, reply) => {
        const file = await reportWorkbook(
          ctx(request),
          request.params.projectId,
          request.params.fiscalYear,
          request.query,
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', contentDisposition(file.filename, 'attachment'))
          .send(file.body);
      },
    );
  };
