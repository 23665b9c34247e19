import { describe, expect, it } from 'vitest';
import { EwpParamError, academicYear, ids, modifiedSince, single } from './params.ts';

describe('EWP request parameters', () => {
  it('reads modified_since as xs:dateTime, UTC without a zone', () => {
    expect(modifiedSince({ modified_since: '2004-02-12T15:19:21+01:00' })?.toISOString()).toBe(
      '2004-02-12T14:19:21.000Z',
    );
    expect(modifiedSince({ modified_since: '2004-02-12T15:19:21' })?.toISOString()).toBe(
      '2004-02-12T15:19:21.000Z',
    );
    expect(modifiedSince({})).toBeUndefined();
    expect(() => modifiedSince({ modified_since: '2004-02-12' })).toThrow(EwpParamError);
    expect(() => modifiedSince({ modified_since: ['a', 'b'] })).toThrow(/not repeatable/);
  });

  it('reads an academic year to cover an April and a September start', () => {
    expect(academicYear('2026/2027')).toEqual({ from: '2026-04-01', to: '2027-08-31' });
    expect(academicYear('2026/2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(() => academicYear('2026/2028')).toThrow(EwpParamError);
    expect(() => academicYear('2026-2027')).toThrow(EwpParamError);
  });

  it('requires ids and holds them to the announced maximum', () => {
    expect(ids({ iia_id: 'a' }, 'iia_id', 2)).toEqual(['a']);
    expect(() => ids({}, 'iia_id', 2)).toThrow(/required/);
    expect(() => ids({ iia_id: ['a', 'b', 'c'] }, 'iia_id', 2)).toThrow(/at most 2/);
    expect(() => single({}, 'sending_hei_id', true)).toThrow(/required/);
  });
});
