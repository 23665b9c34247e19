/** Every refusal code the agreement rules and the agreements service can give (`refusals.<code>`). */
export const REFUSAL_CODES = [
  'agreement.closed',
  'agreement.no_version',
  'agreement.already_signed',
  'agreement.not_signed',
  'agreement.not_in_force',
  'agreement.too_few_japanese',
  'agreement.too_few_foreign',
  'agreement.not_isced_field',
  'agreement.ends_before_start',
  'agreement.duplicate_direction',
  'agreement.same_party',
] as const;
