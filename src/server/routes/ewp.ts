import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Db } from '#src/db/client.ts';
import {
  agreementEwpFile,
  learningAgreementEwpFile,
  mobilityEwpFile,
  transcriptEwpFile,
  type EwpFile,
} from '#src/services/ewp/downloads.ts';
import {
  confirmEwpImport,
  discardEwpImport,
  getEwpImport,
  previewEwpImport,
} from '#src/services/ewp/imports.ts';
import { LIMITS } from '#src/services/limits.ts';
import { contentDisposition } from '../content-disposition.ts';
import { contextFor, signedIn } from '../session.ts';
import {
  ImportBody,
  ImportPreview,
  RecordIdParams,
  downloadResponses,
  errorResponses,
} from './ewp.schema.ts';

const sendXml = (reply: FastifyReply, file: EwpFile) =>
  reply
    .header('content-type', 'application/xml; charset=utf-8')
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.xml);

/**
 * Erasmus Without Paper files people download and upload: our agreements, mobilities, learning
 * agreements and transcripts as EWP XML, and a partner's file imported through a preview.
 */
export const ewpRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['ewp'];
    const description =
      'Refused with 422 and ewp.missing_field refusals (each naming the field and the record) when the record lacks what the EWP specifications make mandatory.';

    app.get(
      '/agreements/:id/ewp.xml',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The agreement as an EWP IIAs v7 get-response (its coordinators)',
          description,
          params: RecordIdParams,
          response: downloadResponses,
        },
      },
      async (request, reply) =>
        sendXml(reply, await agreementEwpFile(ctx(request), request.params.id)),
    );
    app.get(
      '/mobilities/:id/ewp.xml',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The mobility as an EWP OMobilities v2 get-response',
          description,
          params: RecordIdParams,
          response: downloadResponses,
        },
      },
      async (request, reply) =>
        sendXml(reply, await mobilityEwpFile(ctx(request), request.params.id)),
    );
    app.get(
      '/mobilities/:id/learning-agreement/ewp.xml',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The mobility’s learning agreement as an EWP OMobility LAs v1 get-response',
          description,
          params: RecordIdParams,
          response: downloadResponses,
        },
      },
      async (request, reply) =>
        sendXml(reply, await learningAgreementEwpFile(ctx(request), request.params.id)),
    );
    app.get(
      '/mobilities/:id/transcript/ewp.xml',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The mobility’s transcript of records as an ELMO 1.7 document',
          description,
          params: RecordIdParams,
          response: downloadResponses,
        },
      },
      async (request, reply) =>
        sendXml(reply, await transcriptEwpFile(ctx(request), request.params.id)),
    );
    app.post(
      '/ewp/imports',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.ewpImportBodyBytes,
        schema: {
          tags,
          summary:
            'Read a partner’s EWP file into a preview: kind, unknown institutions, differences',
          description:
            'The file is refused before parsing when too large, carrying a DTD or not well-formed, and when it breaks the official schema. Nothing changes until the preview is confirmed.',
          body: ImportBody,
          response: { 201: ImportPreview, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await previewEwpImport(ctx(request), request.body)),
    );
    app.get(
      '/ewp/imports/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'One EWP import with its preview',
          params: RecordIdParams,
          response: {
            200: ImportPreview,
            401: errorResponses[401],
            403: errorResponses[403],
            404: errorResponses[404],
          },
        },
      },
      async (request) => getEwpImport(ctx(request), request.params.id),
    );
    app.post(
      '/ewp/imports/:id/confirm',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Apply a previewed EWP import: everything at once or nothing',
          params: RecordIdParams,
          response: { 200: ImportPreview, ...errorResponses },
        },
      },
      async (request) => confirmEwpImport(ctx(request), request.params.id),
    );
    app.post(
      '/ewp/imports/:id/discard',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Discard a previewed EWP import',
          params: RecordIdParams,
          response: { 200: ImportPreview, ...errorResponses },
        },
      },
      async (request) => discardEwpImport(ctx(request), request.params.id),
    );
  };
