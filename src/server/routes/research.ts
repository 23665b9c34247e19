import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { lookupIdentifier, myOrcid, setOrcid } from '#src/services/research/identifiers.ts';
import {
  confirmImport,
  discardImport,
  getImport,
  myImports,
  previewImport,
} from '#src/services/research/imports.ts';
import {
  countPublications,
  getPublication,
  searchPublications,
} from '#src/services/research/publications.ts';
import { LIMITS } from '#src/services/limits.ts';
import {
  BatchIdParams,
  CountsQuery,
  IdentifierLookup,
  IdentifierParams,
  ImportBatch,
  ImportBatchList,
  ImportBody,
  OrcidBody,
  OrcidResult,
  PersonIdParams,
  Publication,
  PublicationCounts,
  PublicationIdParams,
  PublicationList,
  PublicationQuery,
  errorResponses,
} from './research.schema.ts';
import { ErrorSchema } from './common.schema.ts';
import { contextFor, signedIn } from '../session.ts';

/** Publications, their imports, persistent identifier lookups and people's ORCID iDs. */
export const researchRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const tags = ['research'];

    app.get(
      '/publications',
      {
        schema: {
          tags,
          summary: 'Publications, newest first: search and filter by year, theme, institution',
          querystring: PublicationQuery,
          response: { 200: PublicationList },
        },
      },
      async (request) => {
        const { q, year, theme, institution, page, pageSize } = request.query;
        return searchPublications(ctx(request), {
          q,
          year,
          theme,
          institutionId: institution,
          page,
          pageSize,
        });
      },
    );
    app.get(
      '/publications/counts',
      {
        schema: {
          tags,
          summary:
            'Counts per year and per theme computed from the records; co-publications of two or more institutions',
          querystring: CountsQuery,
          response: { 200: PublicationCounts },
        },
      },
      async (request) =>
        countPublications(ctx(request), {
          institutionIds: request.query.institutions
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          fromYear: request.query.fromYear,
          toYear: request.query.toYear,
        }),
    );
    app.get(
      '/publications/:id',
      {
        schema: {
          tags,
          summary: 'One publication',
          params: PublicationIdParams,
          response: { 200: Publication, 404: ErrorSchema },
        },
      },
      async (request) => getPublication(ctx(request), request.params.id),
    );
    app.post(
      '/publication-imports',
      {
        onRequest: signedIn,
        bodyLimit: LIMITS.publicationImportBodyBytes,
        schema: {
          tags,
          summary: 'Read a publication file into a preview: good entries, duplicates, broken ones',
          description:
            'Nothing is added to the publications until the batch is confirmed. Broken entries carry the line they start on and a research.* code.',
          body: ImportBody,
          response: { 201: ImportBatch, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await previewImport(ctx(request), request.body)),
    );
    app.get(
      '/publication-imports',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The signed-in person’s own import batches',
          response: { 200: ImportBatchList, 401: ErrorSchema },
        },
      },
      async (request) => myImports(ctx(request)),
    );
    app.get(
      '/publication-imports/:id',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'One import batch with its preview (its importer only)',
          params: BatchIdParams,
          response: { 200: ImportBatch, 401: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => getImport(ctx(request), request.params.id),
    );
    app.post(
      '/publication-imports/:id/confirm',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Apply the batch’s good entries, all or nothing, each work once',
          params: BatchIdParams,
          response: { 200: ImportBatch, ...errorResponses },
        },
      },
      async (request) => confirmImport(ctx(request), request.params.id),
    );
    app.post(
      '/publication-imports/:id/discard',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Discard a previewed batch',
          params: BatchIdParams,
          response: { 200: ImportBatch, ...errorResponses },
        },
      },
      async (request) => discardImport(ctx(request), request.params.id),
    );
    app.get(
      '/identifiers/:value',
      {
        schema: {
          tags,
          summary:
            'Look up an identifier: ROR, SCHAC, Erasmus code or PIC → institution; ORCID → person and publications; DOI → publication',
          params: IdentifierParams,
          response: { 200: IdentifierLookup, 400: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => lookupIdentifier(ctx(request), request.params.value),
    );
    app.get(
      '/me/orcid',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'The signed-in person’s ORCID iD',
          response: { 200: OrcidResult, 401: ErrorSchema },
        },
      },
      async (request) => myOrcid(ctx(request)),
    );
    app.put(
      '/me/orcid',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Set or clear the signed-in person’s ORCID iD',
          body: OrcidBody,
          response: { 200: OrcidResult, ...errorResponses },
        },
      },
      async (request) => {
        const c = ctx(request);
        return setOrcid(c, c.actor!.id, request.body.orcid);
      },
    );
    app.put(
      '/people/:id/orcid',
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: 'Set or clear a person’s ORCID iD (those who manage accounts)',
          params: PersonIdParams,
          body: OrcidBody,
          response: { 200: OrcidResult, ...errorResponses },
        },
      },
      async (request) => setOrcid(ctx(request), request.params.id, request.body.orcid),
    );
  };
