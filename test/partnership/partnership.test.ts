/**
 * Partnership records through the API: each kind is created by a coordinator of a partner,
 * refused with the field named when its input is unsound, and read as its rules say — a
 * cotutelle's candidate and a named visitor only within scope, counts for everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { aUser, anInstitution } from '#test/factories/index.ts';
import { anonymous, personAs, type As } from '../events/support.ts';

describe.each(ENGINES)('partnership records on %s', (engine) => {
  let t: TestApp;
  let coordA: As;
  let coordOther: As;
  let outsider: As;
  let candidateAs: As;
  let candidateId: string;
  let a: string;
  let b: string;
  let company: string;
  const clock = { at: new Date('2024-06-01T00:00:00Z'), now: () => new Date(clock.at) };

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock });
    const db = t.database.db;
    a = (await anInstitution(db)).id;
    b = (await anInstitution(db, { country: 'FR' })).id;
    company = (await anInstitution(db, { type: 'company', country: 'FR' })).id;
    const elsewhere = (await anInstitution(db)).id;
    coordA = await personAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: a }] }),
    );
    coordOther = await personAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: elsewhere }] }),
    );
    outsider = await personAs(t.app, await aUser(db));
    const candidate = await aUser(db);
    candidateId = candidate.id;
    candidateAs = await personAs(t.app, candidate);
  });
  afterAll(() => t?.close());

  const programme = (extra: Record<string, unknown> = {}) => ({
    kind: 'dual',
    title: { en: 'Dual Master in Nanoscience', fr: 'Double master en nanosciences' },
    partners: [
      { institutionId: a, role: 'coordinating', degree: { en: 'Master of Science' } },
      { institutionId: b, role: 'partner', degree: { fr: 'Master' } },
    ],
    field: '0533',
    level: 'master',
    split: [
      { institutionId: a, semesters: [1, 2], credits: 30 },
      { institutionId: b, semesters: [3, 4], credits: 60 },
    ],
    languages: ['en', 'fr'],
    startsOn: '2020-04-01',
    ...extra,
  });

  describe('degree programmes', () => {
    it('a coordinator of a partner creates one with its split; anyone reads it', async () => {
      const res = await coordA('POST', '/degree-programmes', programme());
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      expect(res.json().totalCredits).toBe(90);
      const cohort = await coordA('POST', `/degree-programmes/${id}/cohorts`, {
        intakeYear: 2021,
        graduated: 0,
      });
      expect(cohort.statusCode, cohort.body).toBe(201);
      const read = await anonymous(t.app)('GET', `/degree-programmes/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().split.map((s: { credits: number }) => s.credits)).toEqual([30, 60]);
      expect(read.json().cohorts).toMatchObject([{ intakeYear: 2021, enrolled: 0 }]);
    });
    it('refuses an end before the start, negative credits and partners named twice', async () => {
      const res = await coordA(
        'POST',
        '/degree-programmes',
        programme({
          endsOn: '2019-01-01',
          partners: [
            { institutionId: a, role: 'coordinating' },
            { institutionId: a, role: 'partner' },
            { institutionId: b, role: 'partner' },
          ],
          split: [{ institutionId: a, semesters: [1], credits: -1 }],
        }),
      );
      expect(res.statusCode).toBe(400);
      const issues = res
        .json()
        .error.details.issues.map((i: { field: string; code: string }) => [i.code, i.field]);
      expect(issues).toEqual(
        expect.arrayContaining([
          ['partnership.ends_before_starts', 'body.endsOn'],
          ['partnership.negative_credits', 'body.split.0.credits'],
          ['partnership.partners_not_distinct', 'body.partners.1.institutionId'],
        ]),
      );
    });
    it('refuses a coordinator of neither partner', async () => {
      expect((await coordOther('POST', '/degree-programmes', programme())).statusCode).toBe(403);
      expect((await anonymous(t.app)('POST', '/degree-programmes', programme())).statusCode).toBe(
        401,
      );
    });
  });

  describe('cotutelles', () => {
    let id: string;
    const cotutelle = (extra: Record<string, unknown> = {}) => ({
      candidate: { userId: candidateId },
      thesisTitle: { en: 'Hydrogen storage in porous materials' },
      supervisors: [
        { institutionId: a, guestName: 'Prof. Sato' },
        { institutionId: b, guestName: 'Prof. Martin' },
      ],
      startsOn: '2019-10-01',
      status: 'in_progress',
      ...extra,
    });
    it('a coordinator records one; the candidate and the coordinator read it', async () => {
      const res = await coordA('POST', '/cotutelles', cotutelle());
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
      expect((await candidateAs('GET', `/cotutelles/${id}`)).statusCode).toBe(200);
      expect((await coordA('GET', `/cotutelles/${id}`)).json().candidate).not.toEqual({});
    });
    it('does not show the candidate outside scope: others see counts', async () => {
      expect((await outsider('GET', `/cotutelles/${id}`)).statusCode).toBe(404);
      expect((await coordOther('GET', `/cotutelles/${id}`)).statusCode).toBe(404);
      const list = await anonymous(t.app)('GET', `/cotutelles?institutionId=${a}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      expect(list.json().counts).toMatchObject({ in_progress: 1, total: 1 });
      expect(list.body).not.toContain('Hydrogen');
      const mine = await coordA('GET', `/cotutelles?institutionId=${a}`);
      expect(mine.json().items).toHaveLength(1);
    });
    it('refuses defended without a defence date, and a defence still to come', async () => {
      const noDate = await coordA('POST', '/cotutelles', cotutelle({ status: 'defended' }));
      expect(noDate.statusCode).toBe(400);
      expect(noDate.json().error.details.issues[0]).toMatchObject({
        code: 'partnership.defended_without_date',
        field: 'body.defenceOn',
      });
      const future = await coordA(
        'POST',
        '/cotutelles',
        cotutelle({ status: 'defended', defenceOn: '2025-01-10' }),
      );
      expect(future.json().error.details.issues[0]).toMatchObject({
        code: 'partnership.defence_in_future',
      });
      const early = await coordA('POST', '/cotutelles', cotutelle({ defenceOn: '2018-01-10' }));
      expect(early.json().error.details.issues[0]).toMatchObject({
        code: 'partnership.defence_before_start',
        field: 'body.defenceOn',
      });
    });
  });

  describe('joint laboratories', () => {
    it('creates one with a company partner and an extension, with its timeline', async () => {
      const res = await coordA('POST', '/joint-labs', {
        kind: 'laboratory',
        title: { en: 'Shared laboratory' },
        partnerIds: [a, b, company],
        fundingInstrument: 'Unit program',
        funding: { amountMinor: 10_000_000, currency: 'EUR' },
        startsOn: '2017-04-01',
        endsOn: '2020-03-31',
        extensions: [
          {
            amountMinor: 25_000_000,
            currency: 'EUR',
            decidedOn: '2019-06-01',
            startsOn: '2020-04-01',
            endsOn: '2023-03-31',
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fundedUntil).toBe('2023-03-31');
      expect(res.json().timeline.map((e: { kind: string }) => e.kind)).toEqual([
        'started',
        'extension_decided',
        'ended',
        'extension_started',
        'extension_ended',
      ]);
    });
    it('refuses a period ending before it starts and an unknown currency', async () => {
      const res = await coordA('POST', '/joint-labs', {
        kind: 'project',
        title: { en: 'Project' },
        partnerIds: [a, b],
        funding: { amountMinor: 1, currency: 'XXY' },
        startsOn: '2020-04-01',
        endsOn: '2020-01-01',
      });
      expect(res.statusCode).toBe(400);
      const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
      expect(fields).toEqual(['body.funding.currency', 'body.endsOn']);
    });
  });

  describe('visits', () => {
    it('records a teaching visit; its visitor is seen within scope only', async () => {
      const res = await coordA('POST', '/visits', {
        visitor: { guestName: 'Prof. Dupont' },
        role: 'professor',
        fromId: b,
        toId: a,
        startsOn: '2022-10-01',
        endsOn: '2022-10-20',
        purpose: 'teaching',
        courses: [{ title: { en: 'Thin films' }, credits: 2, hours: 30 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      expect((await outsider('GET', `/visits/${id}`)).statusCode).toBe(404);
      const list = (await anonymous(t.app)('GET', `/visits?institutionId=${a}`)).json();
      expect(list.items).toEqual([]);
      expect(list.counts.byRole.professor).toBe(1);
      const bad = await coordA('POST', '/visits', {
        visitor: {},
        role: 'staff',
        fromId: b,
        toId: a,
        startsOn: '2022-10-01',
        endsOn: '2022-09-01',
        purpose: 'governance',
      });
      expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'body.visitor',
        'body.endsOn',
      ]);
    });
  });

  describe('partnerships, plans and boards', () => {
    it('creates a partnership with themes and a plan in preparation; refuses a non-http link', async () => {
      const res = await coordA('POST', '/partnerships', {
        title: { en: 'A–B partnership' },
        institutionIds: [a, b],
        since: '1997-01-01',
        themes: [{ key: 'smart-cities', label: { en: 'Smart cities' } }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      const plan = await coordA('POST', `/partnerships/${id}/plans`, {
        title: { en: 'Joint strategic plan 2021–2024' },
        status: 'in_preparation',
        startsOn: '2021-01-01',
        endsOn: '2024-12-31',
      });
      expect(plan.statusCode, plan.body).toBe(201);
      expect(plan.json().plans).toMatchObject([{ status: 'in_preparation' }]);
      const bad = await coordA('POST', `/partnerships/${id}/plans`, {
        title: { en: 'Plan' },
        status: 'adopted',
        startsOn: '2021-01-01',
        endsOn: '2024-12-31',
        fileUrl: 'javascript:alert(1)',
      });
      expect(bad.json().error.details.issues[0]).toMatchObject({
        code: 'partnership.link_not_http',
        field: 'body.fileUrl',
      });
    });
    it('a board meets through an event and plans a programme', async () => {
      const board = await coordA('POST', '/education-boards', {
        name: { en: 'Inter-University Education Board' },
        institutionIds: [a, b],
        members: [
          { institutionId: a, role: 'chair', guestName: 'Prof. Chair' },
          { institutionId: b, role: 'member', guestName: 'Prof. Member' },
        ],
      });
      expect(board.statusCode, board.body).toBe(201);
      const id = board.json().id;
      const meeting = await coordA('POST', `/education-boards/${id}/meetings`, {
        title: { en: 'First meeting' },
        timeZone: 'Asia/Tokyo',
        startsOn: '2024-07-01',
        endsOn: '2024-07-01',
        mode: 'online',
      });
      expect(meeting.statusCode, meeting.body).toBe(201);
      expect(meeting.json().meetings).toHaveLength(1);
      const planned = await coordA(
        'POST',
        '/degree-programmes',
        programme({ kind: 'joint', status: 'planned', boardId: id }),
      );
      expect(planned.statusCode, planned.body).toBe(201);
      const read = await anonymous(t.app)('GET', `/education-boards/${id}`);
      expect(read.json().plannedProgrammes).toMatchObject([{ kind: 'joint', status: 'planned' }]);
      expect(read.json().members.map((m: { name: unknown }) => m.name)).toEqual([null, null]);
      // The meeting is an event of the events area, with its own page.
      const eventId = meeting.json().meetings[0].id;
      expect((await coordA('GET', `/events/${eventId}`)).statusCode).toBe(200);
    });
  });

  it('audits every change', async () => {
    const rows = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'partnership.%' ORDER BY action`,
      ),
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'partnership.programme-create',
        'partnership.cohort-create',
        'partnership.cotutelle-create',
        'partnership.lab-create',
        'partnership.visit-create',
        'partnership.partnership-create',
        'partnership.plan-create',
        'partnership.board-create',
        'partnership.board-meeting-add',
      ]),
    );
  });
});
