import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectApplication } from '#src/domain/program/application.ts';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// The whole application dossier is editable in the form, with the checks shown at the fields they
// are about (R15 — 003 §6; R16 — 003 §7(2)): the responsible person opens a draft that lacks the
// consultations of §6(3)1) and one member's agreement on the recognition of credits, finds the
// fields from the summary of refused checks, fills them in, saves, and both checks pass.

let e2e: E2E;
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';
const ID = 'dossier-e2e-draft';

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

it('R15, R16: the responsible person fills in the missing items from the checks and they pass', async () => {
  const page = await openPage(e2e, consoleErrors, { ignore: /status of 4\d\d/ });
  await signIn(page, e2e.base, `rep.hokudai@${D}`);

  // A draft of the representative university without consultations (§6(3)1)) and with Altai
  // State University neither signing the agreement nor consenting (R16).
  const me = await page.request.get(`${e2e.base}/api/v1/me`);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const seeded = await page.request.get(
    `${e2e.base}/api/v1/project-applications/draft-hokkaido-niigata-2003`,
  );
  const base = ((await seeded.json()) as { content: ProjectApplication }).content;
  const o = base.outline;
  const content = {
    ...base,
    outline: {
      ...o,
      agreement: {
        ...o.agreement,
        signatories: o.agreement.signatories.filter((s) => s !== 'asu.ru'),
      },
    },
    plan: { ...base.plan, consultations: [] },
  };
  const created = await page.request.post(`${e2e.base}/api/v1/project-applications`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { id: ID, programId: base.programId, content },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`${e2e.base}/applications/${ID}`);
  const summary = page.locator('[data-testid="dossier-summary"]');
  const r15 = summary.locator('li[data-code="program.section_missing"][data-rule="R15"]');
  const r16 = summary.locator('li[data-rule="R16"]');
  await r15.waitFor();
  expect(await r15.getAttribute('data-target')).toBe('plan.consultations');
  expect(await r16.getAttribute('data-code')).toBe('program.consent_missing');
  expect(await r16.textContent()).toContain('Altai State University');

  // The link of the R15 check takes the reader to the consultations, which show the check too.
  await r15.locator('a').click();
  const consultations = page.locator('#dossier-plan-consultations');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
    .toBe('dossier-plan-consultations');
  expect(await consultations.getAttribute('aria-invalid')).toBe('true');
  expect(await consultations.locator('.field-error').first().textContent()).toContain(
    'schedule of consultations',
  );
  await page.screenshot({ path: `${RESULTS_DIR}/dossier-refused.png`, fullPage: false });

  await page.locator('[data-testid="add-plan.consultations"]').click();
  await page.locator('input[name="plan.consultations.0.when"]').fill('2003-06');
  await page.locator('input[name="plan.consultations.0.where.en"]').fill('Sapporo (invented)');
  await page
    .locator('textarea[name="plan.consultations.0.what.en"]')
    .fill('Screening standards and the annual schedule (invented).');

  // R16: the consent row of the member says what is missing, and attaches its consent.
  const consentRow = page.locator('[data-testid="consents"] tr[data-member="asu.ru"]');
  expect(await consentRow.locator('.field-error').textContent()).toContain(
    'Altai State University',
  );
  await page.locator('[data-testid="add-consent-asu.ru"]').click();
  const consentOf = page.locator('select[name$=".kind"]').last();
  expect(await consentOf.inputValue()).toBe('member-consent');
  expect(await page.locator('[data-testid="add-consent-asu.ru"]').count()).toBe(0);
  // Checked at once in the browser on the unsaved draft: the R15 refusal is gone before saving.
  // R16 is judged against the registry's signatures, which only the server reads: its refusal
  // stays until the draft is saved.
  expect(await summary.locator('[data-testid="dossier-summary-status"]').textContent()).toContain(
    'unsaved changes',
  );
  await expect.poll(() => summary.locator('li[data-rule="R15"]').count()).toBe(0);
  expect(await summary.locator('li[data-rule="R16"]').count()).toBe(1);

  await page.locator('[data-testid="save-draft"]').click();
  await expect
    .poll(() => page.locator('[data-testid="save-status"]').textContent())
    .toContain('Draft saved');
  // The server's checks of the saved draft agree: R15 and R16 are no longer refused.
  expect(
    await summary.locator('[data-testid="dossier-summary-status"]').textContent(),
  ).not.toContain('unsaved');
  expect(await summary.locator('li[data-rule="R15"]').count()).toBe(0);
  expect(await summary.locator('li[data-rule="R16"]').count()).toBe(0);
  expect(await consultations.getAttribute('aria-invalid')).toBeNull();
  // The deadline of the 2003 program has passed (R18): still refused, without a field to link.
  const r18 = summary.locator('li[data-rule="R18"]');
  expect(await r18.count()).toBeGreaterThan(0);
  expect(await r18.first().locator('a').count()).toBe(0);
  await page.screenshot({ path: `${RESULTS_DIR}/dossier-saved.png`, fullPage: false });

  // What was saved is there after a reload.
  await page.reload();
  await expect
    .poll(() => page.locator('input[name="plan.consultations.0.where.en"]').inputValue())
    .toBe('Sapporo (invented)');
  const res = await page.request.get(`${e2e.base}/api/v1/project-applications/${ID}`);
  const view = (await res.json()) as {
    content: { attachments: { kind: string; institutionId?: string; consentsTo?: string[] }[] };
  };
  expect(
    view.content.attachments.find(
      (a) => a.kind === 'member-consent' && a.institutionId === 'asu.ru',
    )?.consentsTo,
  ).toEqual(['screening', 'recognition']);
  expect(consoleErrors).toEqual([]);
});
