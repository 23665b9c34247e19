/**
 * Every refusal code of the partnership area (`refusals.<code>` in the translation files): degree
 * programmes, education boards, cotutelles, joint laboratories and projects, visits, partnerships
 * and their strategic plans.
 */
export const PARTNERSHIP_CODES = {
  /** A period ends before it starts (field: the end; params: startsOn, endsOn). */
  endsBeforeStarts: 'partnership.ends_before_starts',
  /** Credits required at a partner are negative (field: the credits; params: credits). */
  negativeCredits: 'partnership.negative_credits',
  /** A partner institution is named twice (field: the partner; params: institutionId). */
  partnersNotDistinct: 'partnership.partners_not_distinct',
  /** Fewer than two partner institutions (field: partners; params: min). */
  tooFewPartners: 'partnership.too_few_partners',
  /** The field of study is not an ISCED-F 2013 code (field: field; params: code). */
  notIscedField: 'partnership.not_isced_field',
  /** The currency is not an ISO 4217 code (field: the currency; params: currency). */
  unknownCurrency: 'partnership.unknown_currency',
  /** The curriculum split names an institution that is not a partner (field; params: institutionId). */
  splitNotPartner: 'partnership.split_not_partner',
  /** A defence dated before the doctorate started (field: defenceOn; params: startsOn, defenceOn). */
  defenceBeforeStart: 'partnership.defence_before_start',
  /** `defended` without a defence date (field: defenceOn). */
  defendedWithoutDate: 'partnership.defended_without_date',
  /** A defended thesis with a defence date still to come (field: defenceOn; params: defenceOn). */
  defenceInFuture: 'partnership.defence_in_future',
  /** A person is neither an account nor a named guest (field: the person). */
  personMissing: 'partnership.person_missing',
  /** A link is not an http(s) URL (field: the link; params: url). */
  linkNotHttp: 'partnership.link_not_http',
  /** A referenced record does not exist (field: its id; params: id). */
  unknownRecord: 'partnership.unknown_record',
  /** A cohort of that intake year already exists (field: intakeYear; params: intakeYear). */
  cohortExists: 'partnership.cohort_exists',
  /** More graduates than enrolled students (field: graduated; params: graduated, enrolled). */
  graduatesAboveEnrolled: 'partnership.graduates_above_enrolled',
  /** A theme key is given twice (field: themes; params: key). */
  themeRepeated: 'partnership.theme_repeated',
} as const;
export type PartnershipCode = (typeof PARTNERSHIP_CODES)[keyof typeof PARTNERSHIP_CODES];

export const REFUSAL_CODES: readonly string[] = Object.values(PARTNERSHIP_CODES);
