import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { auditLog, mobilities, payments } from '#src/db/schema.ts';
import { parseZenginFile } from '#src/interop/zengin/index.ts';
import { DEMO_AIRPORTS } from '#src/db/seed/demo-money.ts';
import { nearestInternationalAirport } from '#src/services/travel/airports.ts';
import { observingCheckpoints } from '#src/services/checkpoints.ts';
import { BATCH_STEPS, PAY_STEPS } from '#src/services/money/batches.ts';
import { checkPlacesAgainstCap } from '#src/services/money/scholarship.ts';

const CONSORTIUM = 'tohoku-jr-japan';

/**
 * A rules edit dated back to the project's start governs the demo's historical stays and years
 * too (an undated edit governs from today: rules hold over time).
 */
const FROM_THE_START = { effectiveFrom: '2014-04-01' };

describe.each(ENGINES)('scholarships, payments and travel on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let funder: Session;
  let coordTohoku: Session;
  let coordNsu: Session;
  let student: Session;
  let hokudai: Session;
  let nsuSix: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const sessions = await Promise.all(
      [
        'rep.tohoku',
        'funder',
        'coordinator.tohoku',
        'coordinator.nsu',
        'student.tohoku',
        'rep.hokudai',
      ].map((u) => signInAs(t.app, `${u}@demo.kakehashi.example`)),
    );
    [rep, funder, coordTohoku, coordNsu, student, hokudai] = sessions as [
      Session,
      Session,
      Session,
      Session,
      Session,
      Session,
    ];
    const [m] = await t.database.db
      .select({ id: mobilities.id })
      .from(mobilities)
      .where(
        and(
          eq(mobilities.homeId, 'tohoku.ac.jp'),
          eq(mobilities.hostId, 'nsu.ru'),
          eq(mobilities.months, 6),
          lt(mobilities.startDate, '2019-01-01'),
        ),
      );
    nsuSix = m!.id;
  });
  afterAll(() => t.close());

  const call = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}), ...headers },
    });
  const overview = async () =>
    (await call(rep, 'GET', `/api/v1/consortia/${CONSORTIUM}/payments`)).json();

  it('R11, R10: a Tohoku student at Novosibirsk for 6 months has a 600,000 JPY schedule from the program data', async () => {
    const res = await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/scholarship`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.schedule.totalJpy).toBe(600_000);
    expect(s.rules.monthlyStipendJpy).toBe(100_000);
    expect(s.rules.partialMonth).toEqual({ kind: 'whole-months' });
    expect(s.schedule.partialMonthRule).toBe('whole-months');
    expect(s.schedule.partialMonthDaysPerMonth).toBeNull();
    // Names, not ids: the student, home and host universities, the program and the consortium.
    expect(s.home.en).toMatch(/Tohoku/);
    expect(s.host.en).toMatch(/Novosibirsk/);
    expect(s.host.ru).toMatch(/Новосибирск/);
    expect(Object.keys(s.student).length).toBeGreaterThan(0);
    expect(s.programName.en).toBeTruthy();
    expect(s.sendingConsortiumName.en).toBeTruthy();
    expect(s.representativeName.en).toMatch(/Tohoku/);
    expect(s.may).toEqual({ confirm: true, pay: true });
    expect(s.supportPeriod).toMatchObject({ start: '2014-10-01', end: '2019-03-31' });
    expect(s.schedule.lines).toHaveLength(6);
    expect(JSON.stringify(s)).not.toMatch(/accountNumber|1000\d{3}/);
  });

  it('R10: months after the support period ends are not paid (2018 stays reaching past March 2019)', async () => {
    const ov = await overview();
    const late = ov.mobilities.find(
      (m: { stay: { start: string; end: string } }) =>
        m.stay.start.startsWith('2018') && m.stay.end > '2019-03-31',
    );
    const excluded = late.lines.filter((l: { status: string }) => l.status === 'excluded');
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.every((l: { month: string }) => l.month > '2019-03')).toBe(true);
    const outside = ov.mobilities.find((m: { stay: { start: string } }) =>
      m.stay.start.startsWith('2019'),
    );
    expect(outside.refusal.rule).toBe('R10');
    expect(outside.refusal.code).toMatch(/^scholarship\./);
    expect(outside.refusal).not.toHaveProperty('message');
  });

  it('travel (R13): SDJ ↔ OVB with the great-circle distance; the institution’s nearest airport', async () => {
    const res = await call(coordTohoku, 'GET', `/api/v1/mobilities/${nsuSix}/travel`);
    expect(res.statusCode).toBe(200);
    const tr = res.json();
    expect(tr.homeAirport.iata).toBe('SDJ');
    expect(tr.hostAirport.iata).toBe('OVB');
    expect(tr.distanceKm).toBeGreaterThan(4600);
    expect(tr.distanceKm).toBeLessThan(4750);
    expect(tr.fareBand).toMatchObject({ id: '4000-7999' });
    expect(tr.erasmusBand).toBeNull(); // Novosibirsk is not a European partner
    const inst = (await call(null, 'GET', '/api/v1/institutions/nsu.ru/nearest-airport')).json();
    expect(inst.nearestAirport).toBe('OVB');
  });

  it('R13: the demo seed’s airports are the ones the loader finds', async () => {
    for (const [id, a] of Object.entries(DEMO_AIRPORTS)) {
      const res = (await call(null, 'GET', `/api/v1/institutions/${id}/nearest-airport`)).json();
      expect(res.nearestAirport).toBe(a.iata);
      const near = nearestInternationalAirport(a.lat, a.lon);
      expect(near?.airport.iata).toBe(a.iata);
    }
  });

  it('R8: only the host’s coordinator or the representative officer confirms enrolment', async () => {
    const home = await call(
      coordTohoku,
      'POST',
      `/api/v1/mobilities/${nsuSix}/enrolment-confirmations`,
      {
        month: '2016-04',
      },
    );
    expect(home.statusCode).toBe(403);
    const byStudent = await call(
      student,
      'POST',
      `/api/v1/mobilities/${nsuSix}/enrolment-confirmations`,
      {
        month: '2016-04',
      },
    );
    expect([403, 404]).toContain(byStudent.statusCode);
    const host = await call(
      coordNsu,
      'POST',
      `/api/v1/mobilities/${nsuSix}/enrolment-confirmations`,
      {
        month: '2016-04',
      },
    );
    expect([200, 201]).toContain(host.statusCode);
    const bad = await call(
      coordNsu,
      'POST',
      `/api/v1/mobilities/${nsuSix}/enrolment-confirmations`,
      {
        month: '2017-04',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^body\.month/);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      field: 'body.month',
      code: 'scholarship.month_not_in_stay',
      params: { month: '2017-04' },
    });
  });

  it('R8, PAID_ONCE: an unconfirmed month or a paid month is refused with its rule id', async () => {
    const ov = await overview();
    const withUnconfirmed = ov.mobilities.find(
      (m: { lines: { confirmed: boolean; status: string }[] }) =>
        m.lines.some((l) => !l.confirmed && l.status === 'scheduled'),
    );
    const month = withUnconfirmed.lines.find(
      (l: { confirmed: boolean; status: string }) => !l.confirmed && l.status === 'scheduled',
    ).month;
    const res = await call(
      rep,
      'POST',
      '/api/v1/payment-batches',
      {
        consortiumId: CONSORTIUM,
        items: [{ mobilityId: withUnconfirmed.mobilityId, kind: 'stipend', period: month }],
      },
      { 'idempotency-key': 'test-unconfirmed-0001' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals.map((r: { rule: string }) => r.rule)).toContain('R8');
    const unconfirmed = res
      .json()
      .error.details.refusals.find(
        (r: { code: string }) => r.code === 'scholarship.enrolment_not_confirmed',
      );
    // Each refused item names its student and period, never only an id.
    expect(unconfirmed).toMatchObject({ rule: 'R8', params: { period: month, kind: 'stipend' } });
    expect(Object.keys(unconfirmed.params.student).length).toBeGreaterThan(0);
    expect(unconfirmed.params.host.en).toBeTruthy();
    expect(res.json().error.details.items[0].student).toEqual(unconfirmed.params.student);

    const paid = ov.mobilities
      .flatMap(
        (m: {
          mobilityId: string;
          lines: { month: string; payment: { batchStatus: string } | null }[];
        }) => m.lines.map((l) => ({ ...l, mobilityId: m.mobilityId })),
      )
      .find((l: { payment: { batchStatus: string } | null }) => l.payment?.batchStatus === 'paid');
    const twice = await call(
      rep,
      'POST',
      '/api/v1/payment-batches',
      {
        consortiumId: CONSORTIUM,
        items: [{ mobilityId: paid.mobilityId, kind: 'stipend', period: paid.month }],
      },
      { 'idempotency-key': 'test-twice-0001' },
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.details.refusals.map((r: { rule: string }) => r.rule)).toContain(
      'PAID_ONCE',
    );
    expect(twice.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'scholarship.already_paid',
    );
    // Nothing was stored by either refusal.
    const [n] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'payment-batch.create'));
    expect(Number(n!.n)).toBe(2); // the two demo batches
  });

  it('R8: a batch needs the Idempotency-Key header and the representative officer', async () => {
    const noKey = await call(rep, 'POST', '/api/v1/payment-batches', { consortiumId: CONSORTIUM });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.message).toMatch(/idempotency-key/);
    expect(noKey.json().error.details.issues[0]).toMatchObject({
      field: 'headers.idempotency-key',
      code: 'scholarship.idempotency_key_required',
    });
    for (const s of [coordTohoku, funder, hokudai]) {
      const res = await call(
        s,
        'POST',
        '/api/v1/payment-batches',
        { consortiumId: CONSORTIUM },
        {
          'idempotency-key': 'test-forbidden-0001',
        },
      );
      expect(res.statusCode).toBe(403);
    }
  });

  const key = (name: string) => `test-${name}-${engine}-0001`;
  const build = (s: Session, k: string, body: object = { consortiumId: CONSORTIUM }) =>
    call(s, 'POST', '/api/v1/payment-batches', body, { 'idempotency-key': k });
  const paymentCounts = async () =>
    t.database.db
      .select({
        mobilityId: payments.mobilityId,
        kind: payments.kind,
        period: payments.period,
        n: sql<number>`count(*)::int`,
      })
      .from(payments)
      .groupBy(payments.mobilityId, payments.kind, payments.period);
  /** Confirms (as the NSU/host coordinator or the rep) the next unconfirmed scheduled months. */
  const confirmSome = async (count: number) => {
    const ov = await overview();
    const done: { mobilityId: string; month: string }[] = [];
    for (const m of ov.mobilities) {
      for (const l of m.lines) {
        if (done.length >= count) break;
        if (l.status !== 'scheduled' || l.confirmed || !m.hasBankAccount) continue;
        const r = await call(
          rep,
          'POST',
          `/api/v1/mobilities/${m.mobilityId}/enrolment-confirmations`,
          {
            month: l.month,
          },
        );
        expect([200, 201]).toContain(r.statusCode);
        done.push({ mobilityId: m.mobilityId, month: l.month });
      }
    }
    expect(done.length).toBe(count);
    return done;
  };

  it('R8: build (idempotent), approve, mark paid; exports for the representative officer only; every payment audited', async () => {
    const first = await build(rep, key('flow'), {
      consortiumId: CONSORTIUM,
      transferDate: '2026-12-01',
    });
    expect(first.statusCode).toBe(201);
    const batch = first.json();
    expect(batch.status).toBe('draft');
    expect(batch.count).toBeGreaterThan(0);
    expect(
      batch.items.some(
        (i: { kind: string; mobilityId: string }) => i.kind === 'travel' && i.mobilityId === nsuSix,
      ),
    ).toBe(true);
    // Every line names its student and host; the batch its consortium; may says what is next.
    expect(
      batch.items.every(
        (i: { student: object; host: { en?: string } }) =>
          Object.keys(i.student).length > 0 && Boolean(i.host.en),
      ),
    ).toBe(true);
    expect(batch.consortiumName.en).toBeTruthy();
    expect(batch.may).toMatchObject({ approve: true, pay: false, cancel: true, export: true });
    const again = await build(rep, key('flow'));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(batch.id);
    expect(JSON.stringify(batch)).not.toMatch(/accountNumber|holderKana/);

    expect(
      (await call(coordTohoku, 'POST', `/api/v1/payment-batches/${batch.id}/approve`)).statusCode,
    ).toBe(404);
    const early = await call(rep, 'POST', `/api/v1/payment-batches/${batch.id}/paid`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.refusals[0].code).toBe('scholarship.batch_not_approved');
    const approved = await call(rep, 'POST', `/api/v1/payment-batches/${batch.id}/approve`);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().may).toMatchObject({ approve: false, pay: true });
    expect(Object.keys(approved.json().approvedByName ?? {}).length).toBeGreaterThan(0);
    const paid = await call(rep, 'POST', `/api/v1/payment-batches/${batch.id}/paid`, {
      paidOn: '2026-12-01',
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().status).toBe('paid');
    const twice = await call(rep, 'POST', `/api/v1/payment-batches/${batch.id}/paid`, {});
    expect(twice.json()).toMatchObject({ status: 'paid', paidOn: '2026-12-01' });

    const audits = await t.database.db
      .select({ id: auditLog.resourceId })
      .from(auditLog)
      .where(eq(auditLog.action, 'payment.paid'));
    const ids = new Set(audits.map((a) => a.id));
    expect(batch.items.every((i: { id: string }) => ids.has(i.id))).toBe(true);
    expect(
      audits.filter((a) => batch.items.some((i: { id: string }) => i.id === a.id)),
    ).toHaveLength(batch.count);

    // Zengin: fixed-length records that parse back, with the batch's total.
    const z = await call(rep, 'GET', `/api/v1/payment-batches/${batch.id}/export.zengin`);
    expect(z.statusCode).toBe(200);
    expect(z.headers['content-type']).toMatch(/Shift_JIS/);
    const parsed = parseZenginFile(z.rawPayload);
    expect(parsed.totalAmountJpy).toBe(batch.totalJpy);
    expect(parsed.transferMonthDay).toBe('1201');
    expect(parsed.transfers.every((tr) => tr.recipientName.startsWith('ｶｸｳ'))).toBe(true);
    const csv = await call(rep, 'GET', `/api/v1/payment-batches/${batch.id}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toMatch(/account_number/);
    const xlsx = await call(rep, 'GET', `/api/v1/payment-batches/${batch.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('transfers')!.rowCount).toBe(parsed.transfers.length + 1);

    // Account data: the representative officer only (bank:read).
    for (const s of [funder, coordTohoku, coordNsu, student]) {
      const ex = await call(s, 'GET', `/api/v1/payment-batches/${batch.id}/export.zengin`);
      expect(ex.statusCode).toBe(403);
      const acct = await call(s, 'GET', `/api/v1/mobilities/${nsuSix}/bank-account`);
      expect([403, 404]).toContain(acct.statusCode);
    }
    const acct = await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/bank-account`);
    expect(acct.statusCode).toBe(200);
    expect(acct.json().holderKana).toMatch(/^ｶｸｳ/);
    const budget = await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget');
    expect(JSON.stringify(budget.json())).not.toContain(acct.json().accountNumber);
  });

  it('R14: the budget shows committed / confirmed / paid / remaining against the cap per fiscal year', async () => {
    const res = await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget?fiscalYear=2016');
    expect(res.statusCode).toBe(200);
    const b = res.json();
    const project = b.projects.find((p: { consortiumId: string }) => p.consortiumId === CONSORTIUM);
    const fy = project.years[0];
    expect(project.consortium.en).toBeTruthy();
    expect(project.representative.en).toMatch(/Tohoku/);
    expect(b.programName.en).toBeTruthy();
    expect(fy).toMatchObject({ fiscalYear: 2016, cap: 360 });
    expect(fy.committedMonths).toBeGreaterThan(0);
    expect(fy.remainingMonths).toBe(360 - fy.committedMonths);
    expect(fy.paidMonths).toBeGreaterThan(0);
    expect(fy.stipend.paidJpy).toBe(fy.paidMonths * 100_000);
    const mine = await call(rep, 'GET', `/api/v1/consortia/${CONSORTIUM}/budget`);
    expect(mine.statusCode).toBe(200);
    expect(
      (await call(coordTohoku, 'GET', '/api/v1/programs/mext-iep-2014/budget')).statusCode,
    ).toBe(403);
    expect((await call(hokudai, 'GET', `/api/v1/consortia/${CONSORTIUM}/budget`)).statusCode).toBe(
      403,
    );
  });

  it('PAID_ONCE: two concurrent batch builds for the same months give one payment per month', async () => {
    await confirmSome(4);
    const [a, b] = await Promise.all([build(rep, key('race-a')), build(rep, key('race-b'))]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    expect((await paymentCounts()).every((r) => Number(r.n) === 1)).toBe(true);
    // The same key twice at once: one batch.
    await confirmSome(2);
    const [c, d] = await Promise.all([build(rep, key('race-same')), build(rep, key('race-same'))]);
    expect(c.json().id).toBe(d.json().id);
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 201]);
  });

  it('PAID_ONCE: a crash at any step of building or paying a batch leaves nothing half-written; a retry succeeds', async () => {
    for (const stepName of BATCH_STEPS) {
      await confirmSome(1);
      const before = await paymentCounts();
      const crashed = await observingCheckpoints(
        (s) => {
          if (s === stepName) throw new Error(`crash at ${s}`);
        },
        () => build(rep, key(`crash-${stepName}`)),
      );
      expect(crashed.statusCode).toBe(500);
      expect(await paymentCounts()).toEqual(before);
      const retry = await build(rep, key(`crash-${stepName}`));
      expect(retry.statusCode).toBe(201);
      expect(retry.json().count).toBe(1);
    }
    for (const stepName of PAY_STEPS) {
      await confirmSome(1);
      const b = (await build(rep, key(`paycrash-${stepName}`))).json();
      await call(rep, 'POST', `/api/v1/payment-batches/${b.id}/approve`);
      const crashed = await observingCheckpoints(
        (s) => {
          if (s === stepName) throw new Error(`crash at ${s}`);
        },
        () => call(rep, 'POST', `/api/v1/payment-batches/${b.id}/paid`, {}),
      );
      expect(crashed.statusCode).toBe(500);
      const state = (await call(rep, 'GET', `/api/v1/payment-batches/${b.id}`)).json();
      const paidAudits = await t.database.db
        .select({ id: auditLog.resourceId })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'payment.paid'), eq(auditLog.resourceId, b.items[0].id)));
      // Either wholly paid (the crash came after the commit) or wholly not.
      expect(paidAudits.length).toBe(state.status === 'paid' ? 1 : 0);
      expect(state.status).toBe(stepName === 'pay-done' ? 'paid' : 'approved');
      const retry = await call(rep, 'POST', `/api/v1/payment-batches/${b.id}/paid`, {});
      expect(retry.json().status).toBe('paid');
    }
    expect((await paymentCounts()).every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('R13: the fare ceilings are program data that the funder officer edits', async () => {
    const ov = await overview();
    const m = ov.mobilities.find((x: { hostId: string }) => x.hostId === 'dvfu.ru');
    const url = `/api/v1/mobilities/${m.mobilityId}/travel`;
    const program = (await call(funder, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    const ceilings = [{ id: 'any', minKm: 0, maxKm: null, ceilingJpy: 987_000 }];
    // Dated back to the project's start, so that it governs the demo's historical stays too.
    const edited = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...program.rules,
      ...FROM_THE_START,
      travel: { ...program.rules.travel, fareCeilings: ceilings },
    });
    expect(edited.statusCode).toBe(200);
    expect((await call(coordTohoku, 'GET', url)).json().fareBand.ceilingJpy).toBe(987_000);
    await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...program.rules,
      ...FROM_THE_START,
    });
    expect((await call(coordTohoku, 'GET', url)).json().fareBand.ceilingJpy).not.toBe(987_000);
  });

  it('R13: a fare above its band’s ceiling is refused until the funder officer approves; airports are overridden with a reason; the trip is paid once', async () => {
    const ov = await overview();
    const m = ov.mobilities.find(
      (x: {
        travel: unknown;
        hasBankAccount: boolean;
        hostId: string;
        lines: { confirmed: boolean }[];
      }) =>
        !x.travel && x.hasBankAccount && x.hostId === 'dvfu.ru' && x.lines.some((l) => l.confirmed),
    );
    const url = `/api/v1/mobilities/${m.mobilityId}/travel`;
    const tr = (await call(coordTohoku, 'GET', url)).json();
    expect(tr).toMatchObject({ homeAirport: { iata: 'SDJ' }, hostAirport: { iata: 'VVO' } });
    expect(tr.host.en).toMatch(/Far Eastern/);
    expect(tr.may).toEqual({ edit: true, quote: true, approve: false });
    const noReason = await call(coordTohoku, 'PUT', `${url}/airports`, { homeAirport: 'HND' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/^body\.reason/);
    expect(noReason.json().error.details.issues[0]).toMatchObject({
      field: 'body.reason',
      code: 'travel.override_needs_reason',
    });
    const unknown = await call(coordTohoku, 'PUT', `${url}/airports`, {
      homeAirport: 'QQQ',
      reason: 'a test',
    });
    expect(unknown.json().error.details.issues[0]).toMatchObject({
      field: 'body.homeAirport',
      code: 'travel.unknown_airport',
      params: { iata: 'QQQ' },
    });
    const business = await call(coordTohoku, 'PUT', `${url}/fare`, {
      amountJpy: 50_000,
      cabin: 'business',
    });
    expect(business.statusCode).toBe(422);
    expect(business.json().error.details.refusals[0]).toMatchObject({
      rule: 'R13',
      code: 'travel.not_economy',
      params: { cabin: 'business' },
    });
    const ceiling = tr.fareBand.ceilingJpy;
    const above = await call(coordTohoku, 'PUT', `${url}/fare`, {
      amountJpy: ceiling + 20_000,
      receiptRef: 'TEST-RCPT-1',
    });
    expect(above.json()).toMatchObject({
      status: 'awaiting_approval',
      fareCheck: {
        ok: false,
        refusal: {
          rule: 'R13',
          code: 'travel.above_ceiling',
          params: { amountJpy: ceiling + 20_000, ceilingJpy: ceiling },
        },
      },
      may: { edit: true, approve: false },
    });
    expect((await call(funder, 'GET', url)).json().may).toEqual({
      edit: false,
      quote: false,
      approve: true,
    });
    const refused = await build(rep, key('trip-refused'), {
      consortiumId: CONSORTIUM,
      items: [{ mobilityId: m.mobilityId, kind: 'travel' }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.refusals.map((r: { rule: string }) => r.rule)).toContain(
      'R13',
    );
    expect(refused.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'travel.above_ceiling',
    );
    expect(
      (await call(coordTohoku, 'POST', `${url}/approve-fare`, { reason: 'only flight' }))
        .statusCode,
    ).toBe(403);
    const approved = await call(funder, 'POST', `${url}/approve-fare`, {
      reason: 'the only direct flight that week',
    });
    expect(approved.json()).toMatchObject({
      status: 'receipted',
      approvedAboveCeiling: true,
      fareCheck: { ok: true },
    });
    const ok = await build(rep, key('trip-ok'), {
      consortiumId: CONSORTIUM,
      items: [{ mobilityId: m.mobilityId, kind: 'travel' }],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().items[0]).toMatchObject({
      kind: 'travel',
      period: 'trip',
      amountJpy: ceiling + 20_000,
    });
    const again = await build(rep, key('trip-again'), {
      consortiumId: CONSORTIUM,
      items: [{ mobilityId: m.mobilityId, kind: 'travel' }],
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.refusals.map((r: { rule: string }) => r.rule)).toContain(
      'PAID_ONCE',
    );
    expect(again.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'travel.already_in_batch',
    );
    const locked = await call(coordTohoku, 'PUT', `${url}/airports`, {
      homeAirport: 'HND',
      reason: 'late change',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.details.refusals[0].code).toBe('travel.trip_in_batch');
    // The trip in a batch: not offered for editing, and the reason is given instead.
    const after = (await call(coordTohoku, 'GET', url)).json();
    expect(after.may.edit).toBe(false);
    expect(after.editRefusal).toMatchObject({ code: 'travel.trip_in_batch' });
  });

  it('R19: an advisory posted today leaves the completed stays of years ago alone; it is lifted once', async () => {
    const refusedByCoord = await call(coordTohoku, 'POST', '/api/v1/advisories', {
      programId: 'mext-iep-2014',
      country: 'RU',
      level: 'suspend',
      from: '2015-01-01',
      reason: 'test',
    });
    expect(refusedByCoord.statusCode).toBe(403);
    const done = await confirmSome(1);
    const res = await call(funder, 'POST', '/api/v1/advisories', {
      programId: 'mext-iep-2014',
      country: 'RU',
      level: 'suspend',
      from: '2015-01-01',
      reason: 'test of R19',
    });
    expect(res.statusCode).toBe(201);
    const advisory = res.json();
    // The demo stays are completed: the advisory does not touch them (see test/money for holds).
    const paid = await build(rep, key('r19-historical'), {
      consortiumId: CONSORTIUM,
      items: [{ mobilityId: done[0]!.mobilityId, kind: 'stipend', period: done[0]!.month }],
    });
    expect(paid.statusCode).toBe(201);
    const list = (await call(funder, 'GET', '/api/v1/advisories?programId=mext-iep-2014')).json();
    expect(list.may).toEqual({ record: true });
    const listed = list.items.find((a: { id: string }) => a.id === advisory.id);
    expect(listed.may).toEqual({ lift: true, override: true });
    expect(listed.programName.en).toBeTruthy();
    expect(Object.keys(listed.createdByName ?? {}).length).toBeGreaterThan(0);
    const early = await call(funder, 'POST', `/api/v1/advisories/${advisory.id}/lift`, {
      on: '2014-12-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({
      field: 'body.on',
      code: 'scholarship.advisory_lifted_before_start',
      params: { from: '2015-01-01' },
    });
    const s = (
      await call(rep, 'GET', `/api/v1/mobilities/${done[0]!.mobilityId}/scholarship`)
    ).json();
    expect(s.dispatch).toBe('open');
    const lifted = await call(funder, 'POST', `/api/v1/advisories/${advisory.id}/lift`, {});
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().may).toEqual({ lift: false, override: false });
    const twice = await call(funder, 'POST', `/api/v1/advisories/${advisory.id}/lift`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.refusals[0].code).toBe('scholarship.advisory_already_lifted');
  });

  it('R14: a payment beyond the fiscal year’s cap is refused with R14 (the cap is program data)', async () => {
    const program = (await call(null, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    const small = {
      ...program.rules,
      ...FROM_THE_START,
      stayMonths: { min: 3, max: 12 },
      annualCap: { studentMonths: 12, studentsAtFullLength: 1 },
    };
    // A fiscal year in which payments already hold 12 student-months or more, and a month of it
    // that no batch holds yet.
    const before = (await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget')).json();
    const full = new Set(
      before.totals
        .filter(
          (y: { paidMonths: number; inBatchMonths: number }) =>
            y.paidMonths + y.inBatchMonths >= 12,
        )
        .map((y: { fiscalYear: number }) => y.fiscalYear),
    );
    const target = (await overview()).mobilities
      .filter((m: { hasBankAccount: boolean }) => m.hasBankAccount)
      .flatMap(
        (m: {
          mobilityId: string;
          lines: { month: string; fiscalYear: number; status: string; payment: unknown }[];
        }) => m.lines.map((l) => ({ ...l, mobilityId: m.mobilityId })),
      )
      .find(
        (l: { fiscalYear: number; status: string; payment: unknown }) =>
          full.has(l.fiscalYear) && l.status === 'scheduled' && !l.payment,
      );
    await call(rep, 'POST', `/api/v1/mobilities/${target.mobilityId}/enrolment-confirmations`, {
      month: target.month,
    });
    expect(
      (await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', small)).statusCode,
    ).toBe(200);
    const res = await build(rep, key('r14'), {
      consortiumId: CONSORTIUM,
      items: [{ mobilityId: target.mobilityId, kind: 'stipend', period: target.month }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals.map((r: { rule: string }) => r.rule)).toContain('R14');
    expect(
      res.json().error.details.refusals.find((r: { rule: string }) => r.rule === 'R14'),
    ).toMatchObject({ code: 'scholarship.cap_exceeded', params: { cap: 12 } });
    const budget = (await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget')).json();
    expect(budget.capPerFiscalYear).toBe(12);
    expect(budget.totals.some((y: { overBy: number }) => y.overBy > 0)).toBe(true);
    const restored = { ...program.rules, ...FROM_THE_START };
    expect(
      (await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', restored)).statusCode,
    ).toBe(200);
  });

  it('R11: changing the stipend in the program changes every amount (schedule and budget)', async () => {
    const before = (await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/scholarship`)).json();
    const program = (await call(null, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    const richer = {
      ...program.rules,
      ...FROM_THE_START,
      stipend: { ...program.rules.stipend, monthlyAmount: 120_000 },
    };
    expect(
      (await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', richer)).statusCode,
    ).toBe(200);
    const after = (await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/scholarship`)).json();
    expect(before.schedule.totalJpy).toBe(600_000);
    expect(after.schedule.totalJpy).toBe(720_000);
    expect(after.schedule.lines.every((l: { amountJpy: number }) => l.amountJpy === 120_000)).toBe(
      true,
    );
    const budget = (
      await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget?fiscalYear=2017')
    ).json();
    const fy = budget.projects[0].years[0];
    expect(fy.stipend.committedJpy).toBe(Math.round(fy.committedMonths * 120_000));
    await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...program.rules,
      ...FROM_THE_START,
    });
  });

  it('R14: publishing places that would commit more student-months than the cap in a fiscal year is refused', async () => {
    const place = (i: number) => ({
      key: `place-${i}`,
      hostCountry: 'RU',
      startDate: '2016-04-01',
      months: 12,
    });
    const few = await checkPlacesAgainstCap(
      t.database.db,
      {
        programId: 'mext-iep-2014',
        consortiumId: CONSORTIUM,
        places: [place(1), place(2)],
      },
      '2016-04-01',
    );
    expect(few.ok).toBe(true);
    const many = await checkPlacesAgainstCap(
      t.database.db,
      {
        programId: 'mext-iep-2014',
        consortiumId: CONSORTIUM,
        places: Array.from({ length: 30 }, (_, i) => place(i)),
      },
      '2016-04-01',
    );
    expect(many).toMatchObject({
      ok: false,
      refusal: { rule: 'R14', code: 'scholarship.places_over_cap', params: { cap: 360 } },
    });
  });

  // Last in the file: it dates a version today, after which no edit may be dated further back.
  it('R11, R14: an edit governs from its date; the stays and years before it keep their rules', async () => {
    const program = (await call(null, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    const before = (await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/scholarship`)).json();
    const budgetBefore = (
      await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget?fiscalYear=2016')
    ).json();
    const edit = {
      ...program.rules,
      effectiveFrom: undefined,
      stipend: { ...program.rules.stipend, monthlyAmount: 150_000 },
      annualCap: { studentMonths: 12, studentsAtFullLength: 1 },
    };
    const res = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', edit);
    expect(res.statusCode).toBe(200);
    // Undated, the edit governs from today (the service's clock), not from the program's start.
    expect(res.json().rules.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.json().rules.effectiveFrom > '2016-12-31').toBe(true);
    const after = (await call(rep, 'GET', `/api/v1/mobilities/${nsuSix}/scholarship`)).json();
    expect(after.schedule.totalJpy).toBe(before.schedule.totalJpy);
    expect(after.rules.monthlyStipendJpy).toBe(program.rules.stipend.monthlyAmount);
    // Fiscal year 2016 keeps the cap it began with.
    const budgetAfter = (
      await call(funder, 'GET', '/api/v1/programs/mext-iep-2014/budget?fiscalYear=2016')
    ).json();
    expect(budgetAfter.capPerFiscalYear).toBe(budgetBefore.capPerFiscalYear);
    expect(budgetAfter.totals).toEqual(budgetBefore.totals);
    // A version may not reach back before the one it follows.
    const back = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...program.rules,
      ...FROM_THE_START,
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.details.issues[0]).toMatchObject({
      field: 'body.effectiveFrom',
      code: 'program.effective_before_previous',
    });
    const restored = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...program.rules,
      effectiveFrom: res.json().rules.effectiveFrom,
    });
    expect(restored.statusCode).toBe(200);
  });
});
