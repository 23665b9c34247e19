import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '#src/domain/access/policy.ts';
import { languageSchema } from '#src/domain/shared/refusal.ts';

export const RoleAssignmentView = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string(),
  scopeName: z.string().nullable().describe('the name of the scope, for people to read'),
});
export type RoleAssignmentView = z.infer<typeof RoleAssignmentView>;

export const ActorView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  language: languageSchema.describe('the language notifications and e-mails are written in'),
  invented: z.boolean().describe('a demo person, invented'),
  platformAdmin: z.boolean(),
  roles: z.array(RoleAssignmentView),
});
export type ActorView = z.infer<typeof ActorView>;

/** What the signed-in person may start from the lists, decided by the server's policy. */
export const SessionMay = z.object({
  createInstitution: z.boolean().describe('add or import institutions (registry:create)'),
  proposeAgreement: z.boolean().describe('propose an agreement for a party they represent'),
});
export type SessionMay = z.infer<typeof SessionMay>;

export const SessionView = z.object({ actor: ActorView, csrfToken: z.string(), may: SessionMay });
export type SessionView = z.infer<typeof SessionView>;

export const SignInBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const PasswordResetRequestBody = z.object({
  email: z.string().trim().min(3).max(320),
});
export const PasswordResetAccepted = z.object({
  accepted: z
    .literal(true)
    .describe('the same answer whether or not the address has an account: look in the mailbox'),
});
export const PasswordLinkParams = z.object({ token: z.string().min(1).max(200) });
export const PasswordLinkView = z.object({
  email: z.string().describe('the account the link sets the password of'),
  expiresAt: z.iso.datetime(),
});
export const PasswordResetBody = z.object({
  password: z.string().min(1).max(1024).describe('the new password (rules: 12–128 characters)'),
});
export const PasswordResetDone = z.object({
  sessionsEnded: z.number().int().describe('sessions of the account that were ended'),
});
