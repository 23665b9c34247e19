/**
 * The payer of a Zengin transfer file: the representative university's own account (R8 — 003
 * §5(8), §6(2)3), §7(1)). The schema has no table for a university's bank account yet, so the
 * demo's is here, INVENTED (bank code 9999 does not exist; the kana name says 架空 "invented").
 * A representative university without an entry gets a placeholder marked the same way.
 */
import type { ZenginRequester } from '#src/interop/zengin/index.ts';

const INVENTED: Record<string, ZenginRequester> = {
  'tohoku.ac.jp': {
    code: '0000012345',
    name: 'ｶｸｳ ﾄｳﾎｸﾀﾞｲｶﾞｸ',
    bankCode: '9999',
    bankName: 'ｶｸｳｷﾞﾝｺｳ',
    branchCode: '001',
    branchName: 'ｾﾝﾀﾞｲ',
    accountType: 'ordinary',
    accountNumber: '1234567',
  },
};

export function requesterFor(representativeId: string): ZenginRequester {
  return (
    INVENTED[representativeId] ?? {
      code: '0000000001',
      name: 'ｶｸｳ ﾀﾞｲﾋｮｳﾀﾞｲｶﾞｸ',
      bankCode: '9999',
      bankName: 'ｶｸｳｷﾞﾝｺｳ',
      branchCode: '001',
      branchName: 'ﾎﾝﾃﾝ',
      accountType: 'ordinary',
      accountNumber: '0000001',
    }
  );
}
