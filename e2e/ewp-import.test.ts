import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ewpSpecsDir } from '../src/interop/ewp/schemas.ts';
import { RESULTS_DIR, openPage, signIn, startE2E, type E2E } from './support.ts';

// A coordinator of Tohoku imports EWP files through the import page: an agreement with a partner
// not in the registry is shown with that institution and cannot be applied; our
// own mobility sent back as a partner's copy is previewed and applied on confirmation.

const dir = ewpSpecsDir();
if (!dir) console.log('EWP specifications folder not found: the EWP import page test is skipped');

let e2e: E2E;
const consoleErrors: string[] = [];
const D = 'demo.kakehashi.example';

describe.skipIf(!dir)('the EWP import page', () => {
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('shows unknown institutions and blocks applying; applies a known mobility on confirmation', async () => {
    const page = await openPage(e2e, consoleErrors);
    await signIn(page, e2e.base, `coordinator.tohoku@${D}`);
    await page.getByRole('link', { name: 'EWP import' }).first().click();
    await page.waitForURL(`${e2e.base}/ewp/import`);

    await page.locator('#ewp-file').setInputFiles({
      name: 'iia.xml',
      mimeType: 'application/xml',
      // The official example, between Tohoku and a partner we do not know.
      buffer: Buffer.from(
        readFileSync(join(dir!, 'iias/v7/examples/get-response-example.xml'), 'utf8').replaceAll(
          'uw.edu.pl',
          'tohoku.ac.jp',
        ),
      ),
    });
    await page.getByTestId('ewp-read-file').click();
    await page.getByTestId('ewp-preview').waitFor();
    expect(await page.getByTestId('ewp-kind').textContent()).toBe('Inter-institutional agreements');
    await expect.poll(() => page.getByTestId('ewp-unknown').textContent()).toContain('hibo.no');
    expect(await page.getByTestId('ewp-confirm').isDisabled()).toBe(true);
    await page.screenshot({ path: `${RESULTS_DIR}/ewp-import-unknown.png`, fullPage: true });
    await page.getByTestId('ewp-discard').click();
    await expect.poll(() => page.getByTestId('ewp-done').textContent()).toContain('discarded');

    // Our own mobility as a partner would send it back: kept beside ours on confirmation.
    const list = await (await page.request.get(`${e2e.base}/api/v1/mobilities`)).json();
    const ids: string[] = (list.items as { id: string }[]).map((m) => m.id);
    let xml: string | null = null;
    for (const id of ids) {
      const res = await page.request.get(`${e2e.base}/api/v1/mobilities/${id}/ewp.xml`);
      if (res.ok()) {
        xml = await res.text();
        break;
      }
    }
    expect(xml).not.toBeNull();
    await page.reload();
    await page.locator('#ewp-file').setInputFiles({
      name: 'omobility.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(xml!),
    });
    await page.getByTestId('ewp-read-file').click();
    await page.getByTestId('ewp-preview').waitFor();
    expect(await page.getByTestId('ewp-kind').textContent()).toBe('Outgoing mobilities');
    expect(await page.getByTestId('ewp-unknown').count()).toBe(0);
    await page.getByTestId('ewp-confirm').click();
    await expect
      .poll(() => page.getByTestId('ewp-done').textContent())
      .toBe('The file was imported.');
    await page.screenshot({ path: `${RESULTS_DIR}/ewp-import-applied.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('a learning agreement lacking what EWP requires: the page names the missing field', async () => {
    const errors: string[] = [];
    const page = await openPage(e2e, errors, { ignore: /422|Unprocessable/ });
    await signIn(page, e2e.base, `coordinator.tohoku@${D}`);
    const list = await (await page.request.get(`${e2e.base}/api/v1/mobilities`)).json();
    let refused: string | null = null;
    for (const { id } of list.items as { id: string }[]) {
      const res = await page.request.get(
        `${e2e.base}/api/v1/mobilities/${id}/learning-agreement/ewp.xml`,
      );
      if (res.status() === 422) {
        refused = id;
        break;
      }
    }
    expect(refused).not.toBeNull();
    await page.goto(`${e2e.base}/mobilities/${refused}`);
    await page.getByRole('button', { name: 'Learning agreement (EWP XML)' }).click();
    const alert = page.getByTestId('ewp-downloads').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Erasmus Without Paper requires');
    await page.screenshot({ path: `${RESULTS_DIR}/ewp-download-refused.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
