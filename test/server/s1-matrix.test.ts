import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { EXPECTED, PRINCIPALS, type Principal } from './s1-expectations.ts';

// S1: every route of the OpenAPI document × every principal (each role in its scope, and nobody)
// × an object inside the principals' world (Tohoku's: "own") and one outside it ("other"), reads
// and writes. The expected outcome of each cell is in one table (s1-expectations.ts); a route the
// table does not know fails the test, so a new route cannot be forgotten.
//
// Outcome letters: O = 2xx, A = 401, F = 403, N = 404, V = 400 (input refused before any scope
// check), R = 409/422 (refused by the rules, after the access check), X = anything else.

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  minimum?: number;
};

/** The two universities of the Tsukuba–UGA exchanges (004), as an SQL list. */
const TSUKUBA_UGA = "('tsukuba.ac.jp', 'univ-grenoble-alpes.fr')";

const letter = (status: number) =>
  status >= 200 && status < 300
    ? 'O'
    : status === 401
      ? 'A'
      : status === 403
        ? 'F'
        : status === 404
          ? 'N'
          : status === 400
            ? 'V'
            : status === 409 || status === 422
              ? 'R'
              : 'X';

/** A plausible value of a schema: the smallest that passes the route's own validation. */
function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (name === 'institutionId') return 'nsu.ru';
  if (schema.anyOf?.length)
    return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], name);
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], key);
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (schema.format === 'date' || /On$|Date$|^on$|^from$|^to$/.test(name)) return '2026-04-01';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  return 'x';
}

