import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, events } from '#src/db/schema.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { aProgram, aUser, anAdmin, anInstitution, signedInAs } from '#test/factories/index.ts';

describe.each(ENGINES)(
  'founding an alumni association, and its conferences’ events, on %s',
  (engine) => {
    let t: TestApp;
    let university: string;
    let program: string;
    let conference: string;
    let symposium: string;
    let as: Record<'coordinator' | 'otherCoordinator' | 'admin' | 'student', Session>;

    beforeAll(async () => {
      t = await createTestApp(engine, { seed: false });
      const db = t.database.db;
      university = (await anInstitution(db, { country: 'JP' })).id;
      const other = (await anInstitution(db, { country: 'RU' })).id;
      program = (await aProgram(db)).id;
      const event = (kind: 'general_conference' | 'symposium') =>
        db
          .insert(events)
          .values({
            kind,
            title: { en: `A ${kind}` },
            timeZone: 'Asia/Tokyo',
            startsOn: '2026-09-29',
            endsOn: '2026-09-29',
            mode: 'in_person',
            organisers: [{ type: 'institution', id: university }],
          })
          .returning({ id: events.id });
      conference = (await event('general_conference'))[0]!.id;
      symposium = (await event('symposium'))[0]!.id;
      as = {
        coordinator: await signedInAs(
          t.app,
          await aUser(db, { roles: [{ role: 'coordinator', scopeId: university }] }),
        ),
        otherCoordinator: await signedInAs(
          t.app,
          await aUser(db, { roles: [{ role: 'coordinator', scopeId: other }] }),
        ),
        admin: await signedInAs(t.app, await anAdmin(db)),
        student: await signedInAs(
          t.app,
          await aUser(db, { roles: [{ role: 'student', scopeId: 'self' }] }),
        ),
      };
    });
    afterAll(() => t?.close());

    const send = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        ...(payload ? { payload } : {}),
        headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
      });
    const found = (over: object = {}) => ({
      institutionId: university,
      names: { en: 'Test alumni', ja: 'テスト同窓会' },
      ...over,
    });

    it('lets the university’s coordinators found an association, and says so on the list', async () => {
      const list = await send(as.coordinator, 'GET', '/alumni-associations');
      expect(list.json().may).toEqual({ create: true });
      expect((await send(null, 'GET', '/alumni-associations')).json().may).toEqual({
        create: false,
      });
      expect((await send(as.student, 'GET', '/alumni-associations')).json().may).toEqual({
        create: false,
      });

      expect((await send(null, 'POST', '/alumni-associations', found())).statusCode).toBe(401);
      expect((await send(as.student, 'POST', '/alumni-associations', found())).statusCode).toBe(
        403,
      );
      expect(
        (await send(as.otherCoordinator, 'POST', '/alumni-associations', found())).statusCode,
      ).toBe(403);

      const res = await send(as.coordinator, 'POST', '/alumni-associations', found());
      expect(res.statusCode).toBe(200);
      const created = res.json();
      expect(created).toMatchObject({
        names: { en: 'Test alumni', ja: 'テスト同窓会' },
        institution: { id: university },
        program: null,
        alumni: 0,
        may: { manage: true },
      });
      const trail = await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.resourceType, 'alumni-association'),
            eq(auditLog.resourceId, created.id as string),
          ),
        );
      expect(trail).toEqual([{ action: 'alumni.association-create' }]);
    });

    it('refuses an unknown university, an unknown program and a second association, naming the field', async () => {
      const unknown = await send(
        as.admin,
        'POST',
        '/alumni-associations',
        found({ institutionId: 'no-such-university.example' }),
      );
      expect(unknown.statusCode).toBe(400);
      expect(JSON.stringify(unknown.json())).toContain('alumni.unknown_university');
      expect(JSON.stringify(unknown.json())).toContain('body.institutionId');

      const noProgram = await send(
        as.coordinator,
        'POST',
        '/alumni-associations',
        found({ programId: 'no-such-program' }),
      );
      expect(noProgram.statusCode).toBe(400);
      expect(JSON.stringify(noProgram.json())).toContain('body.programId');

      const twice = await send(as.admin, 'POST', '/alumni-associations', found());
      expect(twice.statusCode).toBe(400);
      expect(JSON.stringify(twice.json())).toContain('alumni.association_exists');
      expect(JSON.stringify(twice.json())).toContain('body.institutionId');

      // One association per program: the program's own is founded, a second one is refused.
      const ofProgram = await send(
        as.admin,
        'POST',
        '/alumni-associations',
        found({ programId: program }),
      );
      expect(ofProgram.statusCode).toBe(200);
      expect(ofProgram.json().program).toMatchObject({ id: program });
      const again = await send(
        as.coordinator,
        'POST',
        '/alumni-associations',
        found({ programId: program }),
      );
      expect(again.statusCode).toBe(400);
      expect(JSON.stringify(again.json())).toContain('body.programId');
    });

    it('links a general conference to its event, and refuses an unknown event or another kind naming eventId', async () => {
      const list = (await send(null, 'GET', '/alumni-associations')).json().items as {
        id: string;
        program: unknown;
      }[];
      const id = list.find((a) => a.program === null)!.id;
      const meeting = (eventId: string | null) => ({
        heldOn: '2026-09-29',
        title: { en: 'First general conference' },
        eventId,
      });
      const unknown = await send(
        as.coordinator,
        'POST',
        `/alumni-associations/${id}/meetings`,
        meeting('00000000-0000-4000-8000-000000000000'),
      );
      expect(unknown.statusCode).toBe(400);
      expect(JSON.stringify(unknown.json())).toContain('alumni.unknown_event');
      expect(JSON.stringify(unknown.json())).toContain('body.eventId');

      const other = await send(
        as.coordinator,
        'POST',
        `/alumni-associations/${id}/meetings`,
        meeting(symposium),
      );
      expect(other.statusCode).toBe(400);
      expect(JSON.stringify(other.json())).toContain('alumni.event_not_conference');
      expect(JSON.stringify(other.json())).toContain('body.eventId');

      const linked = await send(
        as.coordinator,
        'POST',
        `/alumni-associations/${id}/meetings`,
        meeting(conference),
      );
      expect(linked.statusCode).toBe(200);
      expect(linked.json().meetings).toMatchObject([{ eventId: conference }]);
      const page = (await send(null, 'GET', `/alumni-associations/${id}`)).json();
      expect(page.meetings).toMatchObject([{ eventId: conference }]);
    });
  },
);
