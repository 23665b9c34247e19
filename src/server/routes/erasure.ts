import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  askErasure,
  carryOutErasure,
  listErasureRequests,
  myErasureRequest,
  withdrawErasure,
} from '#src/services/auth/erasure.ts';
import { ErrorSchema } from './common.schema.ts';
import { ErasureCarriedOut, MyErasureRequest, OpenErasureRequestList } from './erasure.schema.ts';
import { contextFor, signedIn } from '../session.ts';

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};
const Id = z.object({ id: z.uuid() });

/**
 * Erasure of personal data (src/services/auth/erasure.ts): the person asks for it or withdraws
 * their request; an administrator sees the open requests and carries one out.
 */
export const erasureRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    app.get(
      '/me/erasure-request',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'The signed-in person’s open request to erase their personal data, if any',
          response: { 200: MyErasureRequest, ...errors },
        },
      },
      async (request) => myErasureRequest(ctx(request)),
    );
    app.post(
      '/me/erasure-request',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Ask for the erasure of one’s personal data (one open request at a time)',
          response: { 200: MyErasureRequest, ...errors },
        },
      },
      async (request) => askErasure(ctx(request)),
    );
    app.post(
      '/me/erasure-request/withdraw',
      {
        onRequest: signedIn,
        schema: {
          tags: ['auth'],
          summary: 'Withdraw one’s open erasure request',
          response: { 200: MyErasureRequest, ...errors },
        },
      },
      async (request) => withdrawErasure(ctx(request)),
    );
    app.get(
      '/erasure-requests',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary: 'Open erasure requests, oldest first (administrators)',
          response: { 200: OpenErasureRequestList, ...errors },
        },
      },
      async (request) => listErasureRequests(ctx(request)),
    );
    app.post(
      '/erasure-requests/:id/carry-out',
      {
        onRequest: signedIn,
        schema: {
          tags: ['people'],
          summary:
            'Carry out an erasure request (administrators): the account is disabled and its personal data removed or pseudonymised; audit, payments and mobilities are kept',
          params: Id,
          response: { 200: ErasureCarriedOut, ...errors },
        },
      },
      async (request) => carryOutErasure(ctx(request), request.params.id),
    );
  };