describe.each(ENGINES)('S1: every route × every principal × own and other, on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<Principal, Session | null>();
  let operations: { key: string; method: string; path: string; op: Operation }[] = [];
  let fixtures: Record<string, { own: string; other: string }> = {};

  const one = async (query: string): Promise<string> => {
    const [row] = rowsOf<{ id: string }>(await t.database.db.execute(sql.raw(query)));
    if (!row) throw new Error(`no fixture: ${query}`);
    return String(row.id);
  };

  beforeAll(async () => {
    t = await createTestApp(engine, { signInPerMinute: 10_000 });
    for (const p of PRINCIPALS) {
      sessions.set(
        p,
        p === 'anonymous' ? null : await signInAs(t.app, `${p}@demo.kakehashi.example`),
      );
    }
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
    );
    // A membership the officer of Hokkaido's consortium proposed for Tohoku (still open).
    const proposed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consortia/sea-of-japan-rim-jp/members',
      payload: { institutionId: 'tohoku.ac.jp', joinedOn: '2026-04-01' },
      headers: {
        cookie: sessions.get('rep.hokudai')!.cookie,
        'x-csrf-token': sessions.get('rep.hokudai')!.csrfToken,
      },
    });
    const foreignProposal = proposed.json().id as string;
    const ownRun = await t.app.inject({
      method: 'POST',
      url: '/api/v1/allocation-runs',
      payload: {
        instance: (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/calls/tohoku-jr-2015/allocation-instance',
            headers: { cookie: sessions.get('coordinator.tohoku')!.cookie },
          })
        ).json(),
        callId: 'tohoku-jr-2015',
      },
      headers: {
        cookie: sessions.get('coordinator.tohoku')!.cookie,
        'x-csrf-token': sessions.get('coordinator.tohoku')!.csrfToken,
      },
    });
    const run = ownRun.json().id as string;
    const mobilityOwn = await one(
      `SELECT id FROM mobilities WHERE home_id = 'tohoku.ac.jp' AND student_user_id IS NOT NULL ORDER BY start_date, host_id LIMIT 1`,
    );
    // Outside every principal's world: a mobility neither from nor to Tohoku or Hokkaido (whose
    // representative officer is a principal) — the demo world's other exchanges.
    // (Not one of the Tsukuba–UGA exchanges: completed stays with no learning agreement or money.)
    const mobilityOther = await one(
      `SELECT id FROM mobilities WHERE home_id NOT IN ('tohoku.ac.jp', 'hokudai.ac.jp') AND host_id NOT IN ('tohoku.ac.jp', 'hokudai.ac.jp') AND NOT (home_id IN ${TSUKUBA_UGA} AND host_id IN ${TSUKUBA_UGA}) ORDER BY start_date, home_id LIMIT 1`,
    ).catch(() => '00000000-0000-4000-8000-000000000000');
    const studentApp = await one(
      `SELECT a.id FROM call_applications a JOIN users u ON u.id = a.student_user_id WHERE u.email = 'student.tohoku@demo.kakehashi.example' ORDER BY a.call_id LIMIT 1`,
    ).catch(() => one(`SELECT id FROM call_applications ORDER BY submitted_at LIMIT 1`));
    const otherApp = await one(
      `SELECT a.id FROM call_applications a JOIN users u ON u.id = a.student_user_id WHERE u.email <> 'student.tohoku@demo.kakehashi.example' ORDER BY u.email, a.call_id LIMIT 1`,
    );
    // A partner's file previewed by Tohoku's coordinator: our own mobility as EWP XML, sent back.
    const coordinator = sessions.get('coordinator.tohoku')!;
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/mobilities/${mobilityOwn}/ewp.xml`,
      headers: { cookie: coordinator.cookie },
    });
    const ewpImport =
      exported.statusCode === 200
        ? ((
            await t.app.inject({
              method: 'POST',
              url: '/api/v1/ewp/imports',
              payload: { fileName: 'omobility.xml', content: exported.body },
              headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrfToken },
            })
          ).json().id as string | undefined)
        : undefined;
    fixtures = {
      institutions: { own: 'tohoku.ac.jp', other: 'tsukuba.ac.jp' },
      consortia: { own: 'tohoku-jr-japan', other: 'cic' },
      agreements: {
        own: await one(`SELECT id FROM agreements WHERE party_a_id = 'tohoku-jr-japan' LIMIT 1`),
        other: await one(`SELECT id FROM agreements WHERE party_a_id = 'tsukuba.ac.jp' LIMIT 1`),
      },
      mobilities: { own: mobilityOwn, other: mobilityOther },
      ewp: {
        own: ewpImport ?? '00000000-0000-4000-8000-000000000000',
        other: '00000000-0000-4000-8000-000000000000',
      },
      calls: { own: 'tohoku-jr-2015', other: 'tohoku-jr-2027' },
      'call-applications': { own: studentApp, other: otherApp },
      programs: { own: 'mext-iep-2014', other: 'mext-pilot-2003' },
      'project-applications': { own: 'tohoku-jr-2014', other: 'draft-hokkaido-niigata-2003' },
      'payment-batches': {
        own: await one(`SELECT id FROM payment_batches ORDER BY status, idempotency_key LIMIT 1`),
        other: '00000000-0000-4000-8000-000000000000',
      },
      'allocation-runs': { own: run, other: '00000000-0000-4000-8000-000000000000' },
      alliances: { own: 'cic', other: 'ajru' },
      advisories: {
        own: await one(
          `SELECT id FROM country_advisories ORDER BY country, from_date LIMIT 1`,
        ).catch(() => '00000000-0000-4000-8000-000000000000'),
        other: '00000000-0000-4000-8000-000000000000',
      },
      'jukebox-enrolments': {
        own: await one(
          `SELECT e.id FROM jukebox_enrolments e JOIN courses c ON c.id = e.course_id ORDER BY c.code LIMIT 1`,
        ).catch(() => '00000000-0000-4000-8000-000000000000'),
        other: '00000000-0000-4000-8000-000000000000',
      },
      notifications: {
        own: await one(
          `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'student.tohoku@demo.kakehashi.example' ORDER BY n.created_at LIMIT 1`,
        ).catch(() => '00000000-0000-4000-8000-000000000000'),
        other: await one(
          `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email <> 'student.tohoku@demo.kakehashi.example' ORDER BY u.email, n.created_at LIMIT 1`,
        ).catch(() => '00000000-0000-4000-8000-000000000000'),
      },
      institutionId: { own: 'tohoku.ac.jp', other: 'nsu.ru' },
      proposalId: { own: foreignProposal, other: '00000000-0000-4000-8000-000000000000' },
      documentId: {
        own: await one(
          `SELECT id FROM application_documents ORDER BY filename, uploaded_at LIMIT 1`,
        ).catch(() => '00000000-0000-4000-8000-000000000000'),
        other: '00000000-0000-4000-8000-000000000000',
      },
      courseId: {
        own: await one(
          `SELECT id FROM courses WHERE jukebox_alliance_id = 'cic' ORDER BY code LIMIT 1`,
        ),
        other: '00000000-0000-4000-8000-000000000000',
      },
      format: { own: 'csv', other: 'xlsx' },
      // Tohoku's (invented) alumni association, and Kanazawa's; the demo student's own alumni
      // record and coming stay, and someone else's; the association's president.
      'alumni-associations': { own: 'tohoku-russia-alumni', other: 'kanazawa-russian-alumni' },
      alumni: {
        own: await one(
          `SELECT r.id FROM alumni_records r JOIN users u ON u.id = r.user_id WHERE u.email = 'student.tohoku@demo.kakehashi.example' LIMIT 1`,
        ),
        other: await one(
          `SELECT id FROM alumni_records WHERE user_id IS NULL ORDER BY year, name LIMIT 1`,
        ),
      },
      mentors: {
        own: await one(
          `SELECT m.mobility_id AS id FROM alumni_mentees m JOIN users u ON u.id = m.user_id WHERE u.email = 'student.tohoku@demo.kakehashi.example' LIMIT 1`,
        ),
        other: '00000000-0000-4000-8000-000000000000',
      },
      officerId: {
        own: await one(
          `SELECT o.user_id AS id FROM alumni_officers o WHERE o.association_id = 'tohoku-russia-alumni' LIMIT 1`,
        ),
        other: '00000000-0000-4000-8000-000000000000',
      },
      // Events: Tohoku's consortium's orientation workshop (members only) and Tsukuba's forum.
      events: {
        own: await one(`SELECT id FROM events WHERE organisers @> '[{"id":"tohoku.ac.jp"}]'`),
        other: await one(`SELECT id FROM events WHERE organisers @> '[{"id":"tsukuba.ac.jp"}]'`),
      },
      'event-sessions': {
        own: await one(
          `SELECT s.id FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE e.organisers @> '[{"id":"tohoku.ac.jp"}]' LIMIT 1`,
        ),
        other: await one(
          `SELECT s.id FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE e.kind = 'symposium' ORDER BY s.starts_at LIMIT 1`,
        ),
      },
      'event-contributions': {
        own: await one(
          `SELECT c.id FROM event_contributions c JOIN event_sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id WHERE e.organisers @> '[{"id":"tohoku.ac.jp"}]' LIMIT 1`,
        ),
        other: await one(
          `SELECT c.id FROM event_contributions c JOIN event_sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id WHERE e.kind = 'symposium' ORDER BY s.starts_at, c.position LIMIT 1`,
        ),
      },
      'event-registrations': {
        own: await one(
          `SELECT r.id FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE e.organisers @> '[{"id":"tohoku.ac.jp"}]' LIMIT 1`,
        ),
        other: await one(
          `SELECT r.id FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE e.organisers @> '[{"id":"tsukuba.ac.jp"}]' LIMIT 1`,
        ),
      },
      // The association's congresses (the secretariat's) and Kanazawa's Russian Week.
      'event-series': {
        own: await one(`SELECT id FROM event_series WHERE organisers @> '[{"id":"ajru"}]'`),
        other: await one(
          `SELECT id FROM event_series WHERE organisers @> '[{"id":"kanazawa-u.ac.jp"}]'`,
        ),
      },
      version: { own: '1', other: '1' },
      // Implementation reports: Tohoku's selected project, and the draft that was never selected.
      projectId: { own: 'tohoku-jr-2014', other: 'draft-hokkaido-niigata-2003' },
      fiscalYear: { own: '2015', other: '2015' },
      // Partnerships: Tohoku's Education Board and its planned joint degree are the own objects;
      // the Tsukuba–UGA records (no principal's institution) are the other ones.
      'degree-programmes': {
        own: await one(`SELECT id FROM degree_programmes WHERE institution_ids ? 'tohoku.ac.jp'`),
        other: await one(
          `SELECT id FROM degree_programmes WHERE institution_ids ? 'tsukuba.ac.jp'`,
        ),
      },
      'education-boards': {
        own: await one(`SELECT id FROM education_boards WHERE institution_ids ? 'tohoku.ac.jp'`),
        other: '00000000-0000-4000-8000-000000000000',
      },
      cotutelles: {
        own: '00000000-0000-4000-8000-000000000000',
        other: await one(`SELECT id FROM cotutelles ORDER BY starts_on, candidate_name LIMIT 1`),
      },
      'joint-labs': {
        own: '00000000-0000-4000-8000-000000000000',
        other: await one(`SELECT id FROM joint_labs WHERE kind = 'laboratory' LIMIT 1`),
      },
      visits: {
        own: '00000000-0000-4000-8000-000000000000',
        other: await one(`SELECT id FROM staff_visits ORDER BY starts_on LIMIT 1`),
      },
      partnerships: {
        own: '00000000-0000-4000-8000-000000000000',
        other: await one(`SELECT id FROM partnerships LIMIT 1`),
      },
    };
  });
  afterAll(() => t?.close());

  /** The path of an operation for the own or the other object. */
  function urlOf(path: string, op: Operation, which: 'own' | 'other'): string {
    const resource = path.split('/')[3] ?? '';
    let url = path;
    for (const p of (op.parameters ?? []).filter((x) => x.in === 'path')) {
      const byName = fixtures[p.name];
      const byResource = fixtures[resource === 'me' ? (path.split('/')[4] ?? '') : resource];
      // A proposal is answered under its own consortium.
      const value =
        p.name === 'id' && path.includes('{proposalId}')
          ? 'sea-of-japan-rim-jp'
          : ((p.name === 'id' ? byResource : byName)?.[which] ?? 'x');
      url = url.replace(`{${p.name}}`, encodeURIComponent(value));
    }
    const query = (op.parameters ?? []).filter((x) => x.in === 'query' && x.required);
    const search = new URLSearchParams(
      query.map((q) => [q.name, String(sample(q.schema, q.name))]),
    );
    return search.size ? `${url}?${search}` : url;
  }

  it('has a row for every route of the OpenAPI document, and none for a route that is gone', () => {
    const keys = operations.map((o) => o.key);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers each principal, for its own and the other object, as the table says', async () => {
    const observed: Record<string, { own: string; other: string }> = {};
    // Reads first, then writes, and membership answers and endings last (they change later
    // scopes); within a route, the administrator last (their writes succeed).
    const rank = (o: { method: string; path: string }) =>
      o.method === 'get' ? 0 : o.path.endsWith('/leave') || o.path.includes('{proposalId}') ? 2 : 1;
    const ordered = [...operations].sort((a, b) => rank(a) - rank(b));
    for (const { key, method, path, op } of ordered) {
      const row = EXPECTED[key];
      if (row === 'skip') continue;
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const cells = { own: '', other: '' };
      for (const which of ['other', 'own'] as const) {
        for (const p of PRINCIPALS) {
          const session = sessions.get(p) ?? null;
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url: urlOf(path, op, which),
            headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
            ...(method === 'get' || !bodySchema ? {} : { payload: sample(bodySchema) as object }),
          });
          cells[which] += letter(res.statusCode);
        }
      }
      observed[key] = cells;
    }
    if (process.env.S1_PRINT) console.log(JSON.stringify(observed, null, 1));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).filter(([k, v]) => v !== 'skip' && k in observed),
    );
    expect(observed).toEqual(expected);
    // Every route, twenty times: longer than the default on a busy machine.
  }, 600_000);
});

describe.each(ENGINES)('S1: an officer who names another university a member, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  const as = async (email: string) => {
    const s = await signInAs(t.app, `${email}@demo.kakehashi.example`);
    return (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        ...(payload ? { payload } : {}),
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      });
  };

  it('reaches none of its mobilities until the university accepts, and none after it leaves', async () => {
    const hokudai = await as('rep.hokudai');
    const tohoku = await as('coordinator.tohoku');
    const [mobility] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`SELECT id FROM mobilities WHERE home_id = 'tohoku.ac.jp' ORDER BY id LIMIT 1`,
      ),
    );
    const url = `/mobilities/${mobility!.id}`;
    const seen = async () => (await hokudai('GET', url)).statusCode;
    expect(await seen()).toBeGreaterThanOrEqual(403);
    const proposed = await hokudai('POST', '/consortia/sea-of-japan-rim-jp/members', {
      institutionId: 'tohoku.ac.jp',
      joinedOn: '2014-04-01',
    });
    expect(proposed.json().status).toBe('proposed');
    expect(await seen()).toBeGreaterThanOrEqual(403);
    const listed = (await hokudai('GET', '/mobilities')).json();
    expect(JSON.stringify(listed)).not.toContain(mobility!.id);
    // Accepted by Tohoku: the consortium's officer now reaches Tohoku's mobilities.
    await tohoku('POST', `/consortia/sea-of-japan-rim-jp/proposals/${proposed.json().id}/accept`);
    expect(await seen()).toBe(200);
    // A leaving date still to come changes nothing today; one that has come ends the reach.
    const farAhead = await hokudai(
      'POST',
      '/consortia/sea-of-japan-rim-jp/members/tohoku.ac.jp/leave',
      {
        leftOn: '2999-12-31',
      },
    );
    expect(farAhead.statusCode).toBe(204);
    expect(await seen()).toBe(200);
    await t.database.db.execute(
      sql`UPDATE consortium_members SET left_on = '2020-01-01' WHERE consortium_id = 'sea-of-japan-rim-jp' AND institution_id = 'tohoku.ac.jp'`,
    );
    expect(await seen()).toBeGreaterThanOrEqual(403);
  });

  it("a leaving date still to come keeps the university's payable months", async () => {
    const rep = await as('rep.tohoku');
    const [mobility] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`SELECT m.id FROM mobilities m WHERE m.home_id = 'tohoku.ac.jp' AND m.status NOT IN ('refused','withdrawn') AND EXISTS (SELECT 1 FROM payments p WHERE p.mobility_id = m.id) LIMIT 1`,
      ),
    );
    const before = (await rep('GET', `/mobilities/${mobility!.id}/scholarship`)).json();
    await t.database.db.execute(
      sql`UPDATE consortium_members SET left_on = '2999-12-31' WHERE consortium_id = 'tohoku-jr-japan' AND institution_id = 'tohoku.ac.jp'`,
    );
    const after = await rep('GET', `/mobilities/${mobility!.id}/scholarship`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual(before);
  });
});
