/**
 * The reasons of eligibility and ranking refusals: each a stable code `calls.<name>` with its
 * rule (when it applies one of docs/rules.md) and an English template for logs and the command
 * line. People read the translation of the code (`refusals.calls.<name>`) in their language.
 */
import type { RuleId } from '../shared/refusal.ts';
import type { ReasonParams } from './types.ts';

interface ReasonDefinition {
  /** The rule applied, or none when the check is the call's own data (consortium, language). */
  rule: RuleId | null;
  /** The clause the rule comes from (e.g. `003 §5(3)`), or `call` when it is the call's own data. */
  source: string;
  en: string;
}

export const REASONS = {
  level_not_targeted: {
    rule: 'R3',
    source: '003 §5(3)',
    en: 'Your level of study ({level}) is not targeted by this program; it targets {targeted}.',
  },
  level_not_offered_by_host: {
    rule: 'R3',
    source: 'call',
    en: '{host} offers no places at your level of study ({level}) in this call.',
  },
  home_not_in_sending_consortium: {
    rule: null,
    source: '003 §2(1)',
    en: 'Your home university ({home}) is not a member of a sending consortium of this call ({consortia}) on {date}.',
  },
  host_not_in_call: {
    rule: null,
    source: 'call',
    en: '{host} is not a host of this call.',
  },
  host_not_open_to_home: {
    rule: null,
    source: '003 §2(1)',
    en: '{host} belongs to your own consortium ({consortium}); students go to the partner consortium.',
  },
  table1_student_residence_status: {
    rule: 'R9',
    source: '003 §2(2)',
    en: 'Foreign students in Japan with the residence status "{status}" (Table 1 of the Immigration Control and Refugee Recognition Act) are not entitled to this program.',
  },
  not_dispatched_from_japan: {
    rule: 'R9',
    source: '003 §2(2)',
    en: 'Support is only for students dispatched from a university in {countries}; your home university is in {country}. You may take part without the scholarship and travel support.',
  },
  enrolment_status_not_allowed: {
    rule: null,
    source: '003 §2(2)',
    en: 'Your enrolment status ({status}) does not allow you to apply; required: {allowed}.',
  },
  enrolment_ends_before_return: {
    rule: null,
    source: '003 §2(2)',
    en: 'Your enrolment ends on {until}, before the stay would end ({stayEnds}).',
  },
  stay_too_short: {
    rule: 'R12',
    source: '003 §3(2)2)',
    en: 'A stay of {months} months is shorter than the minimum of {min} months.',
  },
  stay_too_long: {
    rule: 'R12',
    source: '003 §3(2)2)',
    en: 'A stay of {months} months is longer than the maximum of {max} months.',
  },
  language_requirement_not_met: {
    rule: null,
    source: 'call',
    en: '{host} requires {required}; your declared levels: {declared}.',
  },
  call_not_open_yet: {
    rule: 'R18',
    source: '003 §8–9',
    en: 'This call opens on {opens}; applications are not accepted before that day.',
  },
  call_closed: {
    rule: 'R18',
    source: '003 §8–9',
    en: 'This call closed on {closes}; applications are no longer accepted.',
  },
} as const satisfies Record<string, ReasonDefinition>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

/** Errors of a student's ranked list of hosts: each names the position. */
export const RANKING_ERRORS = {
  ranking_empty: 'Rank at least one host.',
  ranking_too_long: 'Position {position}: at most {max} hosts may be ranked.',
  ranking_duplicate_host: 'Position {position}: {host} is already ranked at position {first}.',
  ranking_unknown_host: 'Position {position}: {host} is not a host of this call.',
} as const satisfies Record<string, string>;

export type RankingErrorCode = keyof typeof RANKING_ERRORS;

const show = (value: ReasonParams[string]): string =>
  typeof value === 'number'
    ? String(value)
    : typeof value === 'string'
      ? value
      : value.length === 0
        ? 'none'
        : value.join(', ');

/** Fills `{name}` placeholders (English, for logs); an unknown placeholder is left as it is. */
export function fillTemplate(template: string, params: ReasonParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : show(value);
  });
}

/** The English message of a reason code, for logs and the command line. */
export function reasonMessage(code: ReasonCode, params: ReasonParams): string {
  return fillTemplate(REASONS[code].en, params);
}

/** The English message of a ranking error code, for logs. */
export function rankingErrorMessage(code: RankingErrorCode, params: ReasonParams): string {
  return fillTemplate(RANKING_ERRORS[code], params);
}
