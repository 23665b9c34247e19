/** The demo world's publications: imported from the invented file, counted from the records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationCounts, publicationsOfInstitutions } from '#src/db/queries/research.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

describe.each(ENGINES)('the demo world’s publications, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t?.close());

  it('holds invented Tsukuba–Grenoble co-publications for 2017–2021, with real ROR ids', async () => {
    const scope = { institutionIds: ['tsukuba.ac.jp', 'univ-grenoble-alpes.fr'] };
    const co = await publicationsOfInstitutions(t.database.db, scope);
    expect(co.length).toBeGreaterThanOrEqual(30);
    expect(co.every((p) => p.invented && p.doi?.startsWith('10.5555/'))).toBe(true);
    const counts = await publicationCounts(t.database.db, {
      ...scope,
      fromYear: 2017,
      toYear: 2021,
    });
    expect(counts.coPublications.perYear.map((y) => y.year)).toEqual([
      2017, 2018, 2019, 2020, 2021,
    ]);
    expect(counts.coPublications.perTheme.map((x) => x.theme).sort()).toEqual([
      'art-and-architecture',
      'chemistry-and-physics',
      'energy',
      'risk-and-resilience',
      'smart-cities',
    ]);
    const ror = await t.app.inject({ method: 'GET', url: '/api/v1/identifiers/02rx3b187' });
    expect(ror.json().institution.id).toBe('univ-grenoble-alpes.fr');
  });
});
