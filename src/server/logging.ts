/**
 * What the server logs, and what it never logs: no cookies, tokens or passwords, no query strings
 * (search terms), no request bodies, no SQL parameters (a student's grade or residence status, an
 * e-mail typed at sign-in). Every line carries the request id.
 */
import { inspect } from 'node:util';
import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Header and field paths pino replaces with "[redacted]" wherever they appear. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.csrfToken',
  '*.token',
];

/** An error's message without the SQL parameters a database driver appends to it. */
export function safeMessage(message: string): string {
  const cut = message.search(/\n?\s*params:/i);
  return (cut >= 0 ? message.slice(0, cut) : message).slice(0, 2000);
}

/** An error as it may be logged: its kind, database code, message without parameters, stack. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // Say what it was (its kind and a short look), so that the log can lead to where it came from.
    return {
      message: 'non-error thrown',
      thrown: typeof error,
      value: safeMessage(inspect(error, { depth: 2, breakLength: Infinity })).slice(0, 500),
    };
  }
  const cause = (error as { cause?: unknown }).cause;
  const code =
    (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: safeMessage(error.message),
    stack: error.stack ? safeMessage(error.stack) : undefined,
    ...(cause instanceof Error
      ? { cause: { type: cause.name, message: safeMessage(cause.message) } }
      : {}),
  };
}

/** The request as logged: method, path without its query string, route and id. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    path: request.url.split('?')[0],
    route: request.routeOptions?.url,
  };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: serializeRequest as (req: unknown) => Record<string, unknown>,
      err: serializeError,
    },
  };
}
