import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '#src/domain/access/policy.ts';
import { languageSchema, localizedTextSchema } from '#src/domain/shared/refusal.ts';
import { PageQuery, pageOf } from './common.schema.ts';

export const PeopleQuery = z.object({
  q: z.string().trim().max(200).optional().describe('part of the name or e-mail address'),
  ...PageQuery,
});

export const PersonSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: localizedTextSchema.describe('the name in each reader’s script'),
  platformAdmin: z.boolean(),
  disabled: z.boolean(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;
export const PeoplePage = pageOf(PersonSummary);
export type PeoplePage = z.infer<typeof PeoplePage>;

export const PersonRole = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeName: localizedTextSchema.nullable().describe('the name of the scope, never its id'),
  revocable: z.boolean().describe('the viewer may take this role back'),
});
export type PersonRole = z.infer<typeof PersonRole>;

export const PersonDetail = PersonSummary.extend({
  language: z.string(),
  roles: z.array(PersonRole),
  mayDeactivate: z.boolean().describe('the viewer may end (or restore) this account'),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const GrantBody = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().trim().min(1).max(200).describe('the scope’s id; `self` for a student'),
});
export type GrantBody = z.infer<typeof GrantBody>;

export const Granted = GrantBody.extend({ id: z.uuid() });

export const AccountState = z.object({
  id: z.uuid(),
  disabled: z.boolean(),
  sessionsEnded: z.number().int(),
});

export const InviteBody = z.object({
  email: z.email().max(320),
  language: languageSchema.describe('the language of the e-mail and of the new account'),
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().trim().min(1).max(200).describe('the scope’s id; `self` for a student'),
});
export type InviteBody = z.infer<typeof InviteBody>;

export const InvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  language: languageSchema,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeName: localizedTextSchema.nullable(),
  invitedBy: localizedTextSchema.nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationCreated = InvitationView.extend({
  emailed: z.boolean().describe('the e-mail was accepted by the mail server'),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const InvitationList = z.object({ items: z.array(InvitationView) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationRevoked = z.object({ id: z.uuid(), revokedAt: z.iso.datetime() });

export const TokenBody = z.object({ token: z.string().min(10).max(200) });

/** What an invitation link's page shows. */
export const InvitationPublic = z.object({
  email: z.string(),
  language: languageSchema,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeName: localizedTextSchema.nullable(),
  invitedBy: localizedTextSchema.nullable(),
  expiresAt: z.iso.datetime(),
  accountExists: z.boolean().describe('the address has an account: sign in to it to accept'),
  minPasswordLength: z.number().int(),
});
export type InvitationPublic = z.infer<typeof InvitationPublic>;

export const AcceptBody = z.object({
  token: z.string().min(10).max(200),
  displayName: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024).optional(),
});
export type AcceptBody = z.infer<typeof AcceptBody>;

export const Accepted = z.object({
  email: z.string(),
  created: z.boolean().describe('a new account was made (and is now signed in)'),
});
export type Accepted = z.infer<typeof Accepted>;

export const GrantableRole = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().describe('to send back in a grant or invitation; `self` for a student'),
  scopeName: localizedTextSchema.nullable(),
});
export type GrantableRole = z.infer<typeof GrantableRole>;
export const GrantableList = z.object({ items: z.array(GrantableRole) });
export type GrantableList = z.infer<typeof GrantableList>;
