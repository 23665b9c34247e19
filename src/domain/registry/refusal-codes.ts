/** Every refusal code the registry can give (`refusals.<code>`): checks of institutions, imports, memberships. */
export const REFUSAL_CODES = [
  'registry.not_schac_code',
  'registry.not_country_code',
  'registry.institution_exists',
  'registry.id_taken',
  'registry.import_duplicate_row',
  'registry.import_not_editable',
  'registry.import_empty',
  'registry.import_missing_columns',
  'registry.already_member',
  'registry.left_before_joined',
  'registry.already_proposed',
  'registry.proposal_closed',
  'registry.proposal_not_yours',
  'registry.proposal_needs_other_side',
] as const;
