import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  agreementBalance,
  consortiumBalance,
  createAgreement,
  getAgreement,
  listAgreements,
  signAgreement,
  updateAgreement,
} from '#src/services/agreements/agreements.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  AgreementDetail,
  AgreementSummary,
  CreateAgreementBody,
  LedgerSchema,
  SignBody,
  UpdateAgreementBody,
} from './agreements.schema.ts';
import { contextFor, requireActor, signedIn } from '../session.ts';

const Id = z.object({ id: z.string().uuid('expected an agreement id (UUID)') });
const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};

export const agreementRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Agreements, optionally of one party, optionally only those with another',
          querystring: z.object({
            party: z.string().max(253).optional(),
            with: z
              .string()
              .max(253)
              .optional()
              .describe('with `party`: only agreements whose other side is this party'),
          }),
          response: { 200: z.object({ items: z.array(AgreementSummary) }) },
        },
      },
      async (request) => listAgreements(ctx(request), request.query),
    );
    app.post(
      '/agreements',
      {
        onRequest: signedIn,
        schema: {
          tags: ['agreements'],
          summary: 'Create an agreement (a draft, version 1)',
          body: CreateAgreementBody,
          response: { 201: AgreementDetail, ...errors },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await createAgreement(ctx(request), request.body);
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One agreement with its versions, signatures and history',
          params: Id,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      async (request) => getAgreement(ctx(request), request.params.id),
    );
    app.put(
      '/agreements/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['agreements'],
          summary: 'Change the agreement: a new version (an amendment once signed)',
          params: Id,
          body: UpdateAgreementBody,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return updateAgreement(ctx(request), request.params.id, request.body);
      },
    );
    app.post(
      '/agreements/:id/signatures',
      {
        onRequest: signedIn,
        schema: {
          tags: ['agreements'],
          summary: 'Sign the latest version for one party',
          params: Id,
          body: SignBody,
          response: { 200: AgreementDetail, ...errors },
        },
      },
      async (request) => {
        requireActor(request);
        return signAgreement(ctx(request), request.params.id, request.body);
      },
    );
    app.get(
      '/agreements/:id/balance',
      {
        schema: {
          tags: ['agreements'],
          summary: 'The balance ledger (R4) per academic year and in total, planned and realised',
          params: Id,
          querystring: z.object({ side: z.enum(['A', 'B']).default('A') }),
          response: {
            200: LedgerSchema.extend({ agreementId: z.string(), side: z.string() }),
            ...errors,
          },
        },
      },
      async (request) => agreementBalance(ctx(request), request.params.id, request.query.side),
    );
    app.get(
      '/consortia/:id/balance',
      {
        schema: {
          tags: ['agreements'],
          summary: 'The balance ledger (R4) between two consortia',
          params: z.object({ id: z.string().min(1).max(253) }),
          querystring: z.object({ with: z.string().min(1).max(253) }),
          response: {
            200: LedgerSchema.extend({ consortiumId: z.string(), withId: z.string() }),
            ...errors,
          },
        },
      },
      async (request) => consortiumBalance(ctx(request), request.params.id, request.query.with),
    );
  };
