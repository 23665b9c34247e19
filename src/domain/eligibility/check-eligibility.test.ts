import { describe, expect, it } from 'vitest';
import { checkEligibility } from './check-eligibility.ts';
import { addMonths } from './dates.ts';
import { cefrAtLeast, meetsLanguageRequirements } from './cefr.ts';
import { validateRanking } from './ranking.ts';
import { REASON_CODES, REASONS } from './reason-messages.ts';
import { REFUSAL_CODES } from '../calls/refusal-codes.ts';
import {
  eligibilityCallSchema,
  eligibilityRulesSchema,
  eligibilityStudentSchema,
  type EligibilityCall,
  type EligibilityRules,
  type EligibilityStudent,
} from './types.ts';

// The MEXT pilot's rules as program data (003 §5(3), §3(2)2), §2(2)).
const rules: EligibilityRules = {
  targetedLevels: ['bachelor', 'master', 'doctor'],
  stayMonths: { min: 3, max: 12 },
  exchangeStudent: { dispatchedFromCountries: ['JP'], excludedResidenceStatuses: ['student'] },
  enrolmentStatuses: ['enrolled'],
};

const since = (institutionId: string, joinedOn = '2020-04-01', leftOn: string | null = null) => ({
  institutionId,
  joinedOn,
  leftOn,
});

// A two-way call between a Japanese and a Russian consortium (invented demo data).
const call: EligibilityCall = {
  id: 'call-2027',
  opens: '2027-01-10',
  closes: '2027-02-28',
  departureWindow: { from: '2027-09-01', to: '2027-10-15' },
  stayMonths: null,
  sendingConsortia: [
    {
      id: 'jp-east',
      members: [
        since('tohoku.ac.jp'),
        since('kanazawa-u.ac.jp'),
        since('tsukuba.ac.jp', '2028-04-01'),
      ],
    },
    {
      id: 'ru-sib',
      members: [since('nsu.ru'), since('msu.ru'), since('dvfu.ru', '2015-04-01', '2026-04-01')],
    },
  ],
  hosts: [
    {
      institutionId: 'nsu.ru',
      consortiumId: 'ru-sib',
      places: [
        { level: 'bachelor', count: 2 },
        { level: 'master', count: 1 },
      ],
      languageRequirements: [
        { language: 'ru', minLevel: 'B1' },
        { language: 'en', minLevel: 'B2' },
      ],
    },
    {
      institutionId: 'msu.ru',
      consortiumId: 'ru-sib',
      places: [{ level: 'master', count: 2 }],
      languageRequirements: [{ language: 'ru', minLevel: 'B2' }],
    },
    {
      institutionId: 'tohoku.ac.jp',
      consortiumId: 'jp-east',
      places: [{ level: 'bachelor', count: 2 }],
      languageRequirements: [],
    },
  ],
  maxRankedHosts: 3,
};

const taro: EligibilityStudent = {
  id: 's-taro',
  home: { institutionId: 'tohoku.ac.jp', country: 'JP' },
  level: 'bachelor',
  enrolment: { status: 'enrolled', until: '2029-03-31' },
  residenceStatus: null,
  languages: [
    { language: 'en', level: 'B2' },
    { language: 'ru', level: 'A2' },
  ],
  requestedMonths: 10,
  ranking: ['nsu.ru'],
};

