import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';

// Every route of the OpenAPI document, with inputs built from its schemas and then bent (wrong
// types, NUL characters, impossible dates, huge numbers, unknown ids): whoever sends them, the
// answer is never a 5xx, and every error is in the documented shape.

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const nasty = fc.oneof(
  fc.constant('\u0000'),
  fc.constant('2023-02-30'),
  fc.constant('9999-99-99'),
  fc.constant('nsu.ru'),
  fc.constant('00000000-0000-0000-0000-000000000000'),
  fc.constant('=HYPERLINK("http://example.org")'),
  fc.constant('東北大学 / Новосибирск'),
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant(1e308),
  fc.constant(-1),
  fc.boolean(),
  fc.constant(null),
);

/** A value for a schema: mostly of the declared shape, sometimes not. */
function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return nasty;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => valueFor(s, depth + 1)));
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), nasty);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' && schema.properties) {
    const entries = Object.entries(schema.properties).map(
      ([k, s]) => [k, fc.option(valueFor(s, depth + 1), { nil: undefined, freq: 5 })] as const,
    );
    return fc.oneof(
      { weight: 4, arbitrary: fc.record(Object.fromEntries(entries)) },
      { weight: 1, arbitrary: nasty },
    );
  }
  if (type === 'array') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }) },
      { weight: 1, arbitrary: nasty },
    );
  }
  if (type === 'integer' || type === 'number') {
    return fc.oneof(fc.integer({ min: -5, max: 400 }), nasty);
  }
  if (type === 'string' && schema.format === 'date') {
    return fc.oneof(fc.constantFrom('2026-04-01', '2014-09-25'), nasty);
  }
  return nasty;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

describe.each(ENGINES)('every route, any input, on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let student: Session;
  let operations: { method: string; path: string; op: Operation }[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine, { signInPerMinute: 10_000 });
    admin = await signInAs(t.app, 'admin@demo.kakehashi.example');
    student = await signInAs(t.app, 'student.tohoku@demo.kakehashi.example');
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        // Ending every session would sign the fuzzer out; it is tested on its own.
        .filter(([, _op]) => !path.endsWith('/sign-out-everywhere') && !path.endsWith('/sign-out'))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  });
  afterAll(() => t?.close());

  it('finds the routes', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('answers no 5xx and only documented error shapes', async () => {
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path');
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const input = fc.record({
        params: fc.tuple(...params.map((p) => valueFor(p.schema)), fc.constant(0)),
        query: fc.tuple(...query.map((p) => valueFor(p.schema)), fc.constant(0)),
        body: valueFor(bodySchema),
        who: fc.constantFrom('admin', 'student', 'anonymous'),
      });
      const samples = fc.sample(input, { numRuns: engine === 'pglite' ? 12 : 5, seed: 42 });
      for (const sample of samples) {
        let url = path;
        params.forEach((p, i) => {
          url = url.replace(`{${p.name}}`, encodeURIComponent(asText(sample.params[i])));
        });
        const search = new URLSearchParams();
        query.forEach((p, i) => {
          if (sample.query[i] !== undefined) search.set(p.name, asText(sample.query[i]));
        });
        const session = sample.who === 'admin' ? admin : sample.who === 'student' ? student : null;
        const res = await t.app.inject({
          method: method as 'GET',
          url: `${url}${search.size ? `?${search}` : ''}`,
          headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: sample.body ?? {} }),
        });
        const where = `${method} ${path} as ${sample.who}`;
        if (res.statusCode >= 500)
          failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        else if (res.statusCode >= 400) {
          const body = res.json() as { error?: { code?: unknown; message?: unknown } };
          if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
            failures.push(
              `${where}: ${res.statusCode} not in the error shape: ${res.body.slice(0, 200)}`,
            );
          }
        }
      }
    }
    expect([...new Set(failures)]).toEqual([]);
  });
});
