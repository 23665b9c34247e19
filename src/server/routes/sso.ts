import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '#src/db/client.ts';
import {
  createProvider,
  deleteProvider,
  listEnabledProviders,
  listProviders,
  updateProvider,
} from '#src/services/sso/providers.ts';
import {
  SSO_REQUEST_TTL_MS,
  SsoRefusal,
  finishOidc,
  finishSaml,
  startSignIn,
  type SsoOutcome,
  type SsoSite,
} from '#src/services/sso/flow.ts';
import { SSO_CODES } from '#src/domain/shared/refusal-codes.ts';
import { ErrorSchema } from './common.schema.ts';
import { LinkStarted, ProviderBody, ProviderView, PublicProvider } from './sso.schema.ts';
import { contextFor, requireActor, setSessionCookie, signedIn } from '../session.ts';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** Binds an OIDC answer to the browser that started the sign-in (login CSRF). */
export const SSO_STATE_COOKIE = 'kakehashi_sso';
const COOKIE_PATH = '/api/v1/sso';
/** A SAML response with its signature and certificate; GakuNin's are a few tens of kilobytes. */
const ACS_BODY_LIMIT = 256 * 1024;

export interface SsoOptions {
  /** The public origin (https://kakehashi.example); from the request's Host when absent. */
  publicUrl?: string;
  /** Accept providers over plain http: local development and tests only. */
  allowHttp?: boolean;
}

/** Single sign-on through the institutions' own identity providers (decision 007). */
export const ssoRoutes =
  (db: Db, options: SsoOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = contextFor(db);
    const siteOf = (request: FastifyRequest): SsoSite => ({
      origin: (options.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/$/, ''),
      allowHttp: options.allowHttp ?? false,
    });

    /** A refusal: logged with its code only (never the assertion's data), the person sent back. */
    const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown, to: string) => {
      if (!(error instanceof SsoRefusal)) throw error;
      request.log.warn({ sso: error.code, reason: error.reason }, 'single sign-on refused');
      return reply.redirect(`${to}?sso=${encodeURIComponent(error.code)}`, 303);
    };
    const arrive = (reply: FastifyReply, outcome: SsoOutcome) => {
      if (outcome.kind === 'linked') return reply.redirect('/me?sso=linked', 303);
      setSessionCookie(
        reply,
        outcome.session.token,
        outcome.session.expiresAt,
        reply.server.clock.now(),
      );
      return reply.redirect('/', 303);
    };
    const setState = (reply: FastifyReply, state: string) =>
      reply.setCookie(SSO_STATE_COOKIE, state, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: SSO_REQUEST_TTL_MS / 1000,
      });

    // --- administration -------------------------------------------------------------------
    app.get(
      '/identity-providers',
      {
        onRequest: signedIn,
        schema: {
          tags: ['sso'],
          summary: 'Every identity provider (platform administrators)',
          response: { 200: z.array(ProviderView), ...errors },
        },
      },
      async (request) => listProviders(ctx(request)),
    );
    app.post(
      '/identity-providers',
      {
        onRequest: signedIn,
        schema: {
          tags: ['sso'],
          summary: 'Add an identity provider for an institution (platform administrators)',
          body: ProviderBody,
          response: { 201: ProviderView, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createProvider(ctx(request), request.body)),
    );
    app.put(
      '/identity-providers/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['sso'],
          summary: 'Change an identity provider (platform administrators)',
          params: z.object({ id: z.uuid() }),
          body: ProviderBody,
          response: { 200: ProviderView, ...errors },
        },
      },
      async (request) => updateProvider(ctx(request), request.params.id, request.body),
    );
    app.delete(
      '/identity-providers/:id',
      {
        onRequest: signedIn,
        schema: {
          tags: ['sso'],
          summary: 'Remove an identity provider and the identities linked through it',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null().describe('removed'), ...errors },
        },
      },
      async (request, reply) => {
        await deleteProvider(ctx(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    // --- signing in ------------------------------------------------------------------------
    app.get(
      '/sso/providers',
      {
        schema: {
          tags: ['sso'],
          summary: 'The enabled identity providers, for the sign-in page (names only)',
          response: { 200: z.array(PublicProvider) },
        },
      },
      async () => listEnabledProviders(db),
    );
    app.get(
      '/sso/providers/:id/start',
      {
        schema: {
          tags: ['sso'],
          summary: 'Sign in with an identity provider: redirects to it',
          params: z.object({ id: z.string().max(100) }),
          response: { 303: z.null().describe('to the provider, or back with a refusal code') },
        },
      },
      async (request, reply) => {
        const id = z.uuid().safeParse(request.params.id);
        try {
          if (!id.success) throw new SsoRefusal(SSO_CODES.providerUnavailable);
          const started = await startSignIn(ctx(request), id.data, siteOf(request));
          if (started.kind === 'oidc') setState(reply, started.requestId);
          return reply.redirect(started.url, 303);
        } catch (error) {
          return refuse(request, reply, error, '/sign-in');
        }
      },
    );
    app.post(
      '/sso/providers/:id/link',
      {
        onRequest: signedIn,
        schema: {
          tags: ['sso'],
          summary: 'Link an identity of this provider to the signed-in account: where to go',
          params: z.object({ id: z.uuid() }),
          response: { 200: LinkStarted, 409: ErrorSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        try {
          const started = await startSignIn(
            ctx(request),
            request.params.id,
            siteOf(request),
            actor.id,
          );
          if (started.kind === 'oidc') setState(reply, started.requestId);
          return { url: started.url };
        } catch (error) {
          if (!(error instanceof SsoRefusal)) throw error;
          request.log.warn({ sso: error.code, reason: error.reason }, 'single sign-on refused');
          return { url: `/me?sso=${encodeURIComponent(error.code)}` };
        }
      },
    );
    app.get(
      '/sso/oidc/callback',
      {
        schema: {
          tags: ['sso'],
          summary: 'Where an OpenID Connect provider sends the browser back',
          querystring: z.object({ state: z.string().max(500).optional() }).loose(),
          response: { 303: z.null().describe('signed in, or back with a refusal code') },
        },
      },
      async (request, reply) => {
        const browserState = request.cookies[SSO_STATE_COOKIE];
        reply.clearCookie(SSO_STATE_COOKIE, { path: COOKIE_PATH });
        const currentUrl = new URL(request.url, 'http://callback.invalid');
        try {
          return arrive(
            reply,
            await finishOidc(ctx(request), { currentUrl, browserState, site: siteOf(request) }),
          );
        } catch (error) {
          return refuse(request, reply, error, request.actor ? '/me' : '/sign-in');
        }
      },
    );

    // SAML's HTTP-POST binding sends a form; only this route reads one.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: ACS_BODY_LIMIT },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.post(
      '/sso/saml/acs',
      {
        bodyLimit: ACS_BODY_LIMIT,
        schema: {
          tags: ['sso'],
          summary: 'SAML assertion consumer service (HTTP-POST binding)',
          body: z.object({
            SAMLResponse: z.string().min(1).max(ACS_BODY_LIMIT),
            RelayState: z.string().max(1000).optional(),
          }),
          response: { 303: z.null().describe('signed in, or back with a refusal code') },
        },
      },
      async (request, reply) => {
        try {
          return arrive(
            reply,
            await finishSaml(ctx(request), {
              samlResponse: request.body.SAMLResponse,
              site: siteOf(request),
            }),
          );
        } catch (error) {
          return refuse(request, reply, error, request.actor ? '/me' : '/sign-in');
        }
      },
    );
  };