const today = '2027-02-01';
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('checkEligibility', () => {
  it('accepts a Japanese student of a member university who meets every rule', () => {
    const r = checkEligibility(taro, call, rules, today);
    expect(r).toMatchObject({ eligible: true, reasons: [], eligibleHosts: ['nsu.ru'] });
    expect(r.funding).toEqual({ entitled: true, reasons: [] });
  });

  it('R9: a foreign student on a Table 1 status is refused', () => {
    const li = { ...taro, id: 's-li', residenceStatus: 'student' };
    const r = checkEligibility(li, call, rules, today);
    expect(r.eligible).toBe(false);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatchObject({
      rule: 'R9',
      code: 'calls.table1_student_residence_status',
      params: { status: 'student' },
    });
    expect(r.reasons[0]?.message).toContain('Table 1');
    expect(r.funding?.entitled).toBe(false);
  });

  it('R9: a foreign national with a non-Table-1 status (permanent resident) is entitled', () => {
    const r = checkEligibility(
      { ...taro, residenceStatus: 'permanent_resident' },
      call,
      rules,
      today,
    );
    expect(r.eligible).toBe(true);
    expect(r.funding?.entitled).toBe(true);
  });

  it('R9: the excluded statuses are program data, not literals', () => {
    const older = {
      ...rules,
      exchangeStudent: {
        dispatchedFromCountries: ['JP'],
        excludedResidenceStatuses: ['student', 'pre_college_student'],
      },
    };
    const r = checkEligibility(
      { ...taro, residenceStatus: 'pre_college_student' },
      call,
      older,
      today,
    );
    expect(codes(r)).toEqual(['calls.table1_student_residence_status']);
    expect(
      checkEligibility({ ...taro, residenceStatus: 'pre_college_student' }, call, rules, today)
        .eligible,
    ).toBe(true);
  });

  it('R9: a student of a foreign member takes part in a two-way call without the support', () => {
    const ivan: EligibilityStudent = {
      ...taro,
      id: 's-ivan',
      home: { institutionId: 'nsu.ru', country: 'RU' },
      languages: [{ language: 'ja', level: 'A2' }],
      ranking: ['tohoku.ac.jp'],
    };
    const r = checkEligibility(ivan, call, rules, today);
    expect(r.eligible).toBe(true);
    expect(r.funding).toMatchObject({
      entitled: false,
      reasons: [{ rule: 'R9', code: 'calls.not_dispatched_from_japan' }],
    });
  });

  it('a program without an exchange-student definition reports no funding decision', () => {
    const r = checkEligibility(taro, call, { ...rules, exchangeStudent: null }, today);
    expect(r.eligible).toBe(true);
    expect(r.funding).toBeNull();
  });

  it('R3: a non-degree student is refused, naming the targeted levels', () => {
    const r = checkEligibility({ ...taro, level: 'non_degree' }, call, rules, today);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toMatchObject({
      rule: 'R3',
      code: 'calls.level_not_targeted',
      params: { level: 'non_degree', targeted: ['bachelor', 'master', 'doctor'] },
    });
    expect(r.reasons[0]?.message).toBe(
      'Your level of study (non_degree) is not targeted by this program; it targets bachelor, master, doctor.',
    );
  });

  it('R3: a host without places at the student level is closed to them', () => {
    const r = checkEligibility({ ...taro, ranking: ['msu.ru', 'nsu.ru'] }, call, rules, today);
    expect(r.eligible).toBe(true);
    expect(r.eligibleHosts).toEqual(['nsu.ru']);
    expect(r.hosts[0]?.reasons.map((x) => x.code)).toContain('calls.level_not_offered_by_host');
  });

  it('refuses a home university outside the sending consortia, and one whose membership has ended or not begun', () => {
    for (const [institutionId, country] of [
      ['grenoble.fr', 'FR'],
      ['dvfu.ru', 'RU'],
      ['tsukuba.ac.jp', 'JP'],
    ] as const) {
      const r = checkEligibility({ ...taro, home: { institutionId, country } }, call, rules, today);
      expect(r.eligible).toBe(false);
      expect(
        r.reasons.find((x) => x.code === 'calls.home_not_in_sending_consortium'),
      ).toMatchObject({
        params: { home: institutionId, date: today },
      });
    }
  });

  it('refuses a home university whose membership ends before the stay can begin, naming that day', () => {
    const leaving: EligibilityCall = {
      ...call,
      sendingConsortia: call.sendingConsortia.map((c) =>
        c.id === 'jp-east'
          ? { ...c, members: [since('tohoku.ac.jp', '2020-04-01', '2027-04-01')] }
          : c,
      ),
    };
    const r = checkEligibility(taro, leaving, rules, today);
    expect(r.eligible).toBe(false);
    expect(r.reasons.find((x) => x.code === 'calls.home_not_in_sending_consortium')).toMatchObject({
      params: { home: 'tohoku.ac.jp', date: '2027-09-01' },
    });
    // Still a member on the first day of departure: eligible.
    const staying: EligibilityCall = {
      ...leaving,
      sendingConsortia: call.sendingConsortia.map((c) =>
        c.id === 'jp-east'
          ? { ...c, members: [since('tohoku.ac.jp', '2020-04-01', '2027-09-02')] }
          : c,
      ),
    };
    expect(checkEligibility(taro, staying, rules, today).eligible).toBe(true);
  });

  it('a student does not apply to a host of their own consortium', () => {
    const r = checkEligibility({ ...taro, ranking: ['tohoku.ac.jp'] }, call, rules, today);
    expect(r.eligible).toBe(false);
    expect(codes(r)).toEqual(['calls.host_not_open_to_home']);
  });

  it('refuses an enrolment status the program does not allow, and enrolment ending before the stay', () => {
    const leave = checkEligibility(
      { ...taro, enrolment: { status: 'on_leave', until: null } },
      call,
      rules,
      today,
    );
    expect(leave.reasons[0]).toMatchObject({
      code: 'calls.enrolment_status_not_allowed',
    });
    const graduating = checkEligibility(
      { ...taro, enrolment: { status: 'enrolled', until: '2028-03-31' } },
      call,
      rules,
      today,
    );
    // Departure 2027-09-01 + 10 months = 2028-07-01.
    expect(graduating.reasons[0]).toMatchObject({
      code: 'calls.enrolment_ends_before_return',
      params: { until: '2028-03-31', stayEnds: '2028-07-01' },
    });
  });

  it('R12: a stay shorter than 3 or longer than 12 months is refused; the bounds are program data', () => {
    const short = checkEligibility(
      { ...taro, requestedMonths: 2, enrolment: { status: 'enrolled', until: null } },
      call,
      rules,
      today,
    );
    expect(short.reasons[0]).toMatchObject({
      rule: 'R12',
      code: 'calls.stay_too_short',
      params: { months: 2, min: 3 },
    });
    const long = checkEligibility(
      { ...taro, requestedMonths: 13, enrolment: { status: 'enrolled', until: null } },
      call,
      rules,
      today,
    );
    expect(long.reasons[0]).toMatchObject({
      rule: 'R12',
      code: 'calls.stay_too_long',
      params: { months: 13, max: 12 },
    });
    for (const months of [3, 12]) {
      expect(
        checkEligibility({ ...taro, requestedMonths: months }, call, rules, today).eligible,
      ).toBe(true);
    }
    const other = { ...rules, stayMonths: { min: 1, max: 24 } };
    expect(checkEligibility({ ...taro, requestedMonths: 2 }, call, other, today).eligible).toBe(
      true,
    );
  });

  it('R12: a call narrows the program range', () => {
    const r = checkEligibility(taro, { ...call, stayMonths: { min: 4, max: 6 } }, rules, today);
    expect(r.reasons[0]).toMatchObject({
      code: 'calls.stay_too_long',
      params: { months: 10, min: 4, max: 6 },
    });
  });

  it('the host language requirements are alternatives, compared in CEFR order', () => {
    const weak = { ...taro, languages: [{ language: 'en', level: 'B1' as const }] };
    const r = checkEligibility(weak, call, rules, today);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]).toMatchObject({
      code: 'calls.language_requirement_not_met',
      params: { host: 'nsu.ru', required: ['ru B1', 'en B2'], declared: ['en B1'] },
    });
    const russian = { ...taro, languages: [{ language: 'RU', level: 'C1' as const }] };
    expect(checkEligibility(russian, call, rules, today).eligible).toBe(true);
  });

  it('R18: before the call opens and after it closes, applications are refused', () => {
    const early = checkEligibility(taro, call, rules, '2027-01-09');
    expect(early.reasons).toEqual([
      expect.objectContaining({
        rule: 'R18',
        code: 'calls.call_not_open_yet',
        params: { opens: '2027-01-10' },
      }),
    ]);
    const late = checkEligibility(taro, call, rules, '2027-03-01');
    expect(late.reasons[0]).toMatchObject({
      rule: 'R18',
      code: 'calls.call_closed',
      params: { closes: '2027-02-28' },
    });
    expect(checkEligibility(taro, call, rules, '2027-01-10').eligible).toBe(true);
    expect(checkEligibility(taro, call, rules, '2027-02-28').eligible).toBe(true);
  });

  it('gives a reason for every refusal at once', () => {
    const all: EligibilityStudent = {
      ...taro,
      level: 'non_degree',
      residenceStatus: 'student',
      enrolment: { status: 'withdrawn', until: null },
      requestedMonths: 1,
      languages: [],
    };
    const r = checkEligibility(all, call, rules, '2027-04-01');
    expect(codes(r)).toEqual([
      'calls.call_closed',
      'calls.table1_student_residence_status',
      'calls.enrolment_status_not_allowed',
      'calls.level_not_targeted',
      'calls.stay_too_short',
      'calls.level_not_offered_by_host',
      'calls.language_requirement_not_met',
    ]);
  });

  it('checks every host of the call when the student has not ranked yet', () => {
    const r = checkEligibility({ ...taro, ranking: [] }, call, rules, today);
    expect(r.hosts.map((h) => h.host)).toEqual(['nsu.ru', 'msu.ru', 'tohoku.ac.jp']);
    expect(r.eligibleHosts).toEqual(['nsu.ru']);
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => checkEligibility(taro, call, rules, '2027-02-30')).toThrow(RangeError);
    expect(() => checkEligibility(taro, call, rules, '1/2/2027')).toThrow(RangeError);
  });

  it('the fixtures are valid input for the zod schemas', () => {
    expect(eligibilityRulesSchema.parse(rules)).toEqual(rules);
    expect(eligibilityCallSchema.parse(call)).toEqual(call);
    expect(eligibilityStudentSchema.parse(taro)).toEqual(taro);
    expect(eligibilityStudentSchema.safeParse({ ...taro, level: 'postdoc' }).success).toBe(false);
  });
});

