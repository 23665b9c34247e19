/**
 * Who an identity from a university's provider signs in as (decision 007). Never creates an
 * account and never merges two: a linked identity signs in as its account; an unlinked one is
 * linked only to the one account that has the address the provider vouches for.
 */
import { SSO_CODES, type SsoCode } from '../shared/refusal-codes.ts';

export interface AccountFound {
  id: string;
  disabled: boolean;
}

export type SsoMatch =
  | { kind: 'linked'; userId: string }
  | { kind: 'link'; userId: string }
  | { kind: 'refused'; code: SsoCode };

export function matchIdentity(input: {
  /** The account the (provider, subject) pair is linked to, if any. */
  linked: AccountFound | null;
  /** The address the provider sent, and whether it vouches for it. */
  email: string | null;
  emailVerified: boolean;
  /** The account holding that address (any case), if any. */
  byEmail: AccountFound | null;
}): SsoMatch {
  if (input.linked) {
    return input.linked.disabled
      ? { kind: 'refused', code: SSO_CODES.accountDisabled }
      : { kind: 'linked', userId: input.linked.id };
  }
  if (!input.email) return { kind: 'refused', code: SSO_CODES.missingEmail };
  if (!input.emailVerified || !input.byEmail) return { kind: 'refused', code: SSO_CODES.noAccount };
  if (input.byEmail.disabled) return { kind: 'refused', code: SSO_CODES.accountDisabled };
  return { kind: 'link', userId: input.byEmail.id };
}

/** Linking from a signed-in account: refused when the identity belongs to someone else. */
export function matchLink(input: { linked: AccountFound | null; userId: string }): SsoMatch {
  if (input.linked && input.linked.id !== input.userId) {
    return { kind: 'refused', code: SSO_CODES.linkedElsewhere };
  }
  return input.linked
    ? { kind: 'linked', userId: input.userId }
    : { kind: 'link', userId: input.userId };
}
