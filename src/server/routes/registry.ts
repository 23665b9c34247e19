import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import { listConsortia, listGroupings, listInstitutions } from '#src/services/registry/queries.ts';
import { consortiumDetail, institutionDetail } from '#src/services/registry/write.ts';
import { institutionAgreements } from '#src/services/registry/institution-agreements.ts';
import { contextFor } from '../session.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  ConsortiumDetail,
  ConsortiumDetailQuery,
  ConsortiumPage,
  ConsortiumQuery,
  GroupingList,
  IdParams,
  InstitutionAgreementList,
  InstitutionDetail,
  InstitutionPage,
  InstitutionQuery,
} from './registry.schema.ts';

/** The registry is public (policy `registry:read`): institutions, groupings and consortia. */
export const registryRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/institutions',
      {
        schema: {
          tags: ['registry'],
          summary:
            'Search institutions: by name then id, a page at a time (limit, cursor), with the number that match (total)',
          querystring: InstitutionQuery,
          response: { 200: InstitutionPage, 400: ErrorSchema },
        },
      },
      async (request) => listInstitutions(db, request.query),
    );
    app.get(
      '/institutions/:id',
      {
        schema: {
          tags: ['registry'],
          summary: 'One institution, by SCHAC code',
          params: IdParams,
          response: { 200: InstitutionDetail, 404: ErrorSchema },
        },
      },
      async (request) => institutionDetail(ctx(request), request.params.id),
    );
    app.get(
      '/institutions/:id/agreements',
      {
        schema: {
          tags: ['registry'],
          summary:
            'The agreements an institution is party to today: directly, or through a consortium it is a member of',
          params: IdParams,
          response: { 200: InstitutionAgreementList, 404: ErrorSchema },
        },
      },
      async (request) => institutionAgreements(ctx(request), request.params.id),
    );
    app.get(
      '/groupings',
      {
        schema: {
          tags: ['registry'],
          summary: 'Groupings of institutions (districts)',
          response: { 200: GroupingList },
        },
      },
      async () => listGroupings(db),
    );
    app.get(
      '/consortia',
      {
        schema: {
          tags: ['registry'],
          summary: 'Consortia, associations and alliances',
          querystring: ConsortiumQuery,
          response: { 200: ConsortiumPage, 400: ErrorSchema },
        },
      },
      async (request) =>
        listConsortia(db, {
          ...request.query,
          onDate: request.query.at ?? request.query.on ?? todayOf(ctx(request)),
        }),
    );
    app.get(
      '/consortia/:id',
      {
        schema: {
          tags: ['registry'],
          summary: 'One consortium with its members over time',
          params: IdParams,
          querystring: ConsortiumDetailQuery,
          response: { 200: ConsortiumDetail, 404: ErrorSchema },
        },
      },
      async (request) =>
        consortiumDetail(
          ctx(request),
          request.params.id,
          request.query.at ?? request.query.on ?? todayOf(ctx(request)),
        ),
    );
  };
