/**
 * Importing a mobility history file (docs/formats/mobility-history.md): a right file is applied
 * all at once and a second import of it adds nothing; any row in error leaves `mobilities`
 * untouched and names the first 100 errors with the total; staging is emptied however it ends.
 */
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { stagedCount } from '#src/db/queries/mobility/history-import.ts';
import { auditLog, institutions, mobilities } from '#src/db/schema.ts';
import { systemClock } from '#src/services/clock.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { AppError } from '#src/services/errors.ts';
import {
  ImportCancelled,
  importMobilityHistory,
  type HistoryFormat,
  type ImportProgress,
} from '#src/services/mobility/history-import.ts';
import { aUser, anAgreement, anInstitution, asHeaders, signedInAs } from '#test/factories/index.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { createTestDatabase, ENGINES } from '#test/support/db.ts';

const HEADER =
  'student_name,student_number,home_institution,host_institution,start_date,end_date,level,field,credits,grade,agreement,status';

describe.each(ENGINES)('mobility history import, on %s', (engine) => {
  let database: Database;
  let ctx: ServiceContext;
  let home: string;
  let host: string;
  let other: string;
  let agreementId: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    home = (await anInstitution(db, { country: 'JP' })).id;
    host = (await anInstitution(db, { country: 'FR' })).id;
    other = (await anInstitution(db, { country: 'JP' })).id;
    await db
      .update(institutions)
      .set({ erasmusCode: 'F  GRENOBL55' })
      .where(eq(institutions.id, host));
    agreementId = (await anAgreement(db)).id;
    ctx = {
      db,
      actor: {
        id: '00000000-0000-4000-8000-00000000a001',
        platformAdmin: false,
        roles: [{ role: 'coordinator', scopeType: 'institution', scopeId: home }],
      },
      clock: systemClock,
    };
  });
  afterAll(() => database?.close());

  const csv = (...lines: string[]) => Readable.from([Buffer.from(lines.join('\n') + '\n')]);
  const run = (
    lines: string[],
    options: Parameters<typeof importMobilityHistory>[3] = {},
    format: HistoryFormat = 'csv',
  ) => importMobilityHistory(ctx, csv(...lines), format, options);
  const row = (n: string, over: Partial<Record<string, string>> = {}) => {
    const r = {
      student_name: `Student ${n}`,
      student_number: n,
      home_institution: home,
      host_institution: host,
      start_date: '2019-09-01',
      end_date: '2020-02-28',
      level: 'bachelor',
      field: '0413',
      credits: '30',
      grade: 'A',
      agreement: '',
      status: '',
      ...over,
    };
    return Object.values(r).join(',');
  };
  const countOf = async (studentNumberPrefix: string) =>
    (await database.db.select().from(mobilities)).filter((m) =>
      m.studentNumber?.startsWith(studentNumberPrefix),
    ).length;
  const refusedCode = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).details as {
      issues?: { field: string; code: string; params: unknown }[];
    };
  };

  it('imports a right file, by SCHAC and Erasmus code, and the same file again adds nothing', async () => {
    const lines = [
      HEADER,
      row('g-1'),
      row('g-2', { host_institution: 'F GRENOBL55', status: 'interrupted', grade: '' }),
      row('g-3', { agreement: agreementId, credits: '12.5' }),
    ];
    const phases: ImportProgress['phase'][] = [];
    const first = await run(lines, { onProgress: (p) => phases.push(p.phase) });
    expect(first).toMatchObject({
      state: 'applied',
      rows: 3,
      inserted: 3,
      alreadyPresent: 0,
      errorCount: 0,
    });
    expect(phases).toEqual(expect.arrayContaining(['validating', 'applying']));
    const stored = (await database.db.select().from(mobilities)).filter((m) =>
      m.studentNumber?.startsWith('g-'),
    );
    const g2 = stored.find((m) => m.studentNumber === 'g-2');
    expect(g2).toMatchObject({
      homeId: home,
      hostId: host,
      status: 'interrupted',
      grade: null,
      startDate: '2019-09-01',
      endDate: '2020-02-28',
      months: 5.9,
    });
    const g3 = stored.find((m) => m.studentNumber === 'g-3');
    expect(g3).toMatchObject({ agreementId, creditsEarned: 12.5, status: 'completed' });
    const before = await database.db.select().from(mobilities);

    const second = await run(lines);
    expect(second).toMatchObject({ state: 'applied', rows: 3, inserted: 0, alreadyPresent: 3 });
    expect(await database.db.select().from(mobilities)).toEqual(before);
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'mobility.import_history'));
    expect(audited.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rows: 3, inserted: 3, alreadyPresent: 0 }),
        expect.objectContaining({ rows: 3, inserted: 0, alreadyPresent: 3 }),
      ]),
    );
    expect(await stagedCount(database.db)).toBe(0);
  });

  it('refuses a header with a column missing or unknown, naming it', async () => {
    const missing = await refusedCode(
      run([HEADER.replace(',grade', ''), 'x,1,a,b,2020-01-01,2020-02-01,bachelor,0413,1,A,,']),
    );
    expect(missing.issues?.[0]).toMatchObject({
      field: 'file',
      code: 'mobility.import_missing_columns',
      params: { columns: ['grade'] },
    });
    const unknown = await refusedCode(run([HEADER + ',gpa', row('u-1') + ',3.2']));
    expect(unknown.issues?.[0]).toMatchObject({
      code: 'mobility.import_unknown_columns',
      params: { columns: ['gpa'] },
    });
    expect(await countOf('u-')).toBe(0);
  });

  it('names bad dates, unknown institutions, an unknown agreement and duplicate lines; writes nothing', async () => {
    const outcome = await run([
      HEADER,
      row('b-1'),
      row('b-2', { start_date: '2020-02-30' }),
      row('b-3', { end_date: '2019-08-01' }),
      row('b-4', { host_institution: 'nowhere.example.org' }),
      row('b-5', { agreement: '00000000-0000-4000-8000-000000000999' }),
      row('b-1', { student_name: 'Again' }),
      row('b-6', { level: 'postdoc', field: '9999', credits: '-1' }),
    ]);
    expect(outcome.state).toBe('refused');
    expect(outcome.inserted).toBe(0);
    expect(outcome.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'start_date', 'mobility.import_date_invalid'],
      [4, 'end_date', 'mobility.import_end_before_start'],
      [5, 'host_institution', 'mobility.import_institution_unknown'],
      [6, 'agreement', 'mobility.import_agreement_unknown'],
      [7, 'student_number', 'mobility.import_duplicate_row'],
      [8, 'level', 'mobility.import_level_unknown'],
      [8, 'field', 'mobility.import_field_unknown'],
      [8, 'credits', 'mobility.import_credits_invalid'],
    ]);
    expect(outcome.errors.find((e) => e.line === 7)?.params).toEqual({ line: 2 });
    expect(outcome.errorCount).toBe(8);
    expect(await countOf('b-')).toBe(0);
    expect(await stagedCount(database.db)).toBe(0);
  });

  it('names the first 100 errors of many and counts them all', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 250; i++) lines.push(row(`m-${i}`, { start_date: 'someday' }));
    const outcome = await run(lines, { batchSize: 40 });
    expect(outcome.errorCount).toBe(250);
    expect(outcome.errors).toHaveLength(100);
    expect(outcome.errors[0]).toMatchObject({ line: 2, column: 'start_date' });
    expect(outcome.errors[99]).toMatchObject({ line: 101 });
    expect(await countOf('m-')).toBe(0);
  });

  it('refuses rows of an institution the importer does not coordinate', async () => {
    const outcome = await run([HEADER, row('s-1'), row('s-2', { home_institution: other })]);
    expect(outcome.state).toBe('refused');
    expect(outcome.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'home_institution',
        code: 'mobility.import_not_in_scope',
      }),
    ]);
    expect(await countOf('s-')).toBe(0);
  });

  it('refuses someone who coordinates no institution before reading', async () => {
    const stranger = { ...ctx, actor: { id: ctx.actor!.id, platformAdmin: false, roles: [] } };
    const error = await importMobilityHistory(stranger, csv(HEADER, row('x-1')), 'csv').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'forbidden' });
  });

  it('leaves nothing behind when cancelled', async () => {
    const controller = new AbortController();
    const lines = [HEADER];
    for (let i = 0; i < 100; i++) lines.push(row(`c-${i}`));
    const error = await run(lines, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rows >= 30) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCancelled);
    expect(await stagedCount(database.db)).toBe(0);
    expect(await countOf('c-')).toBe(0);
  });

  it('reads the first sheet of an XLSX, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('history');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'Xu Lin',
      'x-1',
      home,
      host,
      new Date(Date.UTC(2018, 3, 1)),
      new Date(Date.UTC(2018, 8, 30)),
      'master',
      '0588',
      20,
      'B+',
      '',
      'completed',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await importMobilityHistory(ctx, Readable.from([bytes]), 'xlsx');
    expect(outcome).toMatchObject({ state: 'applied', inserted: 1 });
    const [stored] = (await database.db.select().from(mobilities)).filter(
      (m) => m.studentNumber === 'x-1',
    );
    expect(stored).toMatchObject({
      startDate: '2018-04-01',
      endDate: '2018-09-30',
      level: 'master',
      creditsEarned: 20,
    });
  });
});

