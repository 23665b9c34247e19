/**
 * People and roles: every role × scope, inside and outside one's own (src/domain/access/grants.ts),
 * as the API answers it — inviting or granting outside is refused (403), inside allowed — and
 * search, a person's roles by name, revocation and deactivation with their audit.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { roleAssignments, users } from '#src/db/schema.ts';
import { hashPassword } from '#src/services/auth/passwords.ts';
import { fixedClock } from '#src/services/clock.ts';
import { ENGINES } from '#test/support/db.ts';
import { DEMO_PASSWORD, createTestApp, signInAs, type TestApp } from '#test/support/app.ts';

type Scope = [role: string, scopeType: string, scopeId: string];
const COORD_TOHOKU: Scope = ['coordinator', 'institution', 'tohoku.ac.jp'];
const COORD_NSU: Scope = ['coordinator', 'institution', 'nsu.ru'];
const COORD_HOKUDAI: Scope = ['coordinator', 'institution', 'hokudai.ac.jp'];
const STUDENT: Scope = ['student', 'self', 'self'];
const REP_TOHOKU: Scope = ['rep_officer', 'consortium', 'tohoku-jr-japan'];
const REP_CIC: Scope = ['rep_officer', 'consortium', 'cic'];
const REP_SJR: Scope = ['rep_officer', 'consortium', 'sea-of-japan-rim-jp'];
const FUNDER_IEP: Scope = ['funder_officer', 'program', 'mext-iep-2014'];
const REVIEWER_2015: Scope = ['reviewer', 'call', 'tohoku-jr-2015'];
const SECRETARIAT: Scope = ['secretariat', 'association', 'ajru'];

/** Each principal, the grants inside its scope and those outside it. */
const TABLE: { who: string; inside: Scope[]; outside: Scope[] }[] = [
  {
    who: 'coordinator.tohoku',
    inside: [COORD_TOHOKU, STUDENT],
    outside: [COORD_NSU, REP_TOHOKU, REVIEWER_2015, FUNDER_IEP, SECRETARIAT],
  },
  { who: 'coordinator.nsu', inside: [COORD_NSU, STUDENT], outside: [COORD_TOHOKU, REP_TOHOKU] },
  {
    who: 'rep.tohoku',
    inside: [REP_TOHOKU, COORD_TOHOKU],
    outside: [COORD_NSU, REP_CIC, STUDENT, REVIEWER_2015],
  },
  {
    who: 'rep.hokudai',
    inside: [REP_SJR, COORD_HOKUDAI, STUDENT],
    outside: [COORD_TOHOKU, REP_TOHOKU],
  },
  {
    who: 'secretariat',
    inside: [SECRETARIAT, COORD_HOKUDAI],
    outside: [COORD_TOHOKU, REP_TOHOKU, STUDENT],
  },
  {
    who: 'funder',
    inside: [FUNDER_IEP, REVIEWER_2015],
    outside: [['funder_officer', 'program', 'other-program'], COORD_TOHOKU, STUDENT],
  },
  { who: 'reviewer', inside: [], outside: [REVIEWER_2015, STUDENT, COORD_TOHOKU] },
  { who: 'student.tohoku', inside: [], outside: [STUDENT, COORD_TOHOKU] },
  {
    who: 'admin',
    inside: [COORD_TOHOKU, COORD_NSU, REP_CIC, FUNDER_IEP, REVIEWER_2015, SECRETARIAT, STUDENT],
    outside: [],
  },
];

