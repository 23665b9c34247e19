/**
 * Publications imported through preview and confirm: nothing written before confirming, all or
 * nothing after, each work once; who may import; identifiers refused naming their field; lookups
 * and counts computed from the records.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, institutions, publications } from '#src/db/schema.ts';
import { publicationCounts, publicationsOfInstitutions } from '#src/db/queries/research.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { aStudentUser, aUser, anInstitution, signedInAs } from '#test/factories/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe.each(ENGINES)('publication imports, on %s', (engine) => {
  let t: TestApp;
  let tsukuba: string;
  let grenoble: string;
  let as: Record<'coordinator' | 'other' | 'student', Session>;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    tsukuba = (
      await anInstitution(db, {
        name: 'University of Tsukuba',
        names: { en: 'University of Tsukuba', ja: '筑波大学' },
      })
    ).id;
    grenoble = (
      await anInstitution(db, {
        country: 'FR',
        name: 'Université Grenoble Alpes',
        names: { fr: 'Université Grenoble Alpes', en: 'Grenoble Alpes University' },
      })
    ).id;
    await db.update(institutions).set({ ror: '02956yf07' }).where(eq(institutions.id, tsukuba));
    await db.update(institutions).set({ ror: '02rx3b187' }).where(eq(institutions.id, grenoble));
    const coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: tsukuba }] });
    const other = await aUser(db, { roles: [{ role: 'coordinator', scopeId: grenoble }] });
    const student = await aStudentUser(db);
    as = {
      coordinator: await signedInAs(t.app, coordinator),
      other: await signedInAs(t.app, other),
      student: await signedInAs(t.app, student),
    };
  });
  afterAll(() => t?.close());

  const send = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });
  const countPublications = async () =>
    (await t.database.db.select({ id: publications.id }).from(publications)).length;
  const preview = (s: Session | null, content: string, institutionId = tsukuba) =>
    send(s, 'POST', '/publication-imports', { institutionId, fileName: 'sample.bib', content });

  it('previews a file in three groups and writes no publication until confirmed', async () => {
    const res = await preview(as.coordinator, fixture('sample.bib'));
    expect(res.statusCode).toBe(201);
    const batch = res.json();
    expect(batch.status).toBe('previewed');
    expect(batch.preview.good.map((g: { line: number }) => g.line)).toEqual([4, 16]);
    expect(batch.preview.duplicates).toHaveLength(2);
    expect(
      batch.preview.broken.map((b: { line: number; code: string }) => [b.line, b.code]),
    ).toEqual([
      [32, 'research.entry_unreadable'],
      [37, 'research.no_year'],
      [42, 'research.doi_invalid'],
    ]);
    // Affiliations matched to the registry (by ROR in the text, by name in any language).
    expect(
      batch.preview.good[0].authors.map(
        (a: { matchedInstitutionId: string }) => a.matchedInstitutionId,
      ),
    ).toEqual([tsukuba, grenoble, grenoble]);
    expect(await countPublications()).toBe(0);

    // Someone else's batch is not theirs to see or apply.
    expect((await send(as.other, 'GET', `/publication-imports/${batch.id}`)).statusCode).toBe(404);
    expect(
      (await send(as.other, 'POST', `/publication-imports/${batch.id}/confirm`)).statusCode,
    ).toBe(404);
    expect(await countPublications()).toBe(0);

    const confirmed = await send(
      as.coordinator,
      'POST',
      `/publication-imports/${batch.id}/confirm`,
    );
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'applied', added: 2 });
    expect(await countPublications()).toBe(2);
    const again = await send(as.coordinator, 'POST', `/publication-imports/${batch.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0].code).toBe('research.batch_closed');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'publication.import'));
    expect(entry?.resourceId).toBe(batch.id);
  });

  it('adds nothing when the same file is imported again', async () => {
    const res = await preview(as.coordinator, fixture('sample.bib'));
    const batch = res.json();
    expect(batch.preview.good).toEqual([]);
    expect(
      batch.preview.duplicates.map((d: { entry: { line: number }; code: string }) => [
        d.entry.line,
        d.code,
      ]),
    ).toEqual([
      [4, 'research.duplicate_existing'],
      [16, 'research.duplicate_existing'],
      [24, 'research.duplicate_existing'],
      [50, 'research.duplicate_existing'],
    ]);
    const confirmed = await send(
      as.coordinator,
      'POST',
      `/publication-imports/${batch.id}/confirm`,
    );
    expect(confirmed.json().added).toBe(0);
    expect(await countPublications()).toBe(2);
  });

  it('imports the other formats, each work once across files', async () => {
    for (const [file, added] of [
      ['sample.ris', 2],
      ['sample-csl.json', 1],
      ['crossref-work.json', 1],
      ['crossref-list.json', 1],
      ['openalex-works.json', 1],
    ] as const) {
      const batch = (await preview(as.coordinator, fixture(file))).json();
      const res = await send(as.coordinator, 'POST', `/publication-imports/${batch.id}/confirm`);
      expect([file, res.json().added]).toEqual([file, added]);
    }
    expect(await countPublications()).toBe(8);
  });

  it('lists, filters and counts publications from the records', async () => {
    const all = (await send(null, 'GET', '/publications')).json();
    expect(all.total).toBe(8);
    expect(all.facets.years).toEqual([2021, 2020, 2019, 2018, 2017]);
    const energy = (await send(null, 'GET', '/publications?theme=energy')).json();
    expect(energy.items.map((p: { year: number }) => p.year)).toEqual([2021, 2020, 2018]);
    const search = (
      await send(null, 'GET', `/publications?q=${encodeURIComponent('Иван')}`)
    ).json();
    expect(search.items).toHaveLength(1);

    const counts = await publicationCounts(t.database.db, {
      institutionIds: [tsukuba, grenoble],
      fromYear: 2018,
      toYear: 2021,
    });
    // Co-publications: an author matched to each (2018 BibTeX and Crossref, 2020 RIS, 2021 OpenAlex).
    expect(counts.coPublications.perYear).toEqual([
      { year: 2018, n: 2 },
      { year: 2020, n: 1 },
      { year: 2021, n: 1 },
    ]);
    expect(counts.coPublications.perTheme).toContainEqual({ theme: 'energy', n: 3 });
    const co = await publicationsOfInstitutions(t.database.db, {
      institutionIds: [tsukuba, grenoble],
    });
    expect(co.map((p) => p.year)).toEqual([2021, 2020, 2018, 2018]);
    const viaApi = await send(
      null,
      'GET',
      `/publications/counts?institutions=${tsukuba},${grenoble}`,
    );
    expect(viaApi.json().coPublications.total).toBe(4);
  });

  it('refuses imports to students and to coordinators of another institution', async () => {
    expect((await preview(as.student, fixture('sample.bib'))).statusCode).toBe(403);
    expect((await preview(as.other, fixture('sample.bib'), tsukuba)).statusCode).toBe(403);
    expect((await preview(null, fixture('sample.bib'))).statusCode).toBe(401);
    const unreadable = await preview(as.coordinator, 'just some words');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.details.issues[0]).toMatchObject({
      field: 'body.content',
      code: 'research.format_unknown',
    });
  });

  it('refuses invalid identifiers naming the field, and looks valid ones up', async () => {
    const bad = await send(as.coordinator, 'PATCH', `/institutions/${tsukuba}`, {
      ror: '02956yf08',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      field: 'body.ror',
      code: 'registry.ror_invalid',
    });
    const good = await send(as.coordinator, 'PATCH', `/institutions/${tsukuba}`, {
      ror: 'https://ror.org/02956yf07',
      pic: '999999999',
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().identifiers).toEqual({
      ror: '02956yf07',
      erasmusCode: null,
      pic: '999999999',
    });
    const taken = await send(as.other, 'PATCH', `/institutions/${grenoble}`, { pic: '999999999' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.refusals[0]).toMatchObject({
      code: 'registry.identifier_taken',
      field: 'body.pic',
    });

    const orcid = await send(as.student, 'PUT', '/me/orcid', { orcid: '0000-0002-1825-0098' });
    expect(orcid.statusCode).toBe(400);
    expect(orcid.json().error.details.issues[0]).toMatchObject({
      field: 'body.orcid',
      code: 'registry.orcid_invalid',
    });
    expect(
      (
        await send(as.student, 'PUT', '/me/orcid', {
          orcid: 'https://orcid.org/0000-0002-1825-0097',
        })
      ).json(),
    ).toEqual({ orcid: '0000-0002-1825-0097' });

    const ror = (await send(null, 'GET', '/identifiers/02956yf07')).json();
    expect(ror).toMatchObject({ kind: 'ror', institution: { id: tsukuba } });
    const doi = (
      await send(
        null,
        'GET',
        `/identifiers/${encodeURIComponent('https://doi.org/10.5555/TSK.2018.001')}`,
      )
    ).json();
    expect(doi).toMatchObject({ kind: 'doi', publication: { year: 2018 } });
    // The person behind an ORCID iD is shown to themself only; their publications to anyone.
    const anonymous = (await send(null, 'GET', '/identifiers/0000-0002-1825-0097')).json();
    expect(anonymous.person).toBeNull();
    expect(anonymous.publications.length).toBeGreaterThan(0);
    const own = (await send(as.student, 'GET', '/identifiers/0000-0002-1825-0097')).json();
    expect(own.person).not.toBeNull();
    expect((await send(null, 'GET', '/identifiers/10.5555%2Fnothing')).statusCode).toBe(404);
    expect((await send(null, 'GET', '/identifiers/%3F%3F')).statusCode).toBe(400);
  });
});
