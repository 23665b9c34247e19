import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import { resolveSession, type ActorView } from '#src/services/auth/sessions.ts';
import { SessionCache, sessionsChanged } from '#src/services/auth/session-cache.ts';
import { AppError } from '#src/services/errors.ts';
import type { ServiceContext } from '#src/services/context.ts';

export const SESSION_COOKIE = 'kakehashi_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: ActorView | null;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** The clock of every request's service context (see AppOptions.clock). */
    clock: Clock;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that create the session cannot carry its CSRF token yet (they require a JSON body instead). */
// The SAML ACS is posted by the provider's page and authenticated by the signed assertion.
const CSRF_EXEMPT = new Set(['/api/v1/auth/sign-in', '/api/v1/sso/saml/acs']);

/** Request → actor, from the session cookie; cookie-authenticated writes must carry the CSRF token. */
export function installSessions(
  app: FastifyInstance,
  db: Db,
  options: { cacheMs?: number } = {},
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  const cache = options.cacheMs && options.cacheMs > 0 ? new SessionCache(options.cacheMs) : null;
  if (cache) {
    // A write answered by this process is committed: what it changed is read again at once.
    app.addHook('onResponse', async (request) => {
      if (UNSAFE.has(request.method)) sessionsChanged();
    });
  }
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = cache
        ? await cache.resolve(token, app.clock.now(), () => resolveSession(db, token, app.clock))
        : await resolveSession(db, token, app.clock);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    const path = request.url.split('?')[0] ?? '';
    if (request.actor && UNSAFE.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.csrfToken) {
        throw new AppError('csrf_failed', `missing or wrong ${CSRF_HEADER} header`);
      }
    }
  });
}

export function requireActor(request: FastifyRequest): ActorView {
  if (!request.actor) throw new AppError('unauthenticated', 'sign in first');
  return request.actor;
}

/**
 * The session cookie lives as long as the session: given as Max-Age, counted from the moment the
 * browser receives it, so a browser whose clock differs from the server's keeps it as long.
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expires: Date,
  now: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Route hook: refuse anonymous requests before their body is even validated. */
export async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** The service context of a request: the database, the signed-in actor, the request id. */
export const contextFor =
  (db: Db) =>
  (request: FastifyRequest): ServiceContext => ({
    db,
    actor: request.actor,
    clock: request.server.clock,
    requestId: request.id,
  });