describe('reason messages', () => {
  it('every code has an English template for logs and is listed among the refusal codes', () => {
    for (const code of REASON_CODES) {
      expect(REASONS[code].en, code).not.toBe('');
      expect(REFUSAL_CODES).toContain(`calls.${code}`);
    }
  });

  it('reasons of the call’s own data carry no rule id; rules carry theirs', () => {
    const own = checkEligibility({ ...taro, ranking: ['tohoku.ac.jp'] }, call, rules, today);
    expect(own.reasons[0]).not.toHaveProperty('rule');
    expect(REASONS.stay_too_long.rule).toBe('R12');
  });
});

describe('ranking', () => {
  it('names the position of an unknown host, a duplicate and one too many', () => {
    const r = validateRanking(['nsu.ru', 'hse.ru', 'nsu.ru', 'msu.ru', 'tohoku.ac.jp'], call);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.position, e.code])).toEqual([
      [2, 'calls.ranking_unknown_host'],
      [3, 'calls.ranking_duplicate_host'],
      [4, 'calls.ranking_too_long'],
      [5, 'calls.ranking_too_long'],
    ]);
    expect(r.errors[1]?.message).toBe('Position 3: nsu.ru is already ranked at position 1.');
  });

  it('accepts a list within the maximum and refuses an empty one', () => {
    expect(validateRanking(['msu.ru', 'nsu.ru'], call)).toEqual({
      ok: true,
      ranking: ['msu.ru', 'nsu.ru'],
    });
    expect(validateRanking([], call)).toMatchObject({
      ok: false,
      errors: [{ code: 'calls.ranking_empty' }],
    });
  });
});

describe('helpers', () => {
  it('orders CEFR levels and treats no requirement as met', () => {
    expect(cefrAtLeast('C2', 'A1')).toBe(true);
    expect(cefrAtLeast('B1', 'B2')).toBe(false);
    expect(meetsLanguageRequirements([], [])).toBe(true);
  });

  it('adds calendar months, clamping the day', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-09-01', 12)).toBe('2028-09-01');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
  });
});
