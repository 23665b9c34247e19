import { describe, expect, it } from 'vitest';
import { AgreementContentSchema, type AgreementState, type Signature } from './agreement.ts';
import {
  callAgreementRefusal,
  chooseAgreement,
  memberThroughout,
  type DatedMembership,
  type DispatchCandidate,
  type DispatchStay,
} from './dispatch.ts';

const content = (over: Record<string, unknown> = {}) =>
  AgreementContentSchema.parse({
    title: 'Japan–Russia consortium exchange',
    validFrom: '2024-04-01',
    validTo: '2030-03-31',
    directions: [
      { from: 'A', levels: ['bachelor', 'master'], fields: [] },
      { from: 'B', levels: ['master'], fields: ['0533'] },
    ],
    ...over,
  });

const sig = (party: 'A' | 'B'): Signature => ({
  party,
  signedOn: '2024-03-01',
  signatory: `Signatory ${party}`,
});

const state = (
  over: {
    status?: AgreementState['status'];
    signed?: ('A' | 'B')[];
    content?: Record<string, unknown>;
  } = {},
): AgreementState => ({
  status: over.status ?? 'active',
  versions: [
    {
      version: 1,
      kind: 'draft',
      content: content(over.content),
      signatures: (over.signed ?? ['A', 'B']).map(sig),
    },
  ],
});

const agreement = (
  id: string,
  partyA: string,
  partyB: string,
  over: Parameters<typeof state>[0] = {},
): DispatchCandidate => ({ id, partyA, partyB, state: state(over) });

const member = (
  consortiumId: string,
  institutionId: string,
  joinedOn = '2010-01-01',
  leftOn: string | null = null,
): DatedMembership => ({ consortiumId, institutionId, joinedOn, leftOn });

const MEMBERS = [member('jp', 'tohoku'), member('ru', 'nsu')];

const stay = (over: Partial<DispatchStay> = {}): DispatchStay => ({
  home: 'tohoku',
  host: 'nsu',
  memberships: MEMBERS,
  level: 'bachelor',
  field: null,
  start: '2027-09-01',
  end: '2028-02-29',
  ...over,
});

const refusalOf = (candidates: DispatchCandidate[], s = stay()) => {
  const v = chooseAgreement(candidates, s);
  if (v.ok) throw new Error('expected a refusal');
  return v.refusal;
};

