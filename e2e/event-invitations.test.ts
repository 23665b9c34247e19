import { afterAll, beforeAll, expect, it } from 'vitest';
import { events } from '#src/db/schema.ts';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// Tohoku's coordinator invites the students of the call they manage to the orientation workshop
// and sees how many were reached, and that nobody is told twice; a student makes a calendar subscription address
// and a calendar application (no cookie) reads it.

let e2e: E2E;
const errors: string[] = [];
const D = 'demo.kakehashi.example';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

it('an organiser invites the students of a call; a student subscribes to their calendar', async () => {
  const rows = await e2e.server.database.db
    .select({ id: events.id, title: events.title })
    .from(events);
  const workshop = rows.find((r) => r.title.en?.startsWith('Pre-departure orientation'))!;
  expect(workshop).toBeDefined();

  const coordinator = await openPage(e2e, errors);
  await signIn(coordinator, e2e.base, `coordinator.tohoku@${D}`);
  await coordinator.goto(`${e2e.base}/events/${workshop.id}/registrations`);
  const section = coordinator.locator('[data-testid="invitations"]');
  await section.waitFor();
  await section.getByLabel('Students of a call').check();
  // The 2015–16 call, whose students applied (the open call of the demo has no applicant yet).
  await section.locator('#invite-call').selectOption('tohoku-jr-2015');
  await section.locator('[data-testid="invite-form"] button[type="submit"]').click();
  const result = section.locator('[data-testid="invite-result"]');
  await result.locator('p').waitFor();
  const text = (await result.textContent()) ?? '';
  const invited = Number(/Invited: (\d+)/.exec(text)?.[1]);
  expect(invited).toBeGreaterThan(0);
  await section.locator('[data-testid="invitations-sent"] tbody tr').first().waitFor();
  expect(await section.locator('[data-testid="invitations-sent"]').textContent()).toContain(
    String(invited),
  );
  // Again: nobody is told twice.
  await section.locator('[data-testid="invite-form"] button[type="submit"]').click();
  await coordinator.waitForFunction(
    (n) =>
      (document.querySelector('[data-testid="invite-result"]')?.textContent ?? '').includes(
        `Invited: 0. Already registered: 0. Invited before: ${n}.`,
      ),
    invited,
  );
  await coordinator.screenshot({ path: `${RESULTS_DIR}/event-invitations.png`, fullPage: true });

  const student = await openPage(e2e, errors);
  await signIn(student, e2e.base, `student.tohoku@${D}`);
  await student.goto(`${e2e.base}/me/events`);
  const card = student.locator('[data-testid="calendar-link"]');
  await card.waitFor();
  await card.getByRole('button', { name: 'Make a subscription address' }).click();
  const address = card.locator('#calendar-link-address');
  await address.waitFor();
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]+\/events\.ics\?lang=en$/);
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await card.getByRole('button', { name: 'Revoke the address' }).click();
  await card.getByRole('button', { name: 'Make a subscription address' }).waitFor();
  expect((await fetch(url)).status).toBe(404);
  expect(errors).toEqual([]);
});
