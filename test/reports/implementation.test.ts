/**
 * The Tohoku project's implementation report (R20, 003 §10(2)) for fiscal year 2015, generated
 * from the demo records: every number is checked against the records read here with plain SQL
 * (students and months each way, yen paid, recognition), the A4 PDF renders with Japanese text,
 * the workbook holds the same numbers, and the report's life follows the rule: cut-off set by
 * the funder (not in the future, not before the year), submission by the representative officer
 * only with every section written, receipt, and reopening only on a recorded decision.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '#test/support/app.ts';
import { startMailCatcher, type MailCatcher } from '#test/support/mail.ts';
import { rowsOf } from '#src/db/migrate.ts';
import { sendReportReminders } from '#src/services/reports/implementation.ts';
import type { As } from '../events/support.ts';

const PROJECT = 'tohoku-jr-2014';
const FY = 2015;
const URL = `/projects/${PROJECT}/reports/${FY}`;
const CUT_OFF = '2016-03-31';

async function demoAs(t: TestApp, email: string): Promise<As> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: `${email}@demo.kakehashi.example`, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const cookie = res.cookies.find((c) => c.name === 'kakehashi_session')!;
  const headers = {
    cookie: `${cookie.name}=${cookie.value}`,
    'x-csrf-token': res.json().csrfToken as string,
  };
  return (method, url, payload) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
}

describe.each(ENGINES)('the implementation report on %s', (engine) => {
  let t: TestApp;
  let mail: MailCatcher;
  let funder: As;
  let rep: As;
  let coordinator: As;
  let student: As;
  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await createTestApp(engine, { mailer: mail.mailer });
    funder = await demoAs(t, 'funder');
    rep = await demoAs(t, 'rep.tohoku');
    coordinator = await demoAs(t, 'coordinator.tohoku');
    student = await demoAs(t, 'student.tohoku');
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  /** The records, read without the report's code. */
  async function expected(cutOff: string) {
    const q = async <T>(text: string) => rowsOf<T>(await t.database.db.execute(sql.raw(text)));
    const project = `
      select m.* , (m.home_id in (select institution_id from consortium_members where consortium_id = 'tohoku-jr-japan')) as sent
      from mobilities m join agreements a on a.id = m.agreement_id
      where a.program_id = 'mext-iep-2014' and 'tohoku-jr-japan' in (a.party_a_id, a.party_b_id)`;
    const flows = await q<{ sent: boolean; n: number; months: number }>(`
      select sent, count(*)::int as n, sum(months)::float as months from (${project}) s
      where start_date between '2015-04-01' and '${cutOff}'
        and status in ('departed','arrived','completed','transcript_issued','recognised','interrupted')
      group by sent`);
    const money = await q<{ kind: string; yen: number; n: number; months: number }>(`
      select p.kind, sum(p.amount_jpy)::float as yen, count(*)::int as n, sum(p.student_months)::float as months
      from payments p join payment_batches b on b.id = p.batch_id
      where b.status = 'paid' and b.paid_on between '2015-04-01' and '${cutOff}'
        and p.mobility_id in (select id from (${project}) s)
      group by p.kind`);
    const recognition = await q<{ planned: number; recognised: number; n: number }>(`
      select coalesce(sum((decision->'creditsPlanned'->>'value')::float), 0)::float as planned,
             coalesce(sum((decision->'creditsRecognised'->>'value')::float), 0)::float as recognised,
             count(*)::int as n
      from recognition_decisions
      where decided_at::date between '2015-04-01' and '${cutOff}'
        and mobility_id in (select id from (${project}) s)`);
    const flow = (sent: boolean) => flows.find((f) => f.sent === sent) ?? { n: 0, months: 0 };
    const line = (kind: string) =>
      money.find((m) => m.kind === kind) ?? { yen: 0, n: 0, months: 0 };
    return {
      sent: flow(true),
      received: flow(false),
      stipend: line('stipend'),
      travel: line('travel'),
      recognition: recognition[0]!,
    };
  }

  it('lists the project for the funder, late and not started, and hides it from a student', async () => {
    const res = await funder('GET', `/implementation-reports/status?fiscalYear=${FY}`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().rows.find((r: { projectId: string }) => r.projectId === PROJECT);
    expect(row.status).toMatchObject({ status: 'late', deadline: '2016-03-31' });
    expect(row.state).toBeNull();
    const mine = await student('GET', `/implementation-reports/status?fiscalYear=${FY}`);
    expect(mine.json().rows).toEqual([]);
    expect((await student('GET', URL)).statusCode).toBe(403);
  });

  it('refuses a cut-off in the future or before the fiscal year, naming the field', async () => {
    const future = await funder('PUT', `${URL}/cut-off`, { cutOff: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('reports.cut_off_in_future');
    expect(future.body).toContain('cutOff');
    const before = await funder('PUT', `${URL}/cut-off`, { cutOff: '2015-03-31' });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('reports.cut_off_before_fiscal_year');
    // Only the funder sets it.
    expect((await rep('PUT', `${URL}/cut-off`, { cutOff: CUT_OFF })).statusCode).toBe(403);
  });

  it('computes every figure from the records at the cut-off', async () => {
    const set = await funder('PUT', `${URL}/cut-off`, { cutOff: CUT_OFF });
    expect(set.statusCode, set.body).toBe(200);
    // Two recognitions of a 2015 stay decided in the year (R7), one after the cut-off's year.
    const [stay] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql.raw(`select m.id from mobilities m join agreements a on a.id = m.agreement_id
          where a.program_id = 'mext-iep-2014' and m.home_id = 'tohoku.ac.jp'
            and m.start_date between '2015-04-01' and '2016-03-31' order by m.start_date, m.months limit 1`),
      ),
    );
    const decision = (outcome: string, recognised: number) =>
      JSON.stringify({
        outcome,
        creditsPlanned: { value: 2, system: 'jp-tan-i' },
        creditsRecognised: { value: recognised, system: 'jp-tan-i' },
      });
    for (const [component, outcome, credits, at] of [
      ['c1', 'full', 2, '2016-03-01T01:00:00Z'],
      ['c2', 'partial', 1.5, '2016-03-02T01:00:00Z'],
      ['c3', 'full', 2, '2016-04-05T01:00:00Z'],
    ] as const) {
      await t.database.db.execute(
        sql`insert into recognition_decisions (mobility_id, component_id, decision, decided_at)
            values (${stay!.id}, ${component}, ${decision(outcome, credits)}::jsonb, ${at})`,
      );
    }
    const r = (await rep('GET', URL)).json();
    const e = await expected(CUT_OFF);
    const f = r.figures;
    expect(f.cutOff).toBe(CUT_OFF);
    expect(f.students.sentStudents).toBe(e.sent.n);
    expect(f.students.receivedStudents).toBe(e.received.n);
    expect(f.students.sentMonths).toBe(e.sent.months);
    expect(f.students.receivedMonths).toBe(e.received.months);
    expect(e.sent.n).toBeGreaterThan(0);
    expect(f.scholarships.spentJpy).toBe(e.stipend.yen);
    expect(f.scholarships.payments).toBe(e.stipend.n);
    expect(f.scholarships.months).toBe(e.stipend.months);
    expect(f.travel.spentJpy).toBe(e.travel.yen);
    expect(f.travel.trips).toBe(e.travel.n);
    expect(e.stipend.yen).toBeGreaterThan(0);
    const planned = f.recognition.reduce(
      (s: number, x: { creditsPlanned: number }) => s + x.creditsPlanned,
      0,
    );
    const recognised = f.recognition.reduce(
      (s: number, x: { creditsRecognised: number }) => s + x.creditsRecognised,
      0,
    );
    expect(planned).toBe(e.recognition.planned);
    expect(recognised).toBe(e.recognition.recognised);
    // Only the two decided by the cut-off: 3.5 of 4 credits, a rate of 0.875.
    expect(e.recognition.n).toBe(2);
    expect(f.recognition).toEqual([
      expect.objectContaining({ creditSystem: 'jp-tan-i', decided: 2, full: 1, partial: 1 }),
    ]);
    expect(f.recognition[0].rate).toBe(e.recognition.recognised / e.recognition.planned);
    // Per partner and per duration band add up to the totals.
    const sum = (rows: { sentStudents: number }[]) => rows.reduce((s, x) => s + x.sentStudents, 0);
    expect(sum(f.byPartner)).toBe(e.sent.n);
    expect(sum(f.byDuration)).toBe(e.sent.n);
    expect(sum(f.byField)).toBe(e.sent.n);
    // Names travel with ids.
    for (const p of f.byPartner) expect(r.names.institutions[p.key]).toBeTruthy();
    expect(r.figuresFrozen).toBe(false);
  });

  it('writes the PDF in Japanese on A4 and the workbook with the same numbers', async () => {
    const pdf = await rep('GET', `${URL}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.rawPayload.toString('latin1');
    // A4 is 595.28 × 841.89 points.
    expect(text).toMatch(/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(text).toContain('NotoSansJP');

    const xlsx = await rep('GET', `${URL}/report.xlsx?lang=ja`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const key = book.worksheets[0]!;
    expect(key.name).toBe('主な数値');
    const value = (label: string) => {
      let found: unknown;
      key.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    const e = await expected(CUT_OFF);
    expect(value('派遣: 学生数')).toBe(e.sent.n);
    expect(value('受入: 学生数')).toBe(e.received.n);
    expect(value('派遣: 学生月数')).toBe(e.sent.months);
    expect(value('奨学金: 支出 (JPY)')).toBe(e.stipend.yen);
    expect(value('渡航費: 支出 (JPY)')).toBe(e.travel.yen);
    expect(value('認定率 (%)')).toBe(
      Math.round((e.recognition.recognised / e.recognition.planned) * 1000) / 10,
    );
    expect(book.worksheets.map((w) => w.name)).toContain('相手大学別の派遣・受入');
  });

  it('refuses submission with sections missing, listing each, and by anyone but the representative officer', async () => {
    const missing = await rep('POST', `${URL}/submit`);
    expect(missing.statusCode).toBe(422);
    const details = missing.json().error.details;
    const fields = JSON.stringify(details);
    for (const s of ['self_evaluation', 'quality_assurance', 'issues_and_measures', 'plan'])
      expect(fields).toContain(`narrative.${s}`);

    const narrative = {
      self_evaluation: { ja: '計画どおり、派遣と受入は均衡した。', en: 'Balanced as planned.' },
      quality_assurance: { ja: '共通の選考基準と単位認定を適用した。' },
      issues_and_measures: { ja: '安全情報による延期に対応した。' },
      plan: { ja: '次年度も同数の交流を行う。' },
    };
    const saved = await coordinator('PUT', `${URL}/narrative`, { narrative });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().completeness).toMatchObject({ written: 4, total: 4, missing: [] });

    const byCoordinator = await coordinator('POST', `${URL}/submit`);
    expect(byCoordinator.statusCode).toBe(422);
    expect(byCoordinator.body).toContain('reports.not_head_of_representative');
  });

  it('submits, freezes the version, tells the funder, and reopens only on a decision', async () => {
    const before = mail.inbox.length;
    const sub = await rep('POST', `${URL}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    const r = sub.json();
    expect(r.state).toBe('submitted');
    expect(r.figuresFrozen).toBe(true);
    expect(r.versions).toEqual([
      expect.objectContaining({ version: 1, cutOff: CUT_OFF, late: true }),
    ]);
    await mail.waitForCount(before + 1);
    expect(mail.inbox.at(-1)!.to).toContain('funder@demo.kakehashi.example');

    // Frozen: the narrative can no longer change, nor the cut-off.
    expect((await rep('PUT', `${URL}/narrative`, { narrative: {} })).statusCode).toBe(409);
    expect((await funder('PUT', `${URL}/cut-off`, { cutOff: '2016-03-30' })).statusCode).toBe(400);

    expect((await funder('POST', `${URL}/receive`)).json().state).toBe('received');
    const noReason = await funder('POST', `${URL}/reopen`, { reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('reports.reopen_needs_decision');
    const reopened = await funder('POST', `${URL}/reopen`, {
      reason: 'Please add the measures taken after the postponement.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'draft', version: 2 });
    expect(reopened.json().decisions).toHaveLength(1);
    // The first version stays readable, frozen.
    const v1 = (await funder('GET', `${URL}?version=1`)).json();
    expect(v1).toMatchObject({ version: 1, figuresFrozen: true });
    expect(v1.narrative.plan).toEqual({ ja: '次年度も同数の交流を行う。' });
  });

  it('reminds the representative officers 30 and 7 days before the deadline, once each', async () => {
    const db = t.database.db;
    const before = mail.inbox.length;
    // FY2016's report, not started; 30 days before 2017-03-31 in Tokyo.
    const first = await sendReportReminders(db, mail.mailer, new Date('2017-03-01T01:00:00Z'));
    expect(first.sent).toBe(1);
    await mail.waitForCount(before + 1);
    expect(mail.inbox.at(-1)!.to).toContain('rep.tohoku@demo.kakehashi.example');
    const again = await sendReportReminders(db, mail.mailer, new Date('2017-03-01T05:00:00Z'));
    expect(again.sent).toBe(0);
    const other = await sendReportReminders(db, mail.mailer, new Date('2017-03-10T01:00:00Z'));
    expect(other.sent).toBe(0);
    expect(
      (await sendReportReminders(db, mail.mailer, new Date('2017-03-24T01:00:00Z'))).sent,
    ).toBe(1);
  });
});
