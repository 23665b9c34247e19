import { describe, expect, it } from 'vitest';
import { matchIdentity, matchLink } from './matching.ts';

const alice = { id: 'u-1', disabled: false };

describe('matching an identity to an account', () => {
  it('signs in a linked identity as its account', () => {
    expect(
      matchIdentity({ linked: alice, email: null, emailVerified: false, byEmail: null }),
    ).toEqual({ kind: 'linked', userId: 'u-1' });
  });
  it('refuses a linked identity whose account is disabled', () => {
    expect(
      matchIdentity({
        linked: { ...alice, disabled: true },
        email: null,
        emailVerified: false,
        byEmail: null,
      }),
    ).toEqual({ kind: 'refused', code: 'sso.account_disabled' });
  });
  it('links by a verified address of an existing account', () => {
    expect(
      matchIdentity({ linked: null, email: 'a@x', emailVerified: true, byEmail: alice }),
    ).toEqual({
      kind: 'link',
      userId: 'u-1',
    });
  });
  it('never links by an address the provider does not vouch for', () => {
    expect(
      matchIdentity({ linked: null, email: 'a@x', emailVerified: false, byEmail: alice }),
    ).toEqual({
      kind: 'refused',
      code: 'sso.no_account',
    });
  });
  it('never creates an account', () => {
    expect(
      matchIdentity({ linked: null, email: 'a@x', emailVerified: true, byEmail: null }),
    ).toEqual({
      kind: 'refused',
      code: 'sso.no_account',
    });
  });
  it('refuses an identity without an address', () => {
    expect(
      matchIdentity({ linked: null, email: null, emailVerified: true, byEmail: null }),
    ).toEqual({
      kind: 'refused',
      code: 'sso.missing_email',
    });
  });
  it('refuses to link an identity that belongs to another account', () => {
    expect(matchLink({ linked: { id: 'u-2', disabled: false }, userId: 'u-1' })).toEqual({
      kind: 'refused',
      code: 'sso.linked_elsewhere',
    });
    expect(matchLink({ linked: null, userId: 'u-1' })).toEqual({ kind: 'link', userId: 'u-1' });
  });
});
