import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { aConsortium, aUser, anAdmin, anInstitution, signedInAs } from '#test/factories/index.ts';

const CSV_GOOD = `id,name,names.ru,type,country,city,latitude,longitude
tsu.ru,Tomsk State University,Томский государственный университет,university,RU,Tomsk,56.47,84.95
nsu.ru,Novosibirsk State University,Новосибирский государственный университет,university,RU,Novosibirsk,54.84,83.09
`;
const CSV_BAD = CSV_GOOD + `kfu,Kazan Something,,castle,RU,Kazan,,\n`;

describe.each(ENGINES)('registry, write side, on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let tohoku: Session;
  let secretariat: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    // The institutions these tests name: Tohoku and NSU (the import updates it), and ASU, a member
    // of the association whose secretariat edits it.
    const tohokuId = (
      await anInstitution(db, {
        id: 'tohoku.ac.jp',
        name: 'Tohoku University',
        names: { en: 'Tohoku University', ja: '東北大学' },
      })
    ).id;
    await anInstitution(db, { id: 'nsu.ru', country: 'RU' });
    const asu = await anInstitution(db, { id: 'asu.ru', country: 'RU' });
    const association = await aConsortium(db, { kind: 'association', side: null, members: [asu] });
    admin = await signedInAs(t.app, await anAdmin(db));
    tohoku = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: tohokuId }] }),
    );
    secretariat = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'secretariat', scopeId: association }] }),
    );
  });
  afterAll(() => t.close());

  const send = (
    s: Session | null,
    method: 'POST' | 'PATCH' | 'GET',
    url: string,
    payload?: string | object | Buffer,
    type?: string,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers: {
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}),
        ...(type ? { 'content-type': type } : {}),
      },
    });

  it('a coordinator edits their own institution only', async () => {
    const own = await send(tohoku, 'PATCH', '/api/v1/institutions/tohoku.ac.jp', {
      city: 'Sendai, Miyagi',
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().city).toBe('Sendai, Miyagi');
    const other = await send(tohoku, 'PATCH', '/api/v1/institutions/nsu.ru', { city: 'X' });
    expect(other.statusCode).toBe(403);
    const bad = await send(tohoku, 'PATCH', '/api/v1/institutions/tohoku.ac.jp', { latitude: 123 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.latitude');
  });

  it('the secretariat edits a member of its association', async () => {
    const res = await send(secretariat, 'PATCH', '/api/v1/institutions/asu.ru', {
      website: 'https://www.asu.ru/',
    });
    expect(res.statusCode).toBe(200);
  });

  it('adds an institution by its SCHAC code and organisational units', async () => {
    const created = await send(tohoku, 'POST', '/api/v1/institutions', {
      id: 'Hiroshima-U.ac.jp',
      name: 'Hiroshima University',
      type: 'university',
      country: 'jp',
      city: 'Higashihiroshima',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'hiroshima-u.ac.jp', country: 'JP' });
    const dup = await send(tohoku, 'POST', '/api/v1/institutions', {
      id: 'tohoku.ac.jp',
      name: 'Tohoku',
      type: 'university',
      country: 'JP',
      city: 'Sendai',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.refusals).toEqual([
      {
        code: 'registry.id_taken',
        params: { name: expect.objectContaining({ ja: '東北大学' }) },
        field: 'body.id',
      },
    ]);
    const badCode = await send(tohoku, 'POST', '/api/v1/institutions', {
      id: 'not a domain',
      name: 'X',
      type: 'university',
      country: 'JPN',
      city: 'Sendai',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.id', code: 'registry.not_schac_code' }),
        expect.objectContaining({ field: 'body.country', code: 'registry.not_country_code' }),
      ]),
    );
    // Whoever added an institution keeps its record up to date, but does not speak for it in
    // its memberships: that stays with its own coordinators.
    expect(created.json().may).toEqual({ edit: true, addUnit: true, join: false });
    expect((await send(tohoku, 'GET', '/api/v1/institutions/tohoku.ac.jp')).json().may).toEqual({
      edit: true,
      addUnit: true,
      join: true,
    });
    expect((await send(null, 'GET', '/api/v1/institutions/tohoku.ac.jp')).json().may).toEqual({
      edit: false,
      addUnit: false,
      join: false,
    });
    const unit = await send(tohoku, 'POST', '/api/v1/institutions/tohoku.ac.jp/units', {
      kind: 'graduate_school',
      name: 'Graduate School of Science',
      names: { ja: '大学院理学研究科' },
    });
    expect(unit.statusCode).toBe(201);
    const units = (await send(null, 'GET', '/api/v1/institutions/tohoku.ac.jp/units')).json();
    expect(units.items[0]).toMatchObject({
      kind: 'graduate_school',
      names: { ja: '大学院理学研究科' },
    });
  });

  it('an import with one bad row writes nothing and reports that row; the corrected file imports', async () => {
    const bad = await send(admin, 'POST', '/api/v1/import/institutions', CSV_BAD, 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors).toEqual([
      {
        line: 4,
        field: 'id',
        code: 'registry.not_schac_code',
        params: {},
        message: 'not a SCHAC code: use the internet domain, e.g. tohoku.ac.jp',
      },
      {
        line: 4,
        field: 'type',
        code: 'invalid_value',
        params: expect.objectContaining({ values: expect.arrayContaining(['university']) }),
        message: expect.any(String),
      },
    ]);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      field: 'file[4].id',
      code: 'registry.not_schac_code',
    });
    expect((await send(null, 'GET', '/api/v1/institutions/tsu.ru')).statusCode).toBe(404);

    const dry = await send(
      admin,
      'POST',
      '/api/v1/import/institutions?dryRun=true',
      CSV_GOOD,
      'text/csv',
    );
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1, updated: 1 });
    expect((await send(null, 'GET', '/api/v1/institutions/tsu.ru')).statusCode).toBe(404);

    const good = await send(admin, 'POST', '/api/v1/import/institutions', CSV_GOOD, 'text/csv');
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ rows: 2, created: 1, updated: 1, errors: [] });
    expect((await send(null, 'GET', '/api/v1/institutions/tsu.ru')).json().names.ru).toBe(
      'Томский государственный университет',
    );
  });

  it('a coordinator may not overwrite another institution through an import', async () => {
    const res = await send(tohoku, 'POST', '/api/v1/import/institutions', CSV_GOOD, 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/may not edit/);
    expect(res.json().error.details.errors[0]).toMatchObject({
      field: 'id',
      code: 'registry.import_not_editable',
      params: { name: expect.objectContaining({ en: expect.any(String) }) },
    });
  });
});