describe('the agreement a stay is dispatched under (R2, 003 §5(2))', () => {
  it('R2: accepts a consortium agreement signed by both, in force for the whole stay', () => {
    expect(chooseAgreement([agreement('x', 'jp', 'ru')], stay())).toEqual({
      ok: true,
      agreementId: 'x',
      homeParty: 'A',
    });
    // From the other side: party B's direction applies.
    expect(
      chooseAgreement(
        [agreement('x', 'jp', 'ru')],
        stay({ home: 'nsu', host: 'tohoku', level: 'master', field: '0533' }),
      ),
    ).toEqual({ ok: true, agreementId: 'x', homeParty: 'B' });
  });

  it('R2: refuses with none_for_pair when no agreement joins the two', () => {
    expect(refusalOf([])).toEqual({
      rule: 'R2',
      code: 'agreement.none_for_pair',
      params: { start: '2027-09-01', end: '2028-02-29' },
    });
    expect(refusalOf([agreement('x', 'jp', 'other')]).code).toBe('agreement.none_for_pair');
  });

  it('R2: refuses an agreement signed by one side only', () => {
    expect(refusalOf([agreement('x', 'jp', 'ru', { signed: ['A'] })])).toMatchObject({
      rule: 'R2',
      code: 'agreement.not_signed',
      params: { agreement: 'Japan–Russia consortium exchange' },
    });
  });

  it('R2: refuses a terminated agreement', () => {
    expect(refusalOf([agreement('x', 'jp', 'ru', { status: 'terminated' })]).code).toBe(
      'agreement.terminated',
    );
  });

  it('R2: names the termination of the agreement made for the stay’s dates before an agreement of other years', () => {
    const earlier = agreement('old', 'jp', 'ru', {
      content: { validFrom: '2014-10-01', validTo: '2024-03-31' },
    });
    const terminated = agreement('x', 'jp', 'ru', { status: 'terminated' });
    expect(refusalOf([earlier, terminated]).code).toBe('agreement.terminated');
    expect(refusalOf([terminated, earlier]).code).toBe('agreement.terminated');
  });

  it('R2: refuses an agreement that expired before the stay, or ends while it runs', () => {
    const expired = agreement('x', 'jp', 'ru', {
      content: { validFrom: '2014-10-01', validTo: '2024-03-31' },
    });
    expect(refusalOf([expired])).toEqual({
      rule: 'R2',
      code: 'agreement.not_in_force',
      params: {
        agreement: 'Japan–Russia consortium exchange',
        validFrom: '2014-10-01',
        validTo: '2024-03-31',
        start: '2027-09-01',
        end: '2028-02-29',
      },
    });
    const endsMidStay = agreement('x', 'jp', 'ru', { content: { validTo: '2027-12-31' } });
    expect(refusalOf([endsMidStay]).code).toBe('agreement.not_in_force');
    const startsLate = agreement('x', 'jp', 'ru', { content: { validFrom: '2027-10-01' } });
    expect(refusalOf([startsLate]).code).toBe('agreement.not_in_force');
    // The last day of the stay may be the agreement's last day.
    const exact = agreement('x', 'jp', 'ru', {
      content: { validFrom: '2027-09-01', validTo: '2028-02-29' },
    });
    expect(chooseAgreement([exact], stay()).ok).toBe(true);
  });

  it('R2: judges the version in force, not an unsigned amendment', () => {
    const s = state({ content: { validTo: '2027-12-31' } });
    s.versions.push({
      version: 2,
      kind: 'amendment',
      content: content({ validTo: '2031-03-31' }),
      signatures: [sig('A')],
    });
    expect(refusalOf([{ id: 'x', partyA: 'jp', partyB: 'ru', state: s }]).code).toBe(
      'agreement.not_in_force',
    );
    s.versions[1]!.signatures.push(sig('B'));
    expect(chooseAgreement([{ id: 'x', partyA: 'jp', partyB: 'ru', state: s }], stay()).ok).toBe(
      true,
    );
  });

  it('R2: refuses a level the direction from the home side does not name', () => {
    expect(refusalOf([agreement('x', 'jp', 'ru')], stay({ level: 'doctor' }))).toMatchObject({
      code: 'agreement.level_not_covered',
      params: { level: 'doctor', levels: ['bachelor', 'master'] },
    });
    // An unknown level is not held against the stay.
    expect(chooseAgreement([agreement('x', 'jp', 'ru')], stay({ level: 'unspecified' })).ok).toBe(
      true,
    );
  });

  it('R2: refuses a stay from a side without a direction', () => {
    const oneWay = agreement('x', 'jp', 'ru', {
      content: { directions: [{ from: 'B', levels: ['master'] }] },
    });
    expect(refusalOf([oneWay]).code).toBe('agreement.no_direction');
  });

  it('R2: refuses a field outside the named fields; no fields means any field', () => {
    const back = stay({ home: 'nsu', host: 'tohoku', level: 'master', field: '0222' });
    expect(refusalOf([agreement('x', 'jp', 'ru')], back)).toMatchObject({
      code: 'agreement.field_not_covered',
      params: { field: '0222', fields: ['0533'] },
    });
    expect(chooseAgreement([agreement('x', 'jp', 'ru')], stay({ field: '0222' })).ok).toBe(true);
  });

  it('R2: a membership that ends during the stay does not count', () => {
    const leaving = [member('jp', 'tohoku'), member('ru', 'nsu', '2010-01-01', '2028-01-01')];
    expect(refusalOf([agreement('x', 'jp', 'ru')], stay({ memberships: leaving }))).toMatchObject({
      code: 'agreement.membership_not_throughout',
      params: { start: '2027-09-01', end: '2028-02-29' },
    });
    const joiningLate = [member('jp', 'tohoku', '2027-10-01'), member('ru', 'nsu')];
    expect(refusalOf([agreement('x', 'jp', 'ru')], stay({ memberships: joiningLate })).code).toBe(
      'agreement.membership_not_throughout',
    );
    // Leaving the day after the stay ends is in time.
    const after = [member('jp', 'tohoku'), member('ru', 'nsu', '2010-01-01', '2028-03-01')];
    expect(chooseAgreement([agreement('x', 'jp', 'ru')], stay({ memberships: after })).ok).toBe(
      true,
    );
  });

  it('R2: tells why the closest candidate failed, and prefers the institutions’ own agreement', () => {
    const unsigned = agreement('u', 'tohoku', 'nsu', { signed: ['B'] });
    const expired = agreement('e', 'jp', 'ru', { content: { validTo: '2025-03-31' } });
    expect(chooseAgreement([unsigned, expired], stay())).toMatchObject({
      ok: false,
      agreementId: 'e',
      refusal: { code: 'agreement.not_in_force' },
    });
    const direct = agreement('d', 'nsu', 'tohoku');
    const consortia = agreement('c', 'jp', 'ru', { content: { validTo: '2040-03-31' } });
    expect(chooseAgreement([consortia, direct, expired], stay({ level: 'master' }))).toEqual({
      ok: true,
      agreementId: 'd',
      homeParty: 'B',
    });
  });

  it('joins memberships that follow on from each other', () => {
    const split = [
      member('ru', 'nsu', '2010-01-01', '2027-11-01'),
      member('ru', 'nsu', '2027-11-01', null),
    ];
    expect(memberThroughout(split, 'ru', 'nsu', '2027-09-01', '2028-02-29')).toBe(true);
    const gap = [
      member('ru', 'nsu', '2010-01-01', '2027-11-01'),
      member('ru', 'nsu', '2027-11-02', null),
    ];
    expect(memberThroughout(gap, 'ru', 'nsu', '2027-09-01', '2028-02-29')).toBe(false);
  });
});

describe('the agreement a call names (R2)', () => {
  const window = { start: '2028-04-01', end: '2029-03-31' };
  it('R2: carries a call whose stays all fall within it', () => {
    expect(callAgreementRefusal(state(), window)).toBeNull();
  });
  it('R2: refuses an agreement that ends before the last possible return', () => {
    expect(
      callAgreementRefusal(state({ content: { validTo: '2029-03-30' } }), window),
    ).toMatchObject({ rule: 'R2', code: 'agreement.not_in_force', params: { end: '2029-03-31' } });
  });
  it('R2: a call without departure dates needs only an agreement not over when it opens', () => {
    const opens = { start: '2026-01-01', end: '2026-01-01', fromAnyDay: true };
    expect(callAgreementRefusal(state({ content: { validFrom: '2027-04-01' } }), opens)).toBeNull();
    expect(
      callAgreementRefusal(
        state({ content: { validFrom: '2014-10-01', validTo: '2024-03-31' } }),
        opens,
      )?.code,
    ).toBe('agreement.not_in_force');
  });

  it('R2: refuses an agreement signed by one side, or terminated', () => {
    expect(callAgreementRefusal(state({ signed: ['B'] }), window)?.code).toBe(
      'agreement.not_signed',
    );
    expect(callAgreementRefusal(state({ status: 'terminated' }), window)?.code).toBe(
      'agreement.terminated',
    );
  });
});
