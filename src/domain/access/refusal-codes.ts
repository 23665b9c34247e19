/** Every refusal code of accounts, invitations, role grants and erasure (`refusals.<code>`). */
export const REFUSAL_CODES = [
  'invitations.unknown',
  'invitations.expired',
  'invitations.used',
  'invitations.revoked',
  'invitations.other_account',
  'invitations.sign_in_first',
  'invitations.already_holds',
  'people.role_held',
  'people.scope_unknown',
  'people.self_deactivation',
  'erasure.already_open',
  'erasure.not_open',
  'erasure.own_request',
] as const;
export type AccessRefusalCode = (typeof REFUSAL_CODES)[number];