// Exports and memberships read the association of source document 001 (27 members a side):
// the demo world on purpose.
describe.each(ENGINES)('registry, exports and memberships of the demo world, on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let tohoku: Session;
  let secretariat: Session;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await signInAs(t.app, 'admin@demo.kakehashi.example');
    tohoku = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
    secretariat = await signInAs(t.app, 'secretariat@demo.kakehashi.example');
  });
  afterAll(() => t.close());

  const send = (
    s: Session | null,
    method: 'POST' | 'PATCH' | 'GET',
    url: string,
    payload?: string | object | Buffer,
    type?: string,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers: {
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {}),
        ...(type ? { 'content-type': type } : {}),
      },
    });

  it('exports CSV and XLSX that import back', async () => {
    const csv = await send(null, 'GET', '/api/v1/export/institutions.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('東北大学');
    const xlsx = await send(null, 'GET', '/api/v1/export/institutions.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).text).toBe('id');
    const back = await send(
      admin,
      'POST',
      '/api/v1/import/institutions?dryRun=true',
      xlsx.rawPayload,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(back.statusCode).toBe(200);
    expect(back.json().created).toBe(0);
    const members = await send(null, 'GET', '/api/v1/consortia/ajru/members.csv');
    expect(members.body.split('\n').filter(Boolean)).toHaveLength(1 + 54);
  });

  it('a membership proposed by the association takes effect when the university accepts', async () => {
    const proposed = await send(secretariat, 'POST', '/api/v1/consortia/ajru/members', {
      institutionId: 'tohoku.ac.jp',
      joinedOn: '2020-04-01',
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      proposedBy: 'consortium',
      institutionName: expect.objectContaining({ ja: '東北大学' }),
      may: { accept: false, decline: false, withdraw: true },
    });
    // Not yet a member: the secretariat gains nothing over Tohoku's registry record.
    const early = await send(secretariat, 'PATCH', '/api/v1/institutions/tohoku.ac.jp', {
      city: 'X',
    });
    expect(early.statusCode).toBe(403);
    const again = await send(secretariat, 'POST', '/api/v1/consortia/ajru/members', {
      institutionId: 'tohoku.ac.jp',
      joinedOn: '2020-04-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0].code).toBe('registry.already_proposed');
    const id = proposed.json().id as string;
    const selfAccept = await send(
      secretariat,
      'POST',
      `/api/v1/consortia/ajru/proposals/${id}/accept`,
    );
    expect(selfAccept.statusCode).toBe(403);
    expect(selfAccept.json().error.details.refusals[0].code).toBe(
      'registry.proposal_needs_other_side',
    );
    const outsider = await signInAs(t.app, 'coordinator.nsu@demo.kakehashi.example');
    expect(
      (await send(outsider, 'POST', `/api/v1/consortia/ajru/proposals/${id}/accept`)).statusCode,
    ).toBe(404);
    const seen = (await send(tohoku, 'GET', '/api/v1/institutions/tohoku.ac.jp')).json();
    expect(seen.proposals).toEqual([
      expect.objectContaining({ id, may: { accept: true, decline: true, withdraw: false } }),
    ]);
    const accepted = await send(tohoku, 'POST', `/api/v1/consortia/ajru/proposals/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const closed = await send(tohoku, 'POST', `/api/v1/consortia/ajru/proposals/${id}/decline`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.details.refusals[0].code).toBe('registry.proposal_closed');
  });

  it('membership changes over time, audited', async () => {
    const twice = await send(secretariat, 'POST', '/api/v1/consortia/ajru/members', {
      institutionId: 'tohoku.ac.jp',
      joinedOn: '2020-05-01',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.refusals[0]).toMatchObject({
      code: 'registry.already_member',
      params: { since: '2020-04-01', institution: expect.objectContaining({ ja: '東北大学' }) },
    });
    const early = await send(
      secretariat,
      'POST',
      '/api/v1/consortia/ajru/members/tohoku.ac.jp/leave',
      { leftOn: '2019-03-31' },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({
      field: 'body.leftOn',
      code: 'registry.left_before_joined',
      params: { joinedOn: '2020-04-01' },
    });
    expect((await send(secretariat, 'GET', '/api/v1/consortia/ajru')).json().may).toEqual({
      editMembers: true,
      propose: true,
    });
    expect((await send(secretariat, 'GET', '/api/v1/consortia/cic')).json().may).toEqual({
      editMembers: false,
      propose: false,
    });
    const leave = await send(
      secretariat,
      'POST',
      '/api/v1/consortia/ajru/members/tohoku.ac.jp/leave',
      { leftOn: '2022-03-31' },
    );
    expect(leave.statusCode).toBe(204);
    const in2021 = (await send(null, 'GET', '/api/v1/consortia/ajru?at=2021-01-01')).json();
    expect(in2021.memberCountBySide.JP).toBe(28);
    const in2023 = (await send(null, 'GET', '/api/v1/consortia/ajru?at=2023-01-01')).json();
    expect(in2023.memberCountBySide.JP).toBe(27);
    const notTheirs = await send(secretariat, 'POST', '/api/v1/consortia/cic/members', {
      institutionId: 'nsu.ru',
      joinedOn: '2020-01-01',
    });
    expect(notTheirs.statusCode).toBe(403);
  });

  it('a university proposes itself; the consortium side accepts or declines', async () => {
    const nsu = await signInAs(t.app, 'coordinator.nsu@demo.kakehashi.example');
    const asked = await send(nsu, 'POST', '/api/v1/consortia/cic/members', {
      institutionId: 'nsu.ru',
      joinedOn: '2026-04-01',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ proposedBy: 'institution', status: 'proposed' });
    const id = asked.json().id as string;
    // Proposing another university is not the coordinator's to do.
    const forOther = await send(nsu, 'POST', '/api/v1/consortia/cic/members', {
      institutionId: 'tohoku.ac.jp',
      joinedOn: '2026-04-01',
    });
    expect(forOther.statusCode).toBe(403);
    const declined = await send(admin, 'POST', `/api/v1/consortia/cic/proposals/${id}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(declined.json().status).toBe('declined');
    const cic = (await send(null, 'GET', '/api/v1/consortia/cic')).json();
    expect(cic.members.map((m: { institution: { id: string } }) => m.institution.id)).not.toContain(
      'nsu.ru',
    );
    const again = await send(nsu, 'POST', '/api/v1/consortia/cic/members', {
      institutionId: 'nsu.ru',
      joinedOn: '2026-04-01',
    });
    const withdrawn = await send(
      nsu,
      'POST',
      `/api/v1/consortia/cic/proposals/${again.json().id}/withdraw`,
    );
    expect(withdrawn.json().status).toBe('withdrawn');
  });
});
