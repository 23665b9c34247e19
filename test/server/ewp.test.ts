/**
 * EWP files through HTTP: a coordinator downloads an agreement, a mobility, its learning agreement
 * and its transcript as XML that validates against the official schemas; a stranger and an
 * anonymous caller are refused; a record lacking a mandatory field answers 422 naming the field;
 * a partner's official example is previewed and applied through the import routes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertDetails } from '#src/db/queries/ewp.ts';
import type { MobilityEwpDetails } from '#src/domain/ewp/details.ts';
import { ewpSpecsDir, validateEwp, type EwpKind } from '#src/interop/ewp/schemas.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  aMobility,
  aSignedLearningAgreement,
  aStudentUser,
  aTranscript,
  aUser,
  anAgreement,
  anInstitution,
  asHeaders,
  signedInAs,
} from '#test/factories/index.ts';
import { ENGINES } from '#test/support/db.ts';

const dir = ewpSpecsDir();
if (!dir) console.log('EWP specifications folder not found: the EWP schema tests are skipped');

const DETAILS: MobilityEwpDetails = {
  iscedCode: '0533',
  languageSkill: { language: 'fr', cefrLevel: 'B2' },
  sendingContact: { givenNames: 'Hanako', familyName: 'Sato', email: 'intl@tsukuba.example' },
  receivingContact: { givenNames: 'Claire', familyName: 'Martin', email: 'intl@uga.example' },
};

describe.each(ENGINES)('EWP files through HTTP, on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let stranger: Session;
  let student: Session;
  let otherStudent: Session;
  let agreementId: string;
  let mobilityId: string;
  let bareMobilityId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const home = await anInstitution(db, { country: 'JP' });
    const host = await anInstitution(db, { country: 'FR', website: 'https://host.example' });
    const elsewhere = await anInstitution(db, { country: 'DE' });
    for (const [id, country] of [
      ['uw.edu.pl', 'PL'],
      ['hibo.no', 'NO'],
      ['uio.no', 'NO'],
    ] as const) {
      await anInstitution(db, { id, country, website: `https://${id}` });
    }
    agreementId = (
      await anAgreement(db, {
        partyA: { type: 'institution', id: home.id },
        partyB: { type: 'institution', id: host.id },
      })
    ).id;
    const studentUser = await aStudentUser(db);
    const m = await aMobility(db, {
      home,
      host,
      agreement: { id: agreementId },
      studentName: 'Taro Yamada',
      studentUserId: studentUser.id,
      status: 'transcript_issued',
    });
    mobilityId = m.id;
    const components = [
      { id: 'c1', hostCode: 'PHY-301', homeCode: 'P301' },
      { id: 'c2', hostCode: 'PHY-302', homeCode: null },
    ];
    await aSignedLearningAgreement(db, m, components);
    await aTranscript(db, m.id, components);
    await upsertDetails(db, 'mobility', m.id, DETAILS, null);
    const bare = await aMobility(db, { home, host, agreement: { id: agreementId } });
    await aSignedLearningAgreement(db, bare, components);
    bareMobilityId = bare.id;
    coordinator = await signedInAs(
      t.app,
      await aUser(db, {
        roles: [
          { role: 'coordinator', scopeId: home.id },
          { role: 'coordinator', scopeId: 'uw.edu.pl' },
          { role: 'coordinator', scopeId: 'hibo.no' },
        ],
      }),
    );
    stranger = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: elsewhere.id }] }),
    );
    student = await signedInAs(t.app, studentUser);
    otherStudent = await signedInAs(t.app, await aStudentUser(db));
  });
  afterAll(() => t?.close());

  const get = (s: Session | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s ? asHeaders(s) : {} });
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: asHeaders(s), ...(payload ? { payload } : {}) });

  // A mobility is not revealed to whom may not read it (404, as its page); an agreement is public,
  // its EWP file is for its coordinators (403).
  const files: [string, () => string, EwpKind, number][] = [
    ['an agreement', () => `/api/v1/agreements/${agreementId}/ewp.xml`, 'iias', 403],
    ['a mobility', () => `/api/v1/mobilities/${mobilityId}/ewp.xml`, 'omobilities', 404],
    [
      'a learning agreement',
      () => `/api/v1/mobilities/${mobilityId}/learning-agreement/ewp.xml`,
      'las',
      404,
    ],
    ['a transcript', () => `/api/v1/mobilities/${mobilityId}/transcript/ewp.xml`, 'elmo', 404],
  ];

  describe.skipIf(!dir)('downloads validate against the official schemas', () => {
    it.each(files)('%s', async (_, url, kind) => {
      const res = await get(coordinator, url());
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xml"/);
      expect(await validateEwp(res.body, kind, dir!)).toEqual({ valid: true });
    });
  });

  it.each(files)(
    '%s: refused to a stranger and to an anonymous caller',
    async (_, url, __, refused) => {
      expect((await get(stranger, url())).statusCode).toBe(refused);
      expect((await get(null, url())).statusCode).toBe(401);
    },
  );

  it('a student downloads their own mobility, not another’s', async () => {
    expect((await get(student, `/api/v1/mobilities/${mobilityId}/ewp.xml`)).statusCode).toBe(200);
    expect((await get(otherStudent, `/api/v1/mobilities/${mobilityId}/ewp.xml`)).statusCode).toBe(
      404,
    );
  });

  it('a learning agreement lacking its contacts answers 422, naming each missing field', async () => {
    const res = await get(
      coordinator,
      `/api/v1/mobilities/${bareMobilityId}/learning-agreement/ewp.xml`,
    );
    expect(res.statusCode).toBe(422);
    const refusals = res.json().error.details.refusals as {
      code: string;
      params: { field: string };
    }[];
    expect(refusals.every((r) => r.code === 'ewp.missing_field')).toBe(true);
    expect(refusals.map((r) => r.params.field)).toEqual(
      expect.arrayContaining(['sending-hei.contact-person.given-names', 'isced-f-code']),
    );
  });

  it('a mobility without a transcript answers 404 for its transcript', async () => {
    const res = await get(coordinator, `/api/v1/mobilities/${bareMobilityId}/transcript/ewp.xml`);
    expect(res.statusCode).toBe(404);
  });

  describe.skipIf(!dir)('imports', () => {
    const example = (path: string) => readFileSync(join(dir!, path), 'utf8');

    it('an official IIA example: previewed, read back, confirmed', async () => {
      const created = await post(coordinator, '/api/v1/ewp/imports', {
        fileName: 'iia.xml',
        content: example('iias/v7/examples/get-response-example.xml'),
      });
      expect(created.statusCode).toBe(201);
      const preview = created.json();
      expect(preview).toMatchObject({
        kind: 'iias',
        status: 'preview',
        fileName: 'iia.xml',
        unknownInstitutions: [],
        blockers: [],
      });
      expect((await get(stranger, `/api/v1/ewp/imports/${preview.id}`)).statusCode).toBe(403);
      expect((await get(coordinator, `/api/v1/ewp/imports/${preview.id}`)).json().id).toBe(
        preview.id,
      );
      const applied = await post(coordinator, `/api/v1/ewp/imports/${preview.id}/confirm`);
      expect(applied.statusCode).toBe(200);
      expect(applied.json().status).toBe('applied');
      // Closed: neither confirmed again nor discarded.
      expect(
        (await post(coordinator, `/api/v1/ewp/imports/${preview.id}/discard`)).statusCode,
      ).toBe(409);
    });

    it('a file naming an unknown institution: the preview says which, and cannot be applied', async () => {
      const content = example('iias/v7/examples/get-response-example.xml').replaceAll(
        'hibo.no',
        'unknown.example.no',
      );
      const preview = (await post(coordinator, '/api/v1/ewp/imports', { content })).json();
      expect(preview.unknownInstitutions).toEqual(['unknown.example.no']);
      const refused = await post(coordinator, `/api/v1/ewp/imports/${preview.id}/confirm`);
      expect(refused.statusCode).toBe(422);
      const discarded = await post(coordinator, `/api/v1/ewp/imports/${preview.id}/discard`);
      expect(discarded.json().status).toBe('discarded');
    });

    it('an unsafe file is refused before anything is stored', async () => {
      const res = await post(coordinator, '/api/v1/ewp/imports', {
        content: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.refusals[0].code).toBe('ewp.dtd_forbidden');
    });
  });
});
