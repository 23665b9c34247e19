import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '#src/services/clock.ts';
import { openPage, signIn, startE2E, type E2E } from './support.ts';

// A coordinator nominates a student directly for a bilateral place (R2, R12, R9, R3 checked by
// the server), picking the student and the host by name; the student then sees the nomination.
// Today is 2027-04-01: the student's stay at NSU runs to the end of June 2027, the new one at MSU
// starts in September.

let e2e: E2E;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ clock: fixedClock('2027-04-01T09:00:00Z') });
});
afterAll(async () => {
  await e2e?.close();
});

it('a coordinator nominates a student directly and the student sees the nomination', async () => {
  const coordinator = await openPage(e2e, consoleErrors, { ignore: /status of 4\d\d/ });
  await signIn(coordinator, e2e.base, 'coordinator.tohoku@demo.kakehashi.example');
  await coordinator.goto(`${e2e.base}/mobilities`);
  await coordinator.locator('[data-testid="open-nominate"]').click();
  const form = coordinator.locator('[data-testid="nominate-form"]');
  await form.waitFor();

  // A start already past is refused with the reason, nothing is nominated.
  const student = form.locator('select[name="student"]');
  const sakura = await student
    .locator('option', { hasText: 'Sakura Student' })
    .getAttribute('value');
  expect(sakura).toBeTruthy();
  await student.selectOption(sakura!);
  await expect.poll(() => form.textContent()).toContain('Bachelor');
  const hostOption = form.locator('select[name="host"] option', {
    hasText: 'Lomonosov Moscow State University',
  });
  await form.locator('select[name="host"]').selectOption((await hostOption.getAttribute('value'))!);
  await form.locator('input[data-date-input="startDate"]').fill('2027-03-01');
  await form.locator('input[name="months"]').fill('6');
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => form.locator('[role="alert"]').textContent()).toMatch(/has passed/);

  await form.locator('input[data-date-input="startDate"]').fill('2027-09-01');
  await form.locator('button[type="submit"]').click();
  await coordinator.waitForURL(/\/mobilities\/[0-9a-f-]{36}$/);
  const id = coordinator.url().split('/').pop()!;
  const page = coordinator.locator('[data-testid="mobility-page"]');
  await page.waitFor();
  expect(await page.getAttribute('data-state')).toBe('nominated');

  // A new mobility has no learning agreement yet: its page reads that as a 404.
  const studentPage = await openPage(e2e, consoleErrors, { ignore: /status of 404/ });
  await signIn(studentPage, e2e.base, 'student.tohoku@demo.kakehashi.example');
  await studentPage.goto(`${e2e.base}/mobilities`);
  await studentPage.locator(`a[href="/mobilities/${id}"]`).click();
  await studentPage.locator('[data-testid="mobility-page"]').waitFor();
  expect(
    await studentPage.locator('[data-testid="mobility-page"]').getAttribute('data-state'),
  ).toBe('nominated');
  expect(await studentPage.locator('[data-testid="mobility-page"]').textContent()).toContain(
    'Moscow',
  );
  expect(consoleErrors).toEqual([]);
});
