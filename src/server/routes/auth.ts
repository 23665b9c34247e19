import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { signIn, signOut } from '#src/services/auth/sessions.ts';
import { mayProposeAgreements } from '#src/services/agreements/agreements.ts';
import { mayCreateInstitutions } from '#src/services/registry/write.ts';
import { ErrorSchema } from './common.schema.ts';
import { SessionView, SignInBody } from './auth.schema.ts';
import { SESSION_COOKIE, clearSessionCookie, requireActor, setSessionCookie } from '../session.ts';

const mayOf = (actor: Parameters<typeof mayProposeAgreements>[0]) => ({
  createInstitution: mayCreateInstitutions(actor),
  proposeAgreement: mayProposeAgreements(actor),
});

export const authRoutes =
  (db: Db, options: { signInPerMinute: number }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/sign-in',
      {
        config: { rateLimit: { max: options.signInPerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password; sets the session cookie',
          body: SignInBody,
          response: { 200: SessionView, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (request, reply) => {
        const session = await signIn(db, request.body, request.id);
        setSessionCookie(reply, session.token, session.expiresAt);
        return { actor: session.actor, csrfToken: session.csrfToken, may: mayOf(session.actor) };
      },
    );
    app.post(
      '/auth/sign-out',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the session',
          response: { 204: z.null().describe('signed out'), 401: ErrorSchema },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const token = request.cookies[SESSION_COOKIE];
        if (token) await signOut(db, token);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in actor with their scoped roles',
          response: { 200: SessionView, 401: ErrorSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return { actor, csrfToken: request.csrfToken ?? '', may: mayOf(actor) };
      },
    );
  };
