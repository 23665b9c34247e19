/** The demo agreements' ids by their key in DEMO_AGREEMENTS (demo-exchanges.ts). */
export type DemoAgreementIds = ReadonlyMap<string, string>;

/** The id of a demo agreement by its key; the demo is built in one piece, so a missing one is a bug. */
export function demoAgreementId(ids: DemoAgreementIds, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`the demo agreement ${key} is missing`);
  return id;
}
