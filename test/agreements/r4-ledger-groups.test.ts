import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, notInArray } from 'drizzle-orm';
import { consortiumMembers, mobilities } from '#src/db/schema.ts';
import { buildLedger, type LedgerMobility } from '#src/domain/balance/ledger.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

/**
 * The balance routes count the stays in the database and build the ledger from the groups; this
 * checks them against the ledger built from every mobility one by one (the members of each side
 * on the day a stay starts, refused and withdrawn nominations left out, stays of another agreement
 * left out of an agreement's ledger), over the demo world plus random stays.
 */
describe.each(ENGINES)('R4: ledgers counted in the database on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  type Member = { id: string; joinedOn: string | null; leftOn: string | null };
  const membersOf = async (party: { type: string; id: string }): Promise<Member[]> => {
    if (party.type === 'institution') return [{ id: party.id, joinedOn: null, leftOn: null }];
    const rows = await t.database.db
      .select()
      .from(consortiumMembers)
      .where(eq(consortiumMembers.consortiumId, party.id));
    return rows.map((r) => ({ id: r.institutionId, joinedOn: r.joinedOn, leftOn: r.leftOn }));
  };
  const memberOn = (members: Member[], id: string, date: string) =>
    members.some(
      (m) =>
        m.id === id &&
        (m.joinedOn === null || m.joinedOn <= date) &&
        (m.leftOn === null || m.leftOn > date),
    );

  /** The ledger from every mobility, one by one, as the routes built it before they grouped. */
  const oneByOne = async (
    us: { type: string; id: string },
    them: { type: string; id: string },
    agreementId: string | null,
    startMonth: number,
    tolerance: { students: number; months: number },
  ) => {
    const ours = await membersOf(us);
    const theirs = await membersOf(them);
    const rows = await t.database.db
      .select()
      .from(mobilities)
      .where(and(notInArray(mobilities.status, ['refused', 'withdrawn'])));
    const entries: LedgerMobility[] = [];
    for (const m of rows) {
      if (agreementId && m.agreementId && m.agreementId !== agreementId) continue;
      const outgoing =
        memberOn(ours, m.homeId, m.startDate) && memberOn(theirs, m.hostId, m.startDate);
      const incoming =
        memberOn(theirs, m.homeId, m.startDate) && memberOn(ours, m.hostId, m.startDate);
      if (!outgoing && !incoming) continue;
      entries.push({
        outgoing,
        startDate: m.startDate,
        months: m.months,
        realised: ['departed', 'arrived', 'completed', 'transcript_issued', 'recognised'].includes(
          m.status,
        ),
      });
    }
    return buildLedger(entries, startMonth, tolerance);
  };

  const same = (route: Record<string, unknown>, reference: ReturnType<typeof buildLedger>) => {
    expect({
      years: route.years,
      total: route.total,
      tolerance: route.tolerance,
      warnings: route.warnings,
    }).toEqual(reference);
  };

  it('gives the same ledgers as the mobilities counted one by one', async () => {
    const listed = await get('/api/v1/agreements?party=tohoku-jr-japan');
    const ids: string[] = listed.items.map((a: { id: string }) => a.id);
    expect(ids.length).toBeGreaterThan(0);
    const japan = await membersOf({ type: 'consortium', id: 'tohoku-jr-japan' });
    const russia = await membersOf({ type: 'consortium', id: 'tohoku-jr-russia' });
    const places = [...new Set([...japan, ...russia].map((m) => m.id))];

    // Random stays between the members (some before they joined or after they left), of every
    // state, whole months and 30-day parts, under either agreement or none.
    const stay = fc.record({
      home: fc.constantFrom(...places),
      host: fc.constantFrom(...places),
      startDate: fc
        .date({ min: new Date('2012-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      months: fc.oneof(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 30, max: 360 }).map((days) => days / 30),
      ),
      status: fc.constantFrom(
        'nominated',
        'accepted',
        'departed',
        'arrived',
        'completed',
        'interrupted',
        'recognised',
        'transcript_issued',
        'refused',
        'withdrawn',
      ),
      agreement: fc.constantFrom(null, ...ids),
    });
    const stays = fc.sample(stay, { numRuns: 300, seed: 4 });
    await t.database.db.insert(mobilities).values(
      stays.map((s, i) => ({
        agreementId: s.agreement,
        homeId: s.home,
        hostId: s.host,
        studentName: `Ledger student ${i} (invented)`,
        level: 'master',
        startDate: s.startDate,
        months: s.months,
        status: s.status,
        invented: true,
      })),
    );

    for (const id of ids) {
      for (const side of ['A', 'B'] as const) {
        const agreement = await get(`/api/v1/agreements/${id}`);
        const [us, them] =
          side === 'A'
            ? [agreement.partyA, agreement.partyB]
            : [agreement.partyB, agreement.partyA];
        const ledger = await get(`/api/v1/agreements/${id}/balance?side=${side}`);
        same(
          ledger,
          await oneByOne(
            { type: us.type, id: us.id },
            { type: them.type, id: them.id },
            id,
            ledger.calendar.startMonth,
            ledger.tolerance,
          ),
        );
      }
    }
    for (const [us, them] of [
      ['tohoku-jr-japan', 'tohoku-jr-russia'],
      ['tohoku-jr-russia', 'tohoku-jr-japan'],
    ] as const) {
      const ledger = await get(`/api/v1/consortia/${us}/balance?with=${them}`);
      expect(
        ledger.total.planned.sentStudents + ledger.total.planned.receivedStudents,
      ).toBeGreaterThan(0);
      same(
        ledger,
        await oneByOne(
          { type: 'consortium', id: us },
          { type: 'consortium', id: them },
          null,
          ledger.calendar.startMonth,
          ledger.tolerance,
        ),
      );
    }
  });
});
