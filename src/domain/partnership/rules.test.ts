import { describe, expect, it } from 'vitest';
import {
  cotutelleCounts,
  cotutelleProblems,
  fundedUntil,
  fundingTotals,
  isCurrency,
  labProblems,
  labTimeline,
  partnershipProblems,
  planProblems,
  programmeProblems,
  visitProblems,
} from './rules.ts';
import { PARTNERSHIP_CODES as C } from './refusal-codes.ts';

const fields = (rs: { code: string; field?: string }[]) => rs.map((r) => [r.code, r.field]);

describe('degree programme checks', () => {
  const base = {
    partners: [{ institutionId: 'a' }, { institutionId: 'b' }],
    field: '0533',
    split: [
      { institutionId: 'a', semesters: [1, 2], credits: 60 },
      { institutionId: 'b', semesters: [3, 4], credits: 60 },
    ],
    startsOn: '2020-04-01',
    endsOn: '2030-03-31',
  };
  it('accepts a sound programme', () => expect(programmeProblems(base)).toEqual([]));
  it('refuses an end before the start, naming the field', () =>
    expect(fields(programmeProblems({ ...base, endsOn: '2019-01-01' }))).toEqual([
      [C.endsBeforeStarts, 'endsOn'],
    ]));
  it('refuses negative credits, a partner named twice and a field that is not ISCED-F', () =>
    expect(
      fields(
        programmeProblems({
          ...base,
          field: '9999',
          partners: [{ institutionId: 'a' }, { institutionId: 'a' }],
          split: [{ institutionId: 'a', semesters: [1], credits: -5 }],
        }),
      ),
    ).toEqual([
      [C.tooFewPartners, 'partners'],
      [C.partnersNotDistinct, 'partners.1.institutionId'],
      [C.notIscedField, 'field'],
      [C.negativeCredits, 'split.0.credits'],
    ]));
  it('refuses a split at an institution that is not a partner', () =>
    expect(
      fields(
        programmeProblems({ ...base, split: [{ institutionId: 'c', semesters: [1], credits: 1 }] }),
      ),
    ).toEqual([[C.splitNotPartner, 'split.0.institutionId']]));
});

describe('cotutelle checks', () => {
  const base = {
    candidate: { guestName: 'A. Candidate' },
    supervisors: [{ userId: '00000000-0000-4000-8000-000000000001' }],
    startsOn: '2019-10-01',
    status: 'in_progress' as const,
  };
  const today = '2024-01-01';
  it('accepts one in progress without a defence', () =>
    expect(cotutelleProblems(base, today)).toEqual([]));
  it('refuses a defence before the start', () =>
    expect(fields(cotutelleProblems({ ...base, defenceOn: '2019-01-01' }, today))).toEqual([
      [C.defenceBeforeStart, 'defenceOn'],
    ]));
  it('refuses defended without a defence date', () =>
    expect(fields(cotutelleProblems({ ...base, status: 'defended' }, today))).toEqual([
      [C.defendedWithoutDate, 'defenceOn'],
    ]));
  it('refuses defended with a defence date still to come', () =>
    expect(
      fields(cotutelleProblems({ ...base, status: 'defended', defenceOn: '2024-06-01' }, today)),
    ).toEqual([[C.defenceInFuture, 'defenceOn']]));
  it('accepts a planned defence date for one in progress', () =>
    expect(cotutelleProblems({ ...base, defenceOn: '2024-06-01' }, today)).toEqual([]));
  it('refuses a candidate who is neither an account nor named', () =>
    expect(fields(cotutelleProblems({ ...base, candidate: {} }, today))).toEqual([
      [C.personMissing, 'candidate'],
    ]));
  it('counts by status, since a year', () => {
    const rows = [
      { status: 'defended' as const, startsOn: '2017-04-01' },
      { status: 'defended' as const, startsOn: '2018-04-01' },
      { status: 'in_progress' as const, startsOn: '2020-10-01' },
      { status: 'abandoned' as const, startsOn: '2021-04-01' },
    ];
    expect(cotutelleCounts(rows)).toEqual({
      planned: 0,
      in_progress: 1,
      defended: 2,
      abandoned: 1,
      total: 4,
    });
    expect(cotutelleCounts(rows, 2018)).toMatchObject({ defended: 1, total: 3 });
  });
});

describe('joint laboratories', () => {
  const lab = {
    partnerIds: ['tsukuba.ac.jp', 'univ-grenoble-alpes.fr', 'airliquide.com'],
    funding: { amountMinor: 20_000_000, currency: 'EUR' },
    startsOn: '2017-04-01',
    endsOn: '2020-03-31',
    extensions: [
      {
        amountMinor: 25_000_000,
        currency: 'EUR',
        decidedOn: '2019-07-01',
        startsOn: '2020-04-01',
        endsOn: '2023-03-31',
        note: {},
      },
    ],
  };
  it('accepts the Grenoble Unit funding with its 2019 extension', () =>
    expect(labProblems(lab)).toEqual([]));
  it('refuses a period ending before it starts and an unknown currency, naming the fields', () =>
    expect(
      fields(
        labProblems({
          ...lab,
          endsOn: '2016-01-01',
          extensions: [{ ...lab.extensions[0]!, currency: 'XYZ', endsOn: '2020-01-01' }],
        }),
      ),
    ).toEqual([
      [C.endsBeforeStarts, 'endsOn'],
      [C.unknownCurrency, 'extensions.0.currency'],
      [C.endsBeforeStarts, 'extensions.0.endsOn'],
    ]));
  it('knows ISO 4217 codes', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('JPY')).toBe(true);
    expect(isCurrency('EURO')).toBe(false);
  });
  it('lists the dated happenings in order', () =>
    expect(labTimeline(lab).map((e) => [e.on, e.kind])).toEqual([
      ['2017-04-01', 'started'],
      ['2019-07-01', 'extension_decided'],
      ['2020-03-31', 'ended'],
      ['2020-04-01', 'extension_started'],
      ['2023-03-31', 'extension_ended'],
    ]));
  it('is funded until the last extension ends, with totals per currency', () => {
    expect(fundedUntil(lab)).toBe('2023-03-31');
    expect(fundingTotals({ funding: lab.funding, extensions: lab.extensions })).toEqual([
      { currency: 'EUR', amountMinor: 45_000_000 },
    ]);
  });
});

describe('visits, partnerships and plans', () => {
  it('refuses a visit ending before it starts and a visitor without a name', () =>
    expect(
      fields(visitProblems({ visitor: {}, startsOn: '2023-09-25', endsOn: '2023-09-20' })),
    ).toEqual([
      [C.personMissing, 'visitor'],
      [C.endsBeforeStarts, 'endsOn'],
    ]));
  it('refuses a theme key given twice', () =>
    expect(
      fields(
        partnershipProblems({
          institutionIds: ['a', 'b'],
          themes: [
            { key: 'energy', label: { en: 'Energy' } },
            { key: 'energy', label: { en: 'Energy' } },
          ],
        }),
      ),
    ).toEqual([[C.themeRepeated, 'themes.1.key']]));
  it('accepts only http(s) links for a plan', () => {
    expect(
      fields(planProblems({ startsOn: '2021-04-01', endsOn: '2024-03-31', fileUrl: 'ftp://x/y' })),
    ).toEqual([[C.linkNotHttp, 'fileUrl']]);
    expect(
      planProblems({ startsOn: '2021-04-01', endsOn: '2024-03-31', fileUrl: 'https://x.fr/p.pdf' }),
    ).toEqual([]);
  });
});
