/**
 * R8 (003 §5(8), §6(2)3), §7(1)): the representative university pays from its own account, the
 * requester of the Zengin transfer file. Without a payer account on file, the export is refused
 * with a code naming the university — never a file with an account made up in its place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { paymentBatches, payerAccounts } from '#src/db/schema.ts';
import { parseZenginFile } from '#src/interop/zengin/index.ts';

const CONSORTIUM = 'tohoku-jr-japan';
const REPRESENTATIVE = 'tohoku.ac.jp';

describe.each(ENGINES)('the payer account of a Zengin export on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let batchId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    const [batch] = await t.database.db
      .select({ id: paymentBatches.id })
      .from(paymentBatches)
      .where(eq(paymentBatches.consortiumId, CONSORTIUM));
    batchId = batch!.id;
  });
  afterAll(() => t.close());

  const exportZengin = () =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/payment-batches/${batchId}/export.zengin`,
      headers: { cookie: rep.cookie, 'x-csrf-token': rep.csrfToken },
    });

  it('R8: the file names the representative university’s account on file as its requester', async () => {
    const res = await exportZengin();
    expect(res.statusCode).toBe(200);
    const [account] = await t.database.db
      .select()
      .from(payerAccounts)
      .where(eq(payerAccounts.institutionId, REPRESENTATIVE));
    const file = parseZenginFile(res.rawPayload);
    expect(file.requester.code).toBe(account!.requesterCode);
    expect(file.requester.accountNumber).toBe(account!.accountNumber);
  });

  it('R8: without a payer account of the representative university, the export is refused naming it', async () => {
    await t.database.db
      .delete(payerAccounts)
      .where(eq(payerAccounts.institutionId, REPRESENTATIVE));
    const res = await exportZengin();
    expect(res.statusCode).toBe(409);
    const refusals = res.json().error.details.refusals;
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ code: 'scholarship.no_payer_account', rule: 'R8' });
    // The university by its name, not its id.
    expect(Object.keys(refusals[0].params.representative).length).toBeGreaterThan(0);
    expect(Object.values(refusals[0].params.representative)).not.toContain(REPRESENTATIVE);
  });
});
