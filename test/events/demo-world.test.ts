/**
 * The demo world's events: the association's congress series with its rotation and Niigata
 * suggested next (001), Russian Week 2021's three days in four languages with the event's zone
 * (002), and the signing ceremony linked to the liaison office it created (002).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { anonymous, type As } from './support.ts';

describe.each(ENGINES)('the demo world’s events on %s', (engine) => {
  let t: TestApp;
  let visitor: As;
  beforeAll(async () => {
    t = await createTestApp(engine);
    visitor = anonymous(t.app);
  });
  afterAll(() => t?.close());

  const find = async (q: string) => {
    const items = (await visitor('GET', `/events?q=${encodeURIComponent(q)}`)).json().items;
    return items as { id: string; kind: string; seriesId: string | null; title: { en?: string } }[];
  };

  it('shows the congress series alternating Japan and Russia, and suggests Niigata next', async () => {
    const series = (await visitor('GET', '/event-series')).json().items;
    const congress = series.find((s: { title: { en: string } }) =>
      s.title.en.startsWith('Congress of the Association'),
    );
    expect(congress.rotation).toEqual({ countries: ['JP', 'RU'], minMonths: 18, maxMonths: 24 });
    const archive = (await visitor('GET', `/event-series/${congress.id}`)).json();
    expect(archive.editions.map((e: { city: string }) => e.city)).toEqual(['Sapporo', 'Moscow']);
    expect(archive.nextHost).toMatchObject({ country: 'JP', hostId: 'niigata-u.ac.jp' });
    expect(archive.nextHost.hostName.ja).toBeTruthy();
  });

  it('shows Russian Week 2021 over three days in four languages, in Tokyo’s zone', async () => {
    const [week] = (await find('Russian Week 2021')).filter((e) => e.kind === 'symposium');
    const event = (await visitor('GET', `/events/${week!.id}`)).json();
    expect(Object.keys(event.title).sort()).toEqual(['en', 'fr', 'ja', 'ru']);
    expect([...new Set(event.sessions.map((s: { day: string }) => s.day))]).toEqual([
      '2021-09-29',
      '2021-09-30',
      '2021-10-01',
    ]);
    const keynote = event.sessions
      .flatMap((s: { contributions: { kind: string }[] }) => s.contributions)
      .find((c: { kind: string }) => c.kind === 'keynote');
    expect(keynote.title.en).toBe('Russia’s Sustainable Lifestyle Dacha');
    expect(keynote.videoUrl).toBe('https://rutenkai.w3.kanazawa-u.ac.jp/');
    const opening = event.sessions[0];
    expect(opening).toMatchObject({ timeZone: 'Asia/Tokyo', localStart: '10:00' });
    expect(opening.startsAt).toBe('2021-09-29T01:00:00.000Z');
    // The online symposia's links are not shown to visitors.
    expect(event.sessions.filter((s: { online: boolean }) => s.online)).toHaveLength(4);
    expect(event.sessions.every((s: { onlineUrl: string | null }) => s.onlineUrl === null)).toBe(
      true,
    );
  });

  it('links the signing ceremony to the Irkutsk liaison office it created', async () => {
    const [ceremony] = (await find('Irkutsk Liaison Office')).filter(
      (e) => e.kind === 'ceremony_signing',
    );
    const event = (await visitor('GET', `/events/${ceremony!.id}`)).json();
    expect(event.liaisonOffice).toMatchObject({
      institutionId: 'kanazawa-u.ac.jp',
      name: { en: 'Kanazawa University Irkutsk Liaison Office' },
    });
    const minutes = (
      await visitor('GET', `/event-sessions/${event.sessions[0].id}/minutes`)
    ).json();
    expect(minutes.items[0].locked).toBe(true);
  });
});
