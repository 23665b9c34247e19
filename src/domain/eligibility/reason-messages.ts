/**
 * The stable reason codes of eligibility and ranking refusals, with their message templates in
 * English and Japanese. The UI copies these into its locale files (key: `eligibility.<code>`);
 * `{name}` placeholders are filled from `reason.params`. Parameter values that are codes
 * (`level`, `status`, …) are shown through the label tables below.
 */
import type { ReasonParams, ReasonRule } from './types.ts';

export type MessageLocale = 'en' | 'ja';

interface ReasonDefinition {
  rule: ReasonRule;
  /**
   * The clause the rule comes from (e.g. `003 §5(3)`), or `call` when it is the call's own data.
   */
  source: string;
  en: string;
  ja: string;
}

export const REASONS = {
  level_not_targeted: {
    rule: 'R3',
    source: '003 §5(3)',
    en: 'Your level of study ({level}) is not targeted by this program; it targets {targeted}.',
    ja: 'あなたの課程（{level}）は本事業の対象ではありません。対象：{targeted}。',
  },
  level_not_offered_by_host: {
    rule: 'R3',
    source: 'call',
    en: '{host} offers no places at your level of study ({level}) in this call.',
    ja: '{host} は本公募であなたの課程（{level}）の受入枠を設けていません。',
  },
  home_not_in_sending_consortium: {
    rule: 'CONSORTIUM',
    source: '003 §2(1)',
    en: 'Your home university ({home}) is not a member of a sending consortium of this call ({consortia}) on {date}.',
    ja: 'あなたの在籍大学（{home}）は {date} 時点で本公募の派遣側コンソーシアム（{consortia}）の構成大学ではありません。',
  },
  host_not_in_call: {
    rule: 'CONSORTIUM',
    source: 'call',
    en: '{host} is not a host of this call.',
    ja: '{host} は本公募の受入大学ではありません。',
  },
  host_not_open_to_home: {
    rule: 'CONSORTIUM',
    source: '003 §2(1)',
    en: '{host} belongs to your own consortium ({consortium}); students go to the partner consortium.',
    ja: '{host} はあなたと同じコンソーシアム（{consortium}）の大学です。派遣先は相手側コンソーシアムの大学に限ります。',
  },
  table1_student_residence_status: {
    rule: 'R9',
    source: '003 §2(2)',
    en: 'Foreign students in Japan with the residence status "{status}" (Table 1 of the Immigration Control and Refugee Recognition Act) are not entitled to this program.',
    ja: '出入国管理及び難民認定法別表第一の在留資格「{status}」により日本に在留する外国人留学生は、本事業の対象外です。',
  },
  not_dispatched_from_japan: {
    rule: 'R9',
    source: '003 §2(2)',
    en: 'Support is only for students dispatched from a university in {countries}; your home university is in {country}. You may take part without the scholarship and travel support.',
    ja: '支援の対象は {countries} の大学から派遣される学生に限られます。あなたの在籍大学は {country} にあります。奨学金・渡航費の支援なしで参加できます。',
  },
  enrolment_status_not_allowed: {
    rule: 'ENROLMENT',
    source: '003 §2(2)',
    en: 'Your enrolment status ({status}) does not allow you to apply; required: {allowed}.',
    ja: 'あなたの在籍状況（{status}）では応募できません。必要な在籍状況：{allowed}。',
  },
  enrolment_ends_before_return: {
    rule: 'ENROLMENT',
    source: '003 §2(2)',
    en: 'Your enrolment ends on {until}, before the stay would end ({stayEnds}).',
    ja: 'あなたの在籍期間は {until} に終了し、派遣期間の終了日（{stayEnds}）より前です。',
  },
  stay_too_short: {
    rule: 'R12',
    source: '003 §3(2)2)',
    en: 'A stay of {months} months is shorter than the minimum of {min} months.',
    ja: '派遣期間 {months} か月は、最短期間 {min} か月に満たません。',
  },
  stay_too_long: {
    rule: 'R12',
    source: '003 §3(2)2)',
    en: 'A stay of {months} months is longer than the maximum of {max} months.',
    ja: '派遣期間 {months} か月は、最長期間 {max} か月を超えています。',
  },
  language_requirement_not_met: {
    rule: 'LANGUAGE',
    source: 'call',
    en: '{host} requires {required}; your declared levels: {declared}.',
    ja: '{host} の語学要件は {required} です。あなたの申告レベル：{declared}。',
  },
  call_not_open_yet: {
    rule: 'R18',
    source: '003 §8–9',
    en: 'This call opens on {opens}; applications are not accepted before that day.',
    ja: '本公募の受付開始日は {opens} です。それより前には応募できません。',
  },
  call_closed: {
    rule: 'R18',
    source: '003 §8–9',
    en: 'This call closed on {closes}; applications are no longer accepted.',
    ja: '本公募の締切日は {closes} でした。応募の受付は終了しています。',
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

/** Errors of a student's ranked list of hosts: each names the position. */
export const RANKING_ERRORS = {
  ranking_empty: {
    en: 'Rank at least one host.',
    ja: '受入大学を一つ以上選んでください。',
  },
  ranking_too_long: {
    en: 'Position {position}: at most {max} hosts may be ranked.',
    ja: '{position} 番目：順位を付けられる受入大学は最大 {max} 校です。',
  },
  ranking_duplicate_host: {
    en: 'Position {position}: {host} is already ranked at position {first}.',
    ja: '{position} 番目：{host} は既に {first} 番目に選ばれています。',
  },
  ranking_unknown_host: {
    en: 'Position {position}: {host} is not a host of this call.',
    ja: '{position} 番目：{host} は本公募の受入大学ではありません。',
  },
} as const satisfies Record<string, Record<MessageLocale, string>>;

export type RankingErrorCode = keyof typeof RANKING_ERRORS;

/** Labels of the code values that appear in parameters. */
export const PARAM_LABELS: Record<MessageLocale, Record<string, string>> = {
  en: {
    bachelor: 'bachelor',
    master: 'master',
    doctor: 'doctor',
    non_degree: 'non-degree',
    enrolled: 'enrolled',
    on_leave: 'on leave',
    suspended: 'suspended',
    admitted: 'admitted, not yet enrolled',
    graduated: 'graduated',
    withdrawn: 'withdrawn',
    student: 'Student (Ryugaku)',
    pre_college_student: 'Pre-college Student (Shugaku)',
    none: 'none',
  },
  ja: {
    bachelor: '学士課程',
    master: '修士課程',
    doctor: '博士課程',
    non_degree: '非正規課程',
    enrolled: '在籍',
    on_leave: '休学',
    suspended: '停学',
    admitted: '入学前',
    graduated: '卒業',
    withdrawn: '退学',
    student: '留学',
    pre_college_student: '就学',
    none: 'なし',
  },
};

/** Parameters whose values are codes shown through `PARAM_LABELS`. */
const LABELLED_PARAMS = new Set(['level', 'targeted', 'status', 'allowed']);

const LIST_SEPARATOR: Record<MessageLocale, string> = { en: ', ', ja: '、' };

function show(
  name: string,
  value: string | number | readonly string[],
  locale: MessageLocale,
): string {
  const label = (v: string) => (LABELLED_PARAMS.has(name) ? (PARAM_LABELS[locale][v] ?? v) : v);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return label(value);
  if (value.length === 0) return PARAM_LABELS[locale].none ?? '';
  return value.map(label).join(LIST_SEPARATOR[locale]);
}

/** Fills `{name}` placeholders; an unknown placeholder is left as it is. */
export function fillTemplate(
  template: string,
  params: ReasonParams,
  locale: MessageLocale,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : show(name, value, locale);
  });
}

/** The message of a reason code in a locale. */
export function reasonMessage(
  code: ReasonCode,
  params: ReasonParams,
  locale: MessageLocale,
): string {
  return fillTemplate(REASONS[code][locale], params, locale);
}

/** The message of a ranking error code in a locale. */
export function rankingErrorMessage(
  code: RankingErrorCode,
  params: ReasonParams,
  locale: MessageLocale,
): string {
  return fillTemplate(RANKING_ERRORS[code][locale], params, locale);
}
