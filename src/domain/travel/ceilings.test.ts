import { describe, expect, it } from 'vitest';
import { checkFare, distanceBandOf, fareCeilingsOf, DEFAULT_FARE_CEILINGS } from './index.ts';

describe('fare ceilings (R13, 003 §3(3))', () => {
  it('R13: the demo programs use the documented default table; unknown programs too', () => {
    expect(fareCeilingsOf('mext-iep-2014')).toBe(DEFAULT_FARE_CEILINGS);
    expect(fareCeilingsOf('unknown')).toBe(DEFAULT_FARE_CEILINGS);
    expect(fareCeilingsOf(null)).toBe(DEFAULT_FARE_CEILINGS);
  });

  it('R13: Sendai–Novosibirsk (about 4,670 km) is in the 4000–7999 km band; above its ceiling only with the funder officer’s approval', () => {
    const band = distanceBandOf(4672, DEFAULT_FARE_CEILINGS)!;
    expect(band.id).toBe('4000-7999');
    const quote = {
      amountJpy: band.ceilingJpy + 1,
      distanceKm: 4672,
      cabin: 'economy',
      roundTrip: true,
    } as const;
    const refused = checkFare(quote, DEFAULT_FARE_CEILINGS);
    expect(refused.ok).toBe(false);
    const approved = checkFare(
      {
        ...quote,
        approval: {
          approverRole: 'funder_officer',
          approvedBy: 'f',
          reason: 'r',
          maxAmountJpy: quote.amountJpy,
        },
      },
      DEFAULT_FARE_CEILINGS,
    );
    expect(approved).toMatchObject({ ok: true, approvedAboveCeiling: true });
  });
});
