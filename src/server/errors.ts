import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import { RULE_IDS, refusal, type MessageParams, type RuleId } from '#src/domain/shared/refusal.ts';
import { AppError, fieldIssues, type ErrorCode } from '#src/services/errors.ts';
import { isNeverTheApp, sendSpaPage, type SpaPage } from './web.ts';

/** The one code → status table. */
export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown> };
}

const body = (
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ErrorBody => ({
  error: { code, message, details },
});

/** `/limit` of the querystring → `query.limit`, `/students/3/id` of the body → `body.students[3].id`. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const root = context === 'querystring' ? 'query' : (context ?? 'body');
  const parts = instancePath.split('/').filter(Boolean);
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`),
    root,
  );
}

/**
 * Details in the shape of the contract: every field issue with a code (`custom` when a service
 * gave none) and an English message; every refusal with its params and a known rule id.
 */
function normaliseDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out = { ...details };
  if (Array.isArray(details.refusals)) {
    out.refusals = details.refusals.map((raw: unknown) => {
      const r = (raw ?? {}) as Record<string, unknown>;
      return refusal(
        String(r.code ?? 'unknown'),
        (typeof r.params === 'object' && r.params !== null ? r.params : {}) as MessageParams,
        {
          rule: (RULE_IDS as readonly unknown[]).includes(r.rule) ? (r.rule as RuleId) : undefined,
          field: typeof r.field === 'string' ? r.field : undefined,
        },
      );
    });
  }
  if (!Array.isArray(details.issues)) return out;
  return {
    ...out,
    issues: details.issues.map((raw: unknown) => {
      const issue = (raw ?? {}) as Record<string, unknown>;
      return {
        ...issue,
        field: String(issue.field ?? ''),
        code: typeof issue.code === 'string' ? issue.code : 'custom',
        message: String(issue.message ?? 'invalid'),
      };
    }),
  };
}

/** An error and its causes, as drivers and Drizzle wrap them (at most four deep). */
function* causes(error: unknown): Generator<object> {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/** The PostgreSQL error code (SQLSTATE) of an error or of its cause. */
function sqlState(error: unknown): string | null {
  for (const e of causes(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/**
 * What the database refused, said as the API says it (a safety net behind validation): invalid
 * data such as an impossible date → 400; a reference to something that does not exist → 404; a
 * duplicate → 409. Anything else stays a 500.
 */
function databaseError(error: unknown): { code: ErrorCode; message: string } | null {
  const state = sqlState(error);
  if (!state) return null;
  if (state.startsWith('22')) return { code: 'validation_failed', message: 'invalid value' };
  if (state === '23503')
    return { code: 'not_found', message: 'a referenced record does not exist' };
  if (state === '23505') return { code: 'conflict', message: 'the record already exists' };
  return null;
}

/** Seconds a client is asked to wait when every database connection stayed busy. */
const BUSY_RETRY_SECONDS = 5;

/**
 * Did the request wait for a database connection longer than the pool allows (every connection
 * busy)? pg-pool says so only in words, on the error or its cause.
 */
function poolExhausted(error: unknown): boolean {
  for (const e of causes(error)) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message.includes('timeout exceeded when trying to connect'))
      return true;
  }
  return false;
}

/**
 * `spaPage`: the web app's index.html, answered to every GET outside /api (client-side routes)
 * except missing build files and source maps.
 */
export function installErrorHandling(app: FastifyInstance, spaPage?: SpaPage): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(STATUS[error.code])
        .send(body(error.code, error.message, normaliseDetails(error.details)));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext;
      const issues = error.validation.map((v) => {
        const issue = (v.params as { issue?: Record<string, unknown> } | undefined)?.issue;
        const [converted] = fieldIssues(
          { issues: [{ ...issue, path: [], code: v.keyword, message: v.message ?? 'invalid' }] },
          'x',
        );
        return { ...converted!, field: fieldPath(context, v.instancePath) };
      });
      const first = issues[0];
      return reply
        .status(400)
        .send(
          body(
            'validation_failed',
            first ? `${first.field}: ${first.message}` : 'invalid request',
            { issues },
          ),
        );
    }
    const statusCode = (error as FastifyError).statusCode;
    if (statusCode === 429) {
      return reply
        .status(429)
        .send(body('rate_limited', 'too many attempts; wait a minute and try again'));
    }
    if (statusCode === 413) {
      const limitBytes = request.routeOptions.bodyLimit ?? null;
      return reply.status(413).send(
        body('payload_too_large', `the request body is larger than ${limitBytes} bytes`, {
          refusals: [refusal(LIMIT_CODES.bodyTooLarge, { limitBytes })],
        }),
      );
    }
    if (statusCode === 415) {
      return reply.status(415).send(body('unsupported_media_type', error.message));
    }
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      // Malformed JSON, body too large and other client errors found by Fastify itself.
      return reply.status(400).send(body('validation_failed', error.message));
    }
    const database = databaseError(error);
    if (database) {
      request.log.warn({ err: error }, 'refused by the database');
      return reply.status(STATUS[database.code]).send(body(database.code, database.message, {}));
    }
    if (poolExhausted(error)) {
      // Overload, not a fault: the client is told to come back, and nothing was written.
      request.log.warn({ err: error }, 'no database connection free in time');
      return reply
        .status(STATUS.unavailable)
        .header('retry-after', String(BUSY_RETRY_SECONDS))
        .send(
          body('unavailable', 'the server is busy; try again in a few seconds', {
            retryAfterSeconds: BUSY_RETRY_SECONDS,
          }),
        );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(
        body(
          'internal',
          'something went wrong on our side; quote the request id when reporting it',
          { requestId: request.id },
        ),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      spaPage &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      !isNeverTheApp(path)
    ) {
      return sendSpaPage(request, reply, spaPage);
    }
    return reply.status(404).send(body('not_found', `no route ${request.method} ${path}`));
  });
}
