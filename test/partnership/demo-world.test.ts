/**
 * The demo world's partnerships: Tsukuba–UGA (004) with its five themes and the 2021–2024 plan in
 * preparation, the dual Master's degree, the laboratory with Air Liquide and its 2019 extension,
 * 14 cotutelles since 2018 (counts for visitors, names for Tsukuba's coordinator), visits at
 * Tsukuba Global Science Week; Tohoku's Education Board (000) with its meeting and planned degree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { signInAs } from '#test/support/app.ts';
import { anonymous, type As } from '../events/support.ts';
import {
  cotutelleCountsOf,
  degreeProgrammesOf,
  labsOf,
  strategicPlansOf,
  themesOf,
  visitsOf,
} from '#src/db/queries/partnership.ts';

describe.each(ENGINES)('the demo world’s partnerships on %s', (engine) => {
  let t: TestApp;
  let visitor: As;
  let tsukuba: As;
  beforeAll(async () => {
    t = await createTestApp(engine);
    visitor = anonymous(t.app);
    const s = await signInAs(t.app, 'coordinator.tsukuba@demo.kakehashi.example');
    tsukuba = (method, url, payload) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        ...(payload ? { payload } : {}),
      });
  });
  afterAll(() => t?.close());

  it('shows the partnership since 1997 with five themes and its plan in preparation', async () => {
    const [p] = (await visitor('GET', '/partnerships?institutionId=univ-grenoble-alpes.fr')).json()
      .items;
    expect(p.since.slice(0, 4)).toBe('1997');
    expect(p.themes.map((x: { key: string }) => x.key)).toEqual([
      'smart-cities',
      'art-and-architecture',
      'chemistry-and-physics',
      'energy',
      'risk-and-resilience',
    ]);
    expect(p.plans).toMatchObject([{ status: 'in_preparation', startsOn: '2021-01-01' }]);
  });

  it('shows the laboratory with Air Liquide and the 2019 extension of €250,000', async () => {
    const labs = (await visitor('GET', '/joint-labs?institutionId=airliquide.com')).json().items;
    expect(labs).toHaveLength(1);
    expect(labs[0].fundingInstrument).toBe('Grenoble Unit program');
    expect(labs[0].extensions[0]).toMatchObject({
      amountMinor: 25_000_000,
      currency: 'EUR',
      startsOn: '2020-04-01',
      endsOn: '2023-03-31',
    });
    expect(labs[0].fundedUntil).toBe('2023-03-31');
  });

  it('counts 14 cotutelles since 2018 in progress or defended; names only within scope', async () => {
    const open = (
      await visitor('GET', '/cotutelles?institutionId=tsukuba.ac.jp&since=2018')
    ).json();
    expect(open.counts.total).toBe(14);
    expect(open.counts.defended + open.counts.in_progress).toBe(14);
    expect(open.items).toEqual([]);
    const mine = (await tsukuba('GET', '/cotutelles?institutionId=tsukuba.ac.jp')).json();
    expect(mine.items).toHaveLength(14);
    for (const c of mine.items)
      if (c.status === 'defended') expect(c.defenceOn > c.startsOn).toBe(true);
  });

  it('lists the dual Master’s degree and visits at Tsukuba Global Science Week', async () => {
    const programmes = (
      await visitor('GET', '/degree-programmes?institutionId=tsukuba.ac.jp')
    ).json().items;
    expect(programmes[0]).toMatchObject({ kind: 'dual', level: 'master' });
    const visits = (await tsukuba('GET', '/visits?institutionId=tsukuba.ac.jp')).json();
    const atWeek = visits.items.filter((v: { eventId: string | null }) => v.eventId);
    expect(atWeek.map((v: { role: string }) => v.role).sort()).toEqual([
      'president',
      'vice_president',
    ]);
    const week = (await visitor('GET', `/events/${atWeek[0].eventId}`)).json();
    expect(atWeek[0].startsOn).toBe(week.startsOn);
    expect(visits.items.some((v: { courses: unknown[] }) => v.courses.length > 0)).toBe(true);
  });

  it('shows Tohoku’s Education Board with its meeting and a planned joint degree', async () => {
    const [board] = (await visitor('GET', '/education-boards?institutionId=tohoku.ac.jp')).json()
      .items;
    const full = (await visitor('GET', `/education-boards/${board.id}`)).json();
    expect(full.plannedProgrammes).toMatchObject([{ kind: 'joint', status: 'planned' }]);
    // The meeting is members-only: a visitor does not see it.
    expect(full.meetings).toEqual([]);
  });

  it('answers the profile queries for a set of institutions', async () => {
    const db = t.database.db;
    const ids = ['tsukuba.ac.jp', 'univ-grenoble-alpes.fr'];
    const programmes = await degreeProgrammesOf(db, ids);
    expect(programmes.map((p) => p.kind)).toEqual(['dual']);
    expect(programmes[0]!.cohorts.map((c) => c.intakeYear)).toEqual([2019, 2020, 2021]);
    expect(await cotutelleCountsOf(db, ids, 2018)).toMatchObject({ total: 14 });
    expect(await cotutelleCountsOf(db, ids, 2020)).toMatchObject({ total: 5 });
    const labs = await labsOf(db, ids);
    expect(labs.map((l) => l.kind).sort()).toEqual(['laboratory', 'project']);
    expect((await visitsOf(db, ids)).length).toBe(4);
    expect((await themesOf(db, ids)).map((x) => x.key)).toContain('smart-cities');
    expect(await strategicPlansOf(db, ['tsukuba.ac.jp'])).toMatchObject([
      { status: 'in_preparation', startsOn: '2021-01-01', endsOn: '2024-12-31' },
    ]);
    expect(await degreeProgrammesOf(db, ['kanazawa-u.ac.jp'])).toEqual([]);
  });
});
