/**
 * The Tsukuba–UGA profile (004) shows figures computed from the records: cotutelles in progress
 * and defended, co-publications per year from the imported file, the laboratory's amount and
 * period, the themes; its PDF renders and its workbook holds the same figures, sheet by sheet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { publicationCounts } from '#src/db/queries/research.ts';
import { cotutelleCountsOf } from '#src/db/queries/partnership.ts';
import { anonymous, type As } from '../events/support.ts';

const PARTNERS = ['tsukuba.ac.jp', 'univ-grenoble-alpes.fr'];

describe.each(ENGINES)('the partnership profile on %s', (engine) => {
  let t: TestApp;
  let visitor: As;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    visitor = anonymous(t.app);
    const list = (
      await visitor('GET', '/partnerships?institutionId=univ-grenoble-alpes.fr')
    ).json();
    id = list.items[0].id;
  });
  afterAll(() => t?.close());

  it('computes every figure from the records', async () => {
    const res = await visitor('GET', `/partnerships/${id}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.partners.map((x: { id: string }) => x.id).sort()).toEqual(PARTNERS);

    // Co-publications per year: the counts of the imported records, not a typed-in number.
    const counts = await publicationCounts(t.database.db, { institutionIds: PARTNERS });
    expect(p.publications.total).toBe(counts.coPublications.total);
    expect(p.publications.perYear).toEqual(counts.coPublications.perYear);
    expect(p.publications.total).toBeGreaterThan(0);
    const themed = p.themes.reduce(
      (s: number, x: { publications: number }) => s + x.publications,
      0,
    );
    expect(themed).toBeGreaterThan(0);
    expect(p.themes).toHaveLength(5);

    // 14 cotutelles since 2018, in progress or defended (004).
    const cot = await cotutelleCountsOf(t.database.db, PARTNERS);
    expect(p.cotutelles).toEqual(cot);
    expect(p.cotutelles.in_progress + p.cotutelles.defended).toBe(14);

    // The laboratory with Air Liquide: the 2019 extension of €250,000 for April 2020 – March 2023.
    const lab = p.labs.find((l: { extensions: { amountMinor: number }[] }) =>
      l.extensions.some((e) => e.amountMinor === 250_000_00),
    );
    expect(lab).toBeDefined();
    expect(lab.extensions).toContainEqual(
      expect.objectContaining({ currency: 'EUR', startsOn: '2020-04-01', endsOn: '2023-03-31' }),
    );
    expect(lab.fundedUntil).toBe('2023-03-31');

    // The agreement on student mobility, and the mobility between the two, counted each way.
    expect(p.agreements.length).toBeGreaterThan(0);
    const students = p.mobility.years.reduce(
      (s: number, y: { directions: { students: number }[] }) =>
        s + y.directions.reduce((a, d) => a + d.students, 0),
      0,
    );
    expect(students).toBe(p.mobility.students);
    // The invented exchanges under the Tsukuba–UGA agreement, each way, counted from the records.
    const { mobilities } = await import('#src/db/schema.ts');
    const rows = await t.database.db
      .select({ homeId: mobilities.homeId, hostId: mobilities.hostId, months: mobilities.months })
      .from(mobilities);
    const between = rows.filter(
      (r) => PARTNERS.includes(r.homeId) && PARTNERS.includes(r.hostId) && r.homeId !== r.hostId,
    );
    expect(p.mobility.students).toBe(between.length);
    expect(p.mobility.months).toBe(between.reduce((s, r) => s + r.months, 0));
    const outgoing = p.mobility.years.flatMap(
      (y: { directions: { homeId: string; students: number }[] }) =>
        y.directions.filter((d) => d.homeId === 'tsukuba.ac.jp'),
    );
    expect(outgoing.reduce((s: number, d: { students: number }) => s + d.students, 0)).toBe(
      between.filter((r) => r.homeId === 'tsukuba.ac.jp').length,
    );
    expect(p.mobility.students).toBeGreaterThan(0);
  });

  it('gives the same figures as an A4 PDF and as a workbook with one sheet per table', async () => {
    const profile = (await visitor('GET', `/partnerships/${id}/profile`)).json();
    const pdf = await visitor('GET', `/partnerships/${id}/profile.pdf?lang=ja`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/partnership-profile-${engine}-ja.pdf`, pdf.rawPayload);

    const xlsx = await visitor('GET', `/partnerships/${id}/profile.xlsx?lang=en`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as never);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Key figures (computed from the', 'Co-publications']),
    );
    const pubs = book.getWorksheet('Co-publications')!;
    const rows: [number, number][] = [];
    pubs.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(1).value as number, row.getCell(2).value as number]);
    });
    expect(rows).toEqual(
      profile.publications.perYear.map((y: { year: number; n: number }) => [y.year, y.n]),
    );
    expect((await visitor('GET', `/partnerships/${id}/profile.xlsx?lang=xx`)).statusCode).toBe(400);
  });

  it('is a 404 for a partnership that does not exist', async () => {
    const res = await visitor('GET', '/partnerships/7d1c8b1e-1111-4222-8333-944455556666/profile');
    expect(res.statusCode).toBe(404);
  });
});