describe.each(ENGINES)('POST /mobility-imports, on %s', (engine) => {
  let t: TestApp;
  let home: string;
  let host: string;
  let coordinator: Session;
  let student: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    home = (await anInstitution(db, { country: 'JP' })).id;
    host = (await anInstitution(db, { country: 'FR' })).id;
    coordinator = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] }),
    );
    student = await signedInAs(t.app, await aUser(db));
  });
  afterAll(() => t.close());

  const BOUNDARY = 'kakehashi-test-boundary';
  const upload = (content: string, as: Session | null, filename = 'history.csv') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/mobility-imports',
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...(as ? asHeaders(as) : {}),
      },
      payload: [
        `--${BOUNDARY}`,
        `Content-Disposition: form-data; name="file"; filename="${filename}"`,
        'Content-Type: text/csv',
        '',
        content,
        `--${BOUNDARY}--`,
        '',
      ].join('\r\n'),
    });
  const line = (n: string, start = '2021-04-01') =>
    `Student ${n},${n},${home},${host},${start},2021-09-30,master,0413,20,B,,completed`;

  /** Polls the job until it has ended. */
  async function ended(id: string, as: Session) {
    for (;;) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/mobility-imports/${id}`,
        headers: asHeaders(as),
      });
      expect(res.statusCode).toBe(200);
      const job = res.json();
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('answers 202 with the job, then its result; the owner alone sees it', async () => {
    const res = await upload([HEADER, line('r-1'), line('r-2')].join('\n'), coordinator);
    expect(res.statusCode).toBe(202);
    const job = await ended(res.json().id, coordinator);
    expect(job).toMatchObject({
      state: 'applied',
      rows: 2,
      result: { rows: 2, inserted: 2, alreadyPresent: 0 },
      errors: [],
    });
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/mobility-imports/${job.id}`,
      headers: asHeaders(student),
    });
    expect(other.statusCode).toBe(404);
  });

  it('reports row errors in the job, nothing written', async () => {
    const res = await upload([HEADER, line('e-1', '2021-13-01')].join('\n'), coordinator);
    expect(res.statusCode).toBe(202);
    const job = await ended(res.json().id, coordinator);
    expect(job).toMatchObject({ state: 'refused', errorCount: 1 });
    expect(job.errors[0]).toMatchObject({
      line: 2,
      column: 'start_date',
      code: 'mobility.import_date_invalid',
    });
  });

  it('refuses a wrong header (400 naming the column), anonymous (401) and non-coordinators (403)', async () => {
    const bad = await upload(HEADER.replace('level,', '') + '\n' + line('h-1'), coordinator);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      field: 'file',
      code: 'mobility.import_missing_columns',
      params: { columns: ['level'] },
    });
    expect((await upload(HEADER, coordinator, 'history.txt')).statusCode).toBe(400);
    expect((await upload(HEADER + '\n' + line('h-2'), null)).statusCode).toBe(401);
    expect((await upload(HEADER + '\n' + line('h-3'), student)).statusCode).toBe(403);
  });
});