describe.each(ENGINES)('people and roles on %s', (engine) => {
  let t: TestApp;
  const signedIn = new Map<string, Record<string, string>>();
  const as = async (who: string) => {
    if (!signedIn.has(who)) {
      const s = await signInAs(t.app, `${who}@demo.kakehashi.example`);
      signedIn.set(who, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    }
    return signedIn.get(who)!;
  };
  let target: string;

  beforeAll(async () => {
    t = await createTestApp(engine, {
      signInPerMinute: 10_000,
      clock: fixedClock('2026-12-01T09:00:00Z'),
    });
    // A colleague at Tohoku whom its coordinator and its consortium's officer see.
    const [row] = await t.database.db
      .insert(users)
      .values({
        email: 'colleague@tohoku.example',
        displayName: 'Kaori Colleague',
        language: 'ja',
        names: { latin: 'Kaori Colleague', kanji: '同僚 香織' },
        passwordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning({ id: users.id });
    target = row!.id;
    await t.database.db.insert(roleAssignments).values({
      userId: target,
      role: 'coordinator',
      scopeType: 'institution',
      scopeId: 'tohoku.ac.jp',
    });
  });
  afterAll(() => t?.close());

  it('inviting: inside one’s scope is allowed, outside refused (403), for every role × scope', async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    let n = 0;
    for (const { who, inside, outside } of TABLE) {
      const headers = await as(who);
      for (const [list, status] of [
        [inside, 201],
        [outside, 403],
      ] as const) {
        for (const [role, scopeType, scopeId] of list) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/v1/invitations',
            headers,
            payload: { email: `p${n++}@example.org`, language: 'en', role, scopeType, scopeId },
          });
          observed.push(`${who} ${role}@${scopeId}: ${res.statusCode}`);
          expected.push(`${who} ${role}@${scopeId}: ${status}`);
        }
      }
    }
    expect(observed).toEqual(expected);
  });

  it('the forms offer exactly what one may grant, by name', async () => {
    const offered = async (who: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/grantable-roles',
          headers: await as(who),
        })
      )
        .json()
        .items.map((g: { role: string; scopeId: string }) => `${g.role}@${g.scopeId}`)
        .sort();
    expect(await offered('rep.tohoku')).toEqual([
      'coordinator@tohoku.ac.jp',
      'rep_officer@tohoku-jr-japan',
    ]);
    expect(await offered('funder')).toEqual(
      expect.arrayContaining(['funder_officer@mext-iep-2014', 'reviewer@tohoku-jr-2015']),
    );
    expect(await offered('student.tohoku')).toEqual([]);
    expect((await offered('admin')).length).toBeGreaterThan(10);
  });

  it('granting directly follows the same rule; a person one cannot see is not found', async () => {
    const grant = async (who: string, [role, scopeType, scopeId]: Scope, person = target) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/people/${person}/roles`,
          headers: await as(who),
          payload: { role, scopeType, scopeId },
        })
      ).statusCode;
    expect(await grant('coordinator.tohoku', STUDENT)).toBe(201);
    expect(await grant('coordinator.tohoku', COORD_NSU)).toBe(403);
    expect(await grant('coordinator.tohoku', REVIEWER_2015)).toBe(403);
    expect(await grant('rep.tohoku', REP_CIC)).toBe(403);
    expect(await grant('rep.tohoku', REP_TOHOKU)).toBe(201);
    expect(await grant('rep.tohoku', REP_TOHOKU)).toBe(409);
    // Natalia at NSU sees nobody at Tohoku.
    expect(await grant('coordinator.nsu', COORD_NSU)).toBe(404);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${target}`,
      headers: await as('coordinator.nsu'),
    });
    expect(read.statusCode).toBe(404);
    expect(await grant('student.tohoku', STUDENT)).toBe(404);
  });

  it('a person’s roles carry the names of their scopes, never their ids', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${target}`,
      headers: await as('coordinator.tohoku'),
    });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person.name.ja).toBe('同僚 香織');
    const coordinator = person.roles.find((r: { role: string }) => r.role === 'coordinator');
    expect(coordinator.scopeName.en).toMatch(/Tohoku/);
    expect(coordinator.revocable).toBe(true);
    const rep = person.roles.find((r: { role: string }) => r.role === 'rep_officer');
    expect(rep.revocable).toBe(false);
    expect(JSON.stringify(person.roles)).not.toContain('tohoku.ac.jp');
    expect(person.mayDeactivate).toBe(false);
  });

  it('search finds only people within one’s scope; an administrator finds everyone', async () => {
    const search = async (who: string, q: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/people?q=${encodeURIComponent(q)}`,
        headers: await as(who),
      });
      return res.statusCode === 200
        ? res
            .json()
            .items.map((p: { email: string }) => p.email)
            .sort()
        : res.statusCode;
    };
    expect(await search('coordinator.tohoku', 'coordinator')).toEqual([
      'coordinator.tohoku@demo.kakehashi.example',
    ]);
    expect(await search('coordinator.tohoku', 'COLLEAGUE')).toEqual(['colleague@tohoku.example']);
    expect(await search('coordinator.tohoku', '%')).toEqual([]);
    expect(await search('admin', 'coordinator')).toEqual(
      expect.arrayContaining([
        'coordinator.nsu@demo.kakehashi.example',
        'coordinator.tohoku@demo.kakehashi.example',
      ]),
    );
    // Students whose home is one's institution are seen by its coordinator.
    expect(await search('coordinator.tohoku', 'student.tohoku')).toEqual([
      'student.tohoku@demo.kakehashi.example',
    ]);
    expect(await search('coordinator.nsu', 'student.tohoku')).toEqual([]);
    expect(await search('student.tohoku', 'a')).toBe(403);
    expect(await search('reviewer', 'a')).toBe(403);
  });

  it('revoking needs the right to grant that role; each change is audited with who', async () => {
    const person = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/people/${target}`,
        headers: await as('rep.tohoku'),
      })
    ).json();
    const rep = person.roles.find((r: { role: string }) => r.role === 'rep_officer');
    const revoke = async (who: string) =>
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/people/${target}/roles/${rep.id}`,
          headers: await as(who),
        })
      ).statusCode;
    expect(await revoke('coordinator.tohoku')).toBe(403);
    expect(await revoke('rep.tohoku')).toBe(204);
    expect(await revoke('rep.tohoku')).toBe(404);
    const trail = rowsOf<{ action: string; email: string }>(
      await t.database.db.execute(
        sql`SELECT a.action, u.email FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.resource_id = ${target} AND a.action LIKE 'role.%' ORDER BY a.id`,
      ),
    );
    expect(trail).toEqual([
      { action: 'role.grant', email: 'coordinator.tohoku@demo.kakehashi.example' },
      { action: 'role.grant', email: 'rep.tohoku@demo.kakehashi.example' },
      { action: 'role.revoke', email: 'rep.tohoku@demo.kakehashi.example' },
    ]);
  });

  it('only an administrator deactivates an account, and its sessions end at once', async () => {
    const colleague = await signInAs(t.app, 'colleague@tohoku.example');
    const headers = { cookie: colleague.cookie };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(
      200,
    );
    const deactivate = async (who: string, id = target) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/people/${id}/deactivate`,
        headers: await as(who),
      });
    expect((await deactivate('coordinator.tohoku')).statusCode).toBe(403);
    expect((await deactivate('coordinator.nsu')).statusCode).toBe(404);
    const done = await deactivate('admin');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ id: target, disabled: true, sessionsEnded: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(
      401,
    );
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'colleague@tohoku.example', password: DEMO_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    const [entry] = rowsOf<{ details: { sessionsEnded: number } }>(
      await t.database.db.execute(
        sql`SELECT details FROM audit_log WHERE action = 'user.deactivate' AND resource_id = ${target}`,
      ),
    );
    expect(entry?.details.sessionsEnded).toBe(1);
    const adminId = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`SELECT id FROM users WHERE email = 'admin@demo.kakehashi.example'`,
      ),
    )[0]!.id;
    expect((await deactivate('admin', adminId)).statusCode).toBe(409);
  });
});
