/**
 * The dashboards against the demo records: every figure checked here is counted again with a
 * plain query (or taken from the demo's known exchanges), in the reader's scope.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import {
  implementationFigures,
  TOOK_PLACE,
  type ReportStay,
} from '#src/domain/reports/implementation.ts';
import type { MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import { DASHBOARD_TOP_ROWS_OF } from '#src/services/dashboards/dashboards.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';

type Cell =
  | null
  | string
  | number
  | { names: Record<string, string> }
  | { n: number; records: Record<string, unknown> };
type Table = { id: string; columns: string[]; rows: Cell[][] };
type Dashboard = {
  tables: Table[];
  map: { places: { id: string }[]; flows: { from: string; to: string; students: number }[] };
  options: { years: number[]; fields: string[] };
  filter: { field: string | null };
};

const plain = (c: Cell) =>
  c !== null && typeof c === 'object' ? ('n' in c ? c.n : (c.names.en ?? '')) : c;
/** The table's rows as objects keyed by its columns (names in English, counts as numbers). */
const rowsOfTable = (d: Dashboard, id: string) => {
  const t = d.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, plain(r[i] ?? null)])));
};
const TOOK = `(${TOOK_PLACE.map((s) => `'${s}'`).join(', ')})`;
/** The fiscal year (April) of a date column, in plain SQL. */
const fy = (col: string) =>
  `(extract(year from ${col})::int - case when extract(month from ${col})::int < 4 then 1 else 0 end)`;

