/**
 * A person's own data, all of it, as one JSON document they may take away (the right of access
 * and portability of personal-data law): everything the product keeps about them, the roles with
 * the names of their scopes, nothing about anybody else beyond what their own records name.
 */
import { personalDataOf } from '#src/db/queries/accounts/personal-data.ts';
import { audit } from '../audit.ts';
import { instantOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadActor } from './sessions.ts';

export const MY_DATA_FORMAT = 'kakehashi.personal-data/1';

export async function exportMyData(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const actor = await loadActor(ctx.db, ctx.actor.id);
  const data = await personalDataOf(ctx.db, actor.id);
  // The export itself is recorded: who took a copy of the data, and when.
  await audit(ctx.db, ctx, {
    action: 'user.export-personal-data',
    resourceType: 'user',
    resourceId: actor.id,
  });
  return {
    format: MY_DATA_FORMAT,
    exportedAt: instantOf(ctx),
    ...data,
    roles: actor.roles,
  };
}
