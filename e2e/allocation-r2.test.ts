import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock } from '#src/services/clock.ts';
import {
  FACTORY_PASSWORD,
  aConsortium,
  anAdmin,
  anAgreement,
  anInstitution,
} from '#test/factories/index.ts';
import { openPage, startE2E, type E2E } from './support.ts';

// R2, 003 §5(2): an administrator publishes an allocation whose pair holds only an agreement that
// expired before the stays; the form refuses a start date that has passed, and the server's
// refusal lists each student by name with the reason. Nothing is published.

let e2e: E2E;
let page: Page;
let email: string;
let instance: object;
const consoleErrors: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ seed: false, clock: fixedClock('2027-04-01T09:00:00Z') });
  const db = e2e.server.database.db;
  const home = await anInstitution(db, { country: 'JP', name: 'Sendai Test University' });
  const host = await anInstitution(db, { country: 'RU', name: 'Novosibirsk Test University' });
  const japan = await aConsortium(db, { side: 'JP', members: [home] });
  const russia = await aConsortium(db, { side: 'RU', members: [host] });
  await anAgreement(db, {
    partyA: { type: 'consortium', id: japan.id },
    partyB: { type: 'consortium', id: russia.id },
    content: {
      title: 'Expired exchange agreement',
      validFrom: '2014-10-01',
      validTo: '2024-03-31',
    },
  });
  email = (await anAdmin(db)).email;
  instance = {
    format: 'kakehashi-allocation/1',
    rules: {
      balanceScope: 'none',
      balanceUnit: 'students',
      tolerance: 0,
      fundedMonthsCap: null,
      yenCap: null,
      stipendPerMonth: 100000,
    },
    universities: [
      { id: home.id, side: 'JP', consortium: japan.id, importCap: null, exportCap: null },
      { id: host.id, side: 'RU', consortium: russia.id, importCap: null, exportCap: null },
    ],
    agreements: [{ from: home.id, to: host.id, slots: 1, monthsCap: null }],
    students: [
      {
        id: 'jp-1',
        home: home.id,
        score: 3.9,
        months: 6,
        funded: true,
        travelCost: 140000,
        prefs: [host.id],
      },
    ],
  };
  // The refused publication is logged by the browser as a failed request.
  page = await openPage(e2e, consoleErrors, { ignore: /422/ });
});
afterAll(() => e2e?.close());

it('R2: publishing under an expired agreement is refused, naming the student and the reason', async () => {
  await page.goto(`${e2e.base}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(FACTORY_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(`${e2e.base}/`);

  await page.goto(`${e2e.base}/allocation`);
  const form = page.locator('[data-testid="allocation-new"]');
  await form.waitFor();
  await form.locator('input[name="source"][value="paste"]').check();
  await form.locator('textarea[name="instance"]').fill(JSON.stringify(instance));
  await form.locator('[data-testid="allocation-run"]').click();
  await page.waitForURL(/\/allocation\/[0-9a-f-]{36}$/);

  const publish = page.locator('[data-testid="allocation-publish"]');
  await publish.waitFor();
  // A day that has passed is not offered.
  await publish.locator('input[data-date-input="startDate"]').fill('01/09/2016');
  await publish.locator('[data-testid="allocation-publish-start"]').click();
  await expect
    .poll(() => publish.locator('.field-error').textContent())
    .toBe('Choose today or a later day.');
  expect(await page.locator('[data-testid="allocation-publish-confirm"]').count()).toBe(0);

  await publish.locator('input[data-date-input="startDate"]').fill('01/09/2027');
  await publish.locator('[data-testid="allocation-publish-start"]').click();
  await page.locator('[data-testid="allocation-publish-confirm-yes"]').click();
  const refused = page.locator('[data-testid="allocation-publish-error"]');
  await refused.waitFor();
  const students = refused.locator('[data-testid="allocation-refused-students"] > li');
  expect(await students.count()).toBe(1);
  const text = (await students.first().innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('jp-1 (Sendai Test University → Novosibirsk Test University)');
  expect(text).toContain('R2');
  expect(text).toContain(
    'The agreement “Expired exchange agreement” is in force from 1 October 2014 to 31 March 2024',
  );
  expect(
    await students.first().locator('[data-testid="refusals"] li').getAttribute('data-code'),
  ).toBe('agreement.not_in_force');
  // Nothing was published: the form is still offered.
  expect(await page.locator('[data-testid="allocation-published"]').count()).toBe(0);
  expect(consoleErrors).toEqual([]);
});