describe.each(ENGINES)('dashboards on the demo records, on %s', (engine) => {
  let t: TestApp;
  let funder: Session;
  let secretariat: Session;
  let tohoku: Session;
  const get = async (s: Session, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    return res;
  };
  const query = async <T>(text: string) => rowsOf<T>(await t.database.db.execute(sql.raw(text)));

  beforeAll(async () => {
    t = await createTestApp(engine);
    funder = await signInAs(t.app, 'funder@demo.kakehashi.example');
    secretariat = await signInAs(t.app, 'secretariat@demo.kakehashi.example');
    tohoku = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
  });
  afterAll(() => t?.close());

  it('lists the dashboards of each reader’s roles', async () => {
    const kinds = async (s: Session) =>
      (
        (await get(s, '/api/v1/dashboards')).json() as { items: { kind: string; id: string }[] }
      ).items.map((i) => `${i.kind}:${i.id}`);
    expect((await kinds(funder)).sort()).toEqual([
      'program:mext-iep-2014',
      'program:mext-pilot-2003',
    ]);
    expect(await kinds(secretariat)).toEqual(['consortium:ajru']);
    expect(await kinds(tohoku)).toEqual(['institution:tohoku.ac.jp']);
    const admin = await signInAs(t.app, 'admin@demo.kakehashi.example');
    expect(await kinds(admin)).toEqual(
      expect.arrayContaining(['program:mext-iep-2014', 'consortium:ajru', 'consortium:cic']),
    );
  });

  it('gives the funder the program’s flows per fiscal year, as the records count them', async () => {
    const res = await get(funder, '/api/v1/programs/mext-iep-2014/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    const flows = rowsOfTable(d, 'flows');
    const counted = await query<{
      year: number;
      sent: number;
      sent_months: number;
      received: number;
      received_months: number;
    }>(`
      select ${fy('m.start_date')} as year,
        count(*) filter (where h.country = 'JP')::int as sent,
        coalesce(sum(m.months) filter (where h.country = 'JP'), 0)::float8 as sent_months,
        count(*) filter (where h.country <> 'JP')::int as received,
        coalesce(sum(m.months) filter (where h.country <> 'JP'), 0)::float8 as received_months
      from mobilities m join agreements a on a.id = m.agreement_id join institutions h on h.id = m.home_id
      where a.program_id = 'mext-iep-2014' and m.status in ${TOOK}
      group by 1 order by 1`);
    expect(flows).toEqual(
      counted.map((c) => ({
        fiscal_year: Number(c.year),
        sent_students: Number(c.sent),
        sent_months: Number(c.sent_months),
        received_students: Number(c.received),
        received_months: Number(c.received_months),
      })),
    );
    // The demo's first year (demo-exchanges.ts): three sent for 6 + 10 + 12 months, three received.
    expect(flows[0]).toEqual({
      fiscal_year: 2015,
      sent_students: 3,
      sent_months: 28,
      received_students: 3,
      received_months: 28,
    });
    // R4: Tohoku's project is balanced every year of its first agreement.
    const balance = rowsOfTable(d, 'balance').filter((r) => Number(r.fiscal_year) <= 2019);
    expect(balance.length).toBe(5);
    for (const r of balance) {
      expect(r.realised_sent_students).toBe(r.realised_received_students);
      expect(r.r4_warnings).toBe(0);
    }
    // R14: scholarship months and yen paid per fiscal year, as the paid batches hold them.
    const spend = rowsOfTable(d, 'spend');
    const paid = await query<{ fiscal_year: number; months: number; jpy: number }>(`
      select p.fiscal_year, coalesce(sum(p.student_months), 0)::float8 as months, coalesce(sum(p.amount_jpy), 0)::bigint as jpy
      from payments p join payment_batches b on b.id = p.batch_id join mobilities m on m.id = p.mobility_id
      join agreements a on a.id = m.agreement_id
      where a.program_id = 'mext-iep-2014' and b.status = 'paid' and p.kind = 'stipend'
      group by 1 order by 1`);
    expect(paid.length).toBeGreaterThan(0);
    for (const p of paid) {
      const row = spend.find((r) => r.fiscal_year === Number(p.fiscal_year));
      expect(row?.stipend_months_paid).toBe(Number(p.months));
      expect(row?.stipend_jpy).toBe(Number(p.jpy));
    }
    // The partner filter selects the payments of stays with that partner.
    const nsu = rowsOfTable(
      (
        await get(funder, '/api/v1/programs/mext-iep-2014/dashboard?partner=nsu.ru')
      ).json() as Dashboard,
      'spend',
    );
    const [nsuPaid] = await query<{ jpy: number }>(`
      select coalesce(sum(p.amount_jpy), 0)::bigint as jpy
      from payments p join payment_batches b on b.id = p.batch_id join mobilities m on m.id = p.mobility_id
      join agreements a on a.id = m.agreement_id
      where a.program_id = 'mext-iep-2014' and b.status = 'paid' and p.kind = 'stipend' and 'nsu.ru' in (m.home_id, m.host_id)`);
    expect(nsu.reduce((n, r) => n + Number(r.stipend_jpy), 0)).toBe(Number(nsuPaid?.jpy));
    expect(Number(nsuPaid?.jpy)).toBeGreaterThan(0);
    // The map: a flow from Sendai to Moscow, drawn between places with coordinates.
    expect(d.map.flows.some((f) => f.from === 'JP:Sendai' && f.to === 'RU:Moscow')).toBe(true);
    expect(d.map.places.map((p) => p.id)).toContain('RU:Novosibirsk');
  });

  it('filters by fiscal year and level, and shows the funder the stays behind a figure without names', async () => {
    const d = (
      await get(funder, '/api/v1/programs/mext-iep-2014/dashboard?years=2016&level=master')
    ).json() as Dashboard;
    const [row] = rowsOfTable(d, 'flows');
    // 2016, masters (demo-exchanges.ts): sent 6 + 6 + 12 months; received 6 + 10.
    expect(row).toEqual({
      fiscal_year: 2016,
      sent_students: 3,
      sent_months: 24,
      received_students: 2,
      received_months: 16,
    });
    const records = (
      await get(
        funder,
        '/api/v1/programs/mext-iep-2014/dashboard/records?years=2016&level=master&year=2016&direction=sent&tookPlace=true',
      )
    ).json() as {
      total: number;
      items: { student: string | null; id: string | null; home: { id: string } }[];
    };
    expect(records.total).toBe(3);
    expect(records.items.every((i) => i.student === null && i.id === null)).toBe(true);
    expect(records.items.every((i) => i.home.id === 'tohoku.ac.jp')).toBe(true);
  });

  it('filters by field of study, offering the fields the stays record', async () => {
    const d = (
      await get(funder, '/api/v1/programs/mext-iep-2014/dashboard?field=0311')
    ).json() as Dashboard;
    expect(d.filter.field).toBe('0311');
    expect(d.options.fields).toContain('0311');
    const flows = rowsOfTable(d, 'flows');
    const total = flows.reduce(
      (n, r) => n + Number(r.sent_students) + Number(r.received_students),
      0,
    );
    const [counted] = await query<{ n: number }>(`
      select count(*)::int as n from mobilities m join agreements a on a.id = m.agreement_id
      where a.program_id = 'mext-iep-2014' and m.status in ${TOOK} and m.isced_field = '0311'`);
    expect(total).toBe(Number(counted!.n));
    expect(total).toBeGreaterThan(0);
    const bad = await get(funder, '/api/v1/programs/mext-iep-2014/dashboard?field=economics');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('field');
  });

  it('agrees with the implementation report’s figures for a fiscal year (R20)', async () => {
    // The report's own computation over the program's stays, read with a plain query.
    const stays = await query<{
      id: string;
      home_id: string;
      host_id: string;
      home_country: string;
      level: string;
      start_date: string;
      months: number;
      status: string;
    }>(`
      select m.id, m.home_id, m.host_id, h.country as home_country, m.level, m.start_date::text as start_date, m.months, m.status
      from mobilities m join agreements a on a.id = m.agreement_id join institutions h on h.id = m.home_id
      where a.program_id = 'mext-iep-2014'`);
    const reportStays: ReportStay[] = stays.map((s) => ({
      id: s.id,
      homeInstitutionId: s.home_id,
      hostInstitutionId: s.host_id,
      direction: s.home_country === 'JP' ? 'sent' : 'received',
      level: s.level,
      iscedField: '',
      startDate: s.start_date,
      months: Number(s.months),
      status: s.status as MobilityState,
    }));
    for (const fiscalYear of [2016, 2024]) {
      const figures = implementationFigures(
        {
          stays: reportStays,
          recognitions: [],
          payments: [],
          planned: [],
          events: [],
          advisories: [],
        },
        {
          fiscalYear,
          cutOff: `${fiscalYear + 1}-03-31`,
          fiscalYearStartMonth: 4,
          capStudentMonths: 360,
          balanceTolerance: { students: 1, months: 6 },
        },
      );
      const d = (
        await get(funder, `/api/v1/programs/mext-iep-2014/dashboard?years=${fiscalYear}`)
      ).json() as Dashboard;
      expect(rowsOfTable(d, 'flows')).toEqual([
        {
          fiscal_year: fiscalYear,
          sent_students: figures.students.sentStudents,
          sent_months: figures.students.sentMonths,
          received_students: figures.students.receivedStudents,
          received_months: figures.students.receivedMonths,
        },
      ]);
      expect(
        rowsOfTable(d, 'duration').map((r) => [
          r.duration_band,
          r.sent_students,
          r.received_students,
        ]),
      ).toEqual(
        ['under_1', '1_to_3', 'over_3'].map((band) => {
          const b = figures.byDuration.find((x) => x.key === band);
          return [band, b?.sentStudents ?? 0, b?.receivedStudents ?? 0];
        }),
      );
      const [balance] = rowsOfTable(d, 'balance');
      expect(balance).toMatchObject({
        fiscal_year: fiscalYear,
        realised_sent_students: figures.balance.fiscalYear.realised.sentStudents,
        realised_received_students: figures.balance.fiscalYear.realised.receivedStudents,
        planned_sent_students: figures.balance.fiscalYear.planned.sentStudents,
        planned_received_students: figures.balance.fiscalYear.planned.receivedStudents,
      });
    }
  });

  it('gives a one-country consortium its members’ stays, both ways', async () => {
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    const d = (await get(rep, '/api/v1/consortia/tohoku-jr-japan/dashboard')).json() as Dashboard;
    const flows = rowsOfTable(d, 'country_flows').filter((f) => f.fiscal_year === 2015);
    // 2015 (demo-exchanges.ts): Tohoku sent three to Russia and received three.
    expect(flows.map((f) => [f.from_country, f.to_country, f.students, f.months])).toEqual([
      ['JP', 'RU', 3, 28],
      ['RU', 'JP', 3, 28],
    ]);
  });

  it('gives the association its members over time, flows between member countries and events', async () => {
    const res = await get(secretariat, '/api/v1/consortia/ajru/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json() as Dashboard;
    const members = rowsOfTable(d, 'members');
    // Source document 001: 21 per side at the founding, 27 per side by October 2019.
    expect(members.filter((m) => m.fiscal_year === 2017).map((m) => m.members)).toEqual([21, 21]);
    expect(members.filter((m) => m.fiscal_year === 2019).map((m) => m.members)).toEqual([27, 27]);
    const flows = rowsOfTable(d, 'country_flows');
    const counted = await query<{ year: number; from: string; to: string; n: number }>(`
      select ${fy('m.start_date')} as year, h.country as "from", o.country as "to", count(*)::int as n
      from mobilities m join institutions h on h.id = m.home_id join institutions o on o.id = m.host_id
      where m.status in ${TOOK}
        and exists (select 1 from consortium_members c where c.consortium_id = 'ajru' and c.institution_id = m.home_id and c.joined_on <= m.start_date and (c.left_on is null or c.left_on > m.start_date))
        and exists (select 1 from consortium_members c where c.consortium_id = 'ajru' and c.institution_id = m.host_id and c.joined_on <= m.start_date and (c.left_on is null or c.left_on > m.start_date))
      group by 1, 2, 3 order by 1, 2, 3`);
    expect(flows.map((f) => [f.fiscal_year, f.from_country, f.to_country, f.students])).toEqual(
      counted.map((c) => [Number(c.year), c.from, c.to, Number(c.n)]),
    );
    // Hokkaido → Altai (demo-exchanges.ts): four sent in 2019, one received.
    expect(flows.find((f) => f.fiscal_year === 2019 && f.from_country === 'JP')?.students).toBe(4);
    // The records behind that figure: four stays, no student named for the secretariat.
    const behind = (
      await get(
        secretariat,
        '/api/v1/consortia/ajru/dashboard/records?year=2019&homeCountry=JP&hostCountry=RU&tookPlace=true',
      )
    ).json() as { items: { student: string | null; home: { id: string } }[] };
    expect(behind.items).toHaveLength(4);
    expect(behind.items.every((i) => i.student === null && i.home.id === 'hokudai.ac.jp')).toBe(
      true,
    );
    const events = rowsOfTable(d, 'events');
    const [held] = await query<{ n: number }>(`
      select count(*)::int as n from events
      where (consortium_ids @> '["ajru"]'::jsonb or organisers @> '[{"type":"consortium","id":"ajru"}]'::jsonb or hosts @> '[{"type":"consortium","id":"ajru"}]'::jsonb)
        and starts_on <= '${d.tables.length ? (res.json() as { today: string }).today : ''}'`);
    expect(events.length).toBe(Number(held?.n));
    expect(events.length).toBeGreaterThan(0);
  });

  it('gives Tohoku’s office incoming and outgoing per partner, with names behind the figures', async () => {
    const d = (
      await get(tohoku, '/api/v1/institutions/tohoku.ac.jp/dashboard')
    ).json() as Dashboard;
    const partners = rowsOfTable(d, 'partners');
    const counted = await query<{ year: number; partner: string; out: number; inc: number }>(`
      select ${fy('m.start_date')} as year, case when m.home_id = 'tohoku.ac.jp' then m.host_id else m.home_id end as partner,
        count(*) filter (where m.home_id = 'tohoku.ac.jp')::int as out, count(*) filter (where m.host_id = 'tohoku.ac.jp')::int as inc
      from mobilities m where (m.home_id = 'tohoku.ac.jp' or m.host_id = 'tohoku.ac.jp') and m.status in ${TOOK}
      group by 1, 2`);
    expect(partners.length).toBe(counted.length);
    const msu2015 = partners.find(
      (p) => p.fiscal_year === 2015 && String(p.partner).includes('Moscow'),
    );
    expect(msu2015).toMatchObject({
      outgoing_students: 1,
      outgoing_months: 6,
      incoming_students: 1,
      incoming_months: 6,
    });
    const total = (k: 'outgoing_students' | 'incoming_students') =>
      partners.reduce((n, p) => n + Number(p[k]), 0);
    expect(total('outgoing_students')).toBe(counted.reduce((n, c) => n + Number(c.out), 0));
    expect(total('incoming_students')).toBe(counted.reduce((n, c) => n + Number(c.inc), 0));
    const records = (
      await get(
        tohoku,
        '/api/v1/institutions/tohoku.ac.jp/dashboard/records?year=2015&partner=msu.ru&direction=sent&tookPlace=true',
      )
    ).json() as { items: { student: string | null; id: string | null }[] };
    expect(records.items).toHaveLength(1);
    expect(records.items[0]?.student).toMatch(/^Invented student/);
    expect(records.items[0]?.id).toBeTruthy();
    // Received from Moscow in 2015: one stay, named for Tohoku's coordinator (its host).
    const received = (
      await get(
        tohoku,
        '/api/v1/institutions/tohoku.ac.jp/dashboard/records?year=2015&partner=msu.ru&direction=received&tookPlace=true',
      )
    ).json() as { items: { student: string | null; host: { id: string } }[] };
    expect(received.items.map((i) => i.host.id)).toEqual(['tohoku.ac.jp']);
    expect(received.items[0]?.student).toMatch(/^Invented student RU/);
    expect(rowsOfTable(d, 'agreement_balance').length).toBeGreaterThan(0);
  });

  it('downloads a table as CSV and XLSX with the same numbers', async () => {
    const d = (
      await get(tohoku, '/api/v1/institutions/tohoku.ac.jp/dashboard')
    ).json() as Dashboard;
    const flows = rowsOfTable(d, 'flows');
    const csv = await get(
      tohoku,
      '/api/v1/institutions/tohoku.ac.jp/dashboard/export?table=flows&format=csv',
    );
    expect(csv.statusCode).toBe(200);
    const parsed = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(parsed.map((r) => Number(r.sent_students))).toEqual(flows.map((f) => f.sent_students));
    const xlsx = await get(
      tohoku,
      '/api/v1/institutions/tohoku.ac.jp/dashboard/export?table=flows&format=xlsx',
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const months: number[] = [];
    sheet.eachRow((row, i) => {
      if (i > 1) months.push(Number(row.getCell(3).value));
    });
    expect(months).toEqual(flows.map((f) => f.sent_months));
  });

  it('refuses a dashboard outside the reader’s scope', async () => {
    expect((await get(tohoku, '/api/v1/institutions/tsukuba.ac.jp/dashboard')).statusCode).toBe(
      403,
    );
    expect((await get(tohoku, '/api/v1/programs/mext-iep-2014/dashboard')).statusCode).toBe(403);
    expect((await get(funder, '/api/v1/consortia/ajru/dashboard')).statusCode).toBe(403);
    expect(
      (await get(secretariat, '/api/v1/programs/mext-iep-2014/dashboard/records')).statusCode,
    ).toBe(403);
    expect((await get(funder, '/api/v1/programs/nope/dashboard')).statusCode).toBe(404);
  });

  // Adds partners and stays: keep it last.
  it('shows a busy office the partners with the most stays and counts the rows of the others; the download holds every row', async () => {
    const extra = Array.from({ length: DASHBOARD_TOP_ROWS_OF + 7 }, (_, i) => ({
      id: `busy-partner-${String(i).padStart(2, '0')}.example`,
      stays: i < 3 ? 5 - i : 1,
    }));
    await query(`insert into institutions (id, name, type, country, city, invented) values
      ${extra.map((p) => `('${p.id}', 'Busy partner ${p.id}', 'university', 'FR', 'Lyon', true)`).join(', ')}`);
    await query(`insert into mobilities (home_id, host_id, student_name, level, start_date, months, status, invented) values
      ${extra
        .flatMap((p) =>
          Array.from(
            { length: p.stays },
            (_, k) =>
              `('tohoku.ac.jp', '${p.id}', 'Invented student ${p.id} ${k}', 'master', '2016-10-01', 5, 'completed', true)`,
          ),
        )
        .join(', ')}`);
    const counted = await query<{ n: number }>(`
      select count(*)::int as n from (select distinct ${fy('m.start_date')}, case when m.home_id = 'tohoku.ac.jp' then m.host_id else m.home_id end
      from mobilities m where (m.home_id = 'tohoku.ac.jp' or m.host_id = 'tohoku.ac.jp') and m.status in ${TOOK}) x`);
    const d = (
      await get(tohoku, '/api/v1/institutions/tohoku.ac.jp/dashboard')
    ).json() as Dashboard;
    const table = d.tables.find((x) => x.id === 'partners') as Table & { omitted?: number };
    const shown = new Set(rowsOfTable(d, 'partners').map((r) => String(r.partner)));
    expect(shown.size).toBe(DASHBOARD_TOP_ROWS_OF);
    // The partners with the most stays are among those shown.
    for (const p of extra.slice(0, 3)) expect(shown).toContain(`Busy partner ${p.id}`);
    expect(table.omitted).toBeGreaterThan(0);
    expect(table.rows.length + (table.omitted ?? 0)).toBe(counted[0]?.n);
    const csv = await get(
      tohoku,
      '/api/v1/institutions/tohoku.ac.jp/dashboard/export?table=partners&format=csv',
    );
    expect(csv.statusCode).toBe(200);
    expect(parse(csv.body, { columns: true, bom: true })).toHaveLength(counted[0]!.n);
  });
});
