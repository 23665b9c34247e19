import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import { signIn, signOut } from '#src/services/auth/sessions.ts';
import {
  checkPasswordLink,
  completePasswordReset,
  requestPasswordReset,
} from '#src/services/auth/password-reset.ts';
import { mayProposeAgreements } from '#src/services/agreements/agreements.ts';
import { mayCreateInstitutions } from '#src/services/registry/write.ts';
import type { Mailer } from '#src/services/notify/mailer.ts';
import { ErrorSchema } from './common.schema.ts';
import {
  PasswordLinkParams,
  PasswordLinkView,
  PasswordResetAccepted,
  PasswordResetBody,
  PasswordResetDone,
  PasswordResetRequestBody,
  SessionView,
  SignInBody,
} from './auth.schema.ts';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  contextFor,
  requireActor,
  setSessionCookie,
} from '../session.ts';

const mayOf = (actor: Parameters<typeof mayProposeAgreements>[0]) => ({
  createInstitution: mayCreateInstitutions(actor),
  proposeAgreement: mayProposeAgreements(actor),
});

export interface AuthRouteOptions {
  signInPerMinute: number;
  /** Password-reset requests per client address and hour (the per-address limit is the service's). */
  passwordResetPerHour?: number;
  mailer?: Mailer | null;
  /** The address people reach the web app at, for the links in e-mails. */
  publicUrl?: string;
}

export const authRoutes =
  (db: Db, options: AuthRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const resetLimit = {
      rateLimit: { max: options.passwordResetPerHour ?? 30, timeWindow: '1 hour' },
    };
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
        const session = await signIn(db, request.body, request.id, {
          clock: request.server.clock,
          userAgent: request.headers['user-agent'],
        });
        setSessionCookie(reply, session.token, session.expiresAt, request.server.clock.now());
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
    app.post(
      '/auth/password-reset',
      {
        config: resetLimit,
        schema: {
          tags: ['auth'],
          summary:
            'Forgot the password: e-mails a one-time link (1 hour) when the address has an account; the same answer either way',
          body: PasswordResetRequestBody,
          response: { 202: PasswordResetAccepted, 400: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (request, reply) => {
        const pending = await requestPasswordReset(ctx(request), request.body, {
          mailer: options.mailer ?? null,
          publicUrl: options.publicUrl ?? 'http://localhost:3000',
        });
        // Sent after the answer, so that its time does not tell whether the address has an account.
        void pending.send();
        return reply.status(202).send({ accepted: true as const });
      },
    );
    app.get(
      '/auth/password-reset/:token',
      {
        config: resetLimit,
        schema: {
          tags: ['auth'],
          summary: 'Whether a password link may still be used (refusals: invalid, used, expired)',
          params: PasswordLinkParams,
          response: { 200: PasswordLinkView, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (request) => checkPasswordLink(ctx(request), request.params.token),
    );
    app.post(
      '/auth/password-reset/:token',
      {
        config: resetLimit,
        schema: {
          tags: ['auth'],
          summary:
            'Set the password from a one-time link; the link is used up and every session of the account ends',
          params: PasswordLinkParams,
          body: PasswordResetBody,
          response: {
            200: PasswordResetDone,
            400: ErrorSchema,
            404: ErrorSchema,
            409: ErrorSchema,
            429: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const done = await completePasswordReset(ctx(request), {
          token: request.params.token,
          password: request.body.password,
        });
        // If the person was signed in here, that session has ended too.
        if (request.actor) clearSessionCookie(reply);
        return done;
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
