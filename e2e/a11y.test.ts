import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import {
  agreements,
  allocationRuns,
  consortia,
  institutions,
  mobilities,
  projectApplications,
  users,
} from '#src/db/schema.ts';
import { DEMO_PASSWORD } from '#test/support/app.ts';
import { SCHEMES } from '#src/web/lib/a11y-options.ts';
import { startE2E, type E2E } from './support.ts';
import { axeContext, axeViolations, describeViolations } from './support-axe.ts';

// Every page of the app, as the demo person who uses it, checked by axe-core against WCAG 2.0,
// 2.1 and 2.2 (A and AA): in the default colours, then in the reading mode in each of its colour
// schemes (source document 001: the mode for visually impaired readers).

let e2e: E2E;
const ids: Record<string, string> = {};

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.server.database.db;
  const first = async <T>(rows: Promise<T[]>): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new Error('the demo world lacks a record this test visits');
    return row;
  };
  ids.agreement = (await first(db.select({ id: agreements.id }).from(agreements).limit(1))).id;
  ids.application = (
    await first(db.select({ id: projectApplications.id }).from(projectApplications).limit(1))
  ).id;
  ids.consortium = (await first(db.select({ id: consortia.id }).from(consortia).limit(1))).id;
  ids.institution = (
    await first(db.select({ id: institutions.id }).from(institutions).limit(1))
  ).id;
  const student = (
    await first(
      db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, 'student.tohoku@demo.kakehashi.example')),
    )
  ).id;
  ids.student = student;
  // The student's own stay at MSU, which the coordinators and the representative also see.
  ids.mobility = (
    await first(
      db
        .select({ id: mobilities.id })
        .from(mobilities)
        .where(and(eq(mobilities.hostId, 'msu.ru'), eq(mobilities.studentUserId, student)))
        .limit(1),
    )
  ).id;
  const [run] = await db.select({ id: allocationRuns.id }).from(allocationRuns).limit(1);
  if (run) ids.run = run.id;
});
afterAll(() => e2e?.close());

/** The pages each demo person opens; `null` signs nobody in. */
function pagesByRole(): [string | null, string[]][] {
  const enc = encodeURIComponent;
  return [
    [
      null,
      [
        '/',
        '/sign-in',
        '/sign-up',
        '/password/forgot',
        '/calls',
        '/calls/tohoku-jr-2027',
        '/programs',
        '/institutions',
        '/consortia',
        '/alumni',
        '/alumni/kanazawa-russian-alumni',
        '/no-such-page',
      ],
    ],
    [
      'student.tohoku',
      [
        '/',
        '/me',
        '/me/profile',
        '/me/applications',
        '/me/notifications',
        '/calls/tohoku-jr-2027',
        '/mobilities',
        `/mobilities/${ids.mobility}`,
        '/recognised-credits',
        '/institutions/msu.ru/courses',
        '/me/alumni',
        '/me/mentors',
        '/alumni/tohoku-russia-alumni',
      ],
    ],
    ['reviewer', ['/', '/calls/tohoku-jr-2027/screening']],
    [
      'coordinator.tohoku',
      [
        '/',
        '/agreements',
        `/agreements/${ids.agreement}`,
        '/applications',
        `/applications/${enc(ids.application!)}`,
        '/calls/new',
        '/calls/tohoku-jr-2027/edit',
        '/calls/tohoku-jr-2027/screening',
        '/mobilities',
        `/mobilities/${ids.mobility}`,
        '/people',
        '/invitations',
        `/students/${ids.student}/record`,
        '/alliances/cic/jukebox',
        '/institutions/tohoku.ac.jp',
        '/alumni/tohoku-russia-alumni',
      ],
    ],
    ['coordinator.nsu', ['/', '/mobilities']],
    ['rep.tohoku', ['/', '/budget', '/payments', `/money/mobilities/${ids.mobility}`]],
    ['rep.hokudai', ['/', '/budget']],
    ['secretariat', ['/', '/applications']],
    ['funder', ['/', '/budget', '/programs/mext-iep-2014', '/applications']],
    [
      'admin',
      [
        '/',
        '/allocation',
        ...(ids.run ? [`/allocation/${ids.run}`] : []),
        '/agreements/new',
        '/import',
        '/admin/identity-providers',
        `/institutions/${enc(ids.institution!)}`,
        `/consortia/${enc(ids.consortium!)}`,
        `/people/${ids.student}`,
      ],
    ],
  ];
}

/** Waits until the page has its heading and nothing is loading any more. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

async function check(page: Page, where: string, found: string[]): Promise<void> {
  // Two frames: layout observers (scrolling tables) re-render after a scheme or font change.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  for (const line of describeViolations(await axeViolations(page))) found.push(`${where}: ${line}`);
}

it('finds no WCAG 2.2 A/AA violation on any page, in the default colours and in every scheme of the reading mode', async () => {
  const found: string[] = [];
  for (const [role, paths] of pagesByRole()) {
    const context = await axeContext(e2e);
    const page = await context.newPage();
    if (role) {
      await page.goto(`${e2e.base}/sign-in`);
      await page.locator('input[name="email"]').fill(`${role}@demo.kakehashi.example`);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(`${e2e.base}/`);
    }
    for (const path of paths) {
      await page.goto(`${e2e.base}${path}`);
      await settled(page);
      const who = role ?? 'signed out';
      await check(page, `${who} ${path}`, found);
      // The reading mode: its switch opens the settings bar; each scheme is one press away.
      await page.locator('[data-testid="a11y-toggle"]').click();
      const bar = page.locator('#a11y-settings');
      await bar.waitFor();
      for (const scheme of SCHEMES) {
        await bar.locator(`.chip-scheme-${scheme}`).click();
        await page.waitForFunction(
          (s) => document.documentElement.classList.contains(`a11y-scheme-${s}`),
          scheme,
        );
        await check(page, `${who} ${path} [reading mode, ${scheme}]`, found);
      }
      await page.locator('[data-testid="a11y-toggle"]').click();
      await bar.waitFor({ state: 'detached' });
    }
    await context.close();
  }
  expect(found).toEqual([]);
}, 900_000);
