/**
 * The e-mail domains of a university's students: whoever may edit the university (policy
 * `registry:write`, its coordinator) lists them; an address of one of them may sign up as a student
 * of that university (src/services/auth/sign-up.ts). Anyone may read the list: the sign-up page
 * says the same thing to whoever tries an address. Adding and removing are audited.
 */
import { z } from 'zod';
import {
  deleteStudentDomain,
  insertStudentDomain,
  studentDomainRow,
  studentDomainsOf,
} from '#src/db/queries/registry/student-domains.ts';
import { institutionRow } from '#src/db/queries/registry/institutions.ts';
import { institutionName } from '#src/db/queries/names.ts';
import { DOMAIN_PATTERN, SIGNUP_CODES } from '#src/domain/signup/refusal-codes.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { can, institutionResource, institutionsResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { parseOr400 } from './input.ts';

export const studentDomainSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((d) => d.replace(/^@/, ''))
    .pipe(z.string().regex(DOMAIN_PATTERN, 'a domain such as s.tohoku.ac.jp')),
});

async function existing(ctx: ServiceContext, institutionId: string) {
  const row = await institutionRow(ctx.db, institutionId);
  if (!row) throw notFound('institution', institutionId);
  return row;
}

async function requireEditor(ctx: ServiceContext, institutionId: string, name: string) {
  requireAccess(
    ctx,
    'registry:write',
    await institutionResource(ctx.db, institutionId, todayOf(ctx)),
    { doing: `list the student e-mail domains of ${name}` },
  );
}

/** The domains of a university, and whether the reader may change them. */
export async function listStudentDomains(ctx: ServiceContext, institutionId: string) {
  requireAccess(ctx, 'registry:read', institutionsResource([institutionId]));
  await existing(ctx, institutionId);
  const rows = await studentDomainsOf(ctx.db, institutionId);
  return {
    items: rows.map((r) => ({ domain: r.domain, addedAt: r.addedAt.toISOString() })),
    mayEdit: can(
      ctx.actor,
      'registry:write',
      await institutionResource(ctx.db, institutionId, todayOf(ctx)),
    ),
  };
}

/** Lists a domain for the university; refused when it or another university lists it already. */
export async function addStudentDomain(ctx: ServiceContext, institutionId: string, input: unknown) {
  const row = await existing(ctx, institutionId);
  await requireEditor(ctx, institutionId, row.name);
  const { domain } = parseOr400(studentDomainSchema, input);
  const held = await studentDomainRow(ctx.db, domain);
  if (held) {
    throw conflict(
      held.institutionId === institutionId
        ? refusal(SIGNUP_CODES.domainListed, {}, { field: 'body.domain' })
        : refusal(
            SIGNUP_CODES.domainTaken,
            { institution: await institutionName(ctx.db, held.institutionId) },
            { field: 'body.domain' },
          ),
      `body.domain: ${domain} is already listed`,
    );
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertStudentDomain(tx, { institutionId, domain, addedAt: now });
    await audit(tx, ctx, {
      action: 'institution.student-domain-add',
      resourceType: 'institution',
      resourceId: institutionId,
      after: { domain },
    });
  });
  return listStudentDomains(ctx, institutionId);
}

/** Removes a domain from the university's list: its addresses can no longer sign up. */
export async function removeStudentDomain(
  ctx: ServiceContext,
  institutionId: string,
  rawDomain: string,
) {
  const row = await existing(ctx, institutionId);
  await requireEditor(ctx, institutionId, row.name);
  const domain = rawDomain.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteStudentDomain(tx, institutionId, domain))) {
      throw notFound('student domain', domain);
    }
    await audit(tx, ctx, {
      action: 'institution.student-domain-remove',
      resourceType: 'institution',
      resourceId: institutionId,
      before: { domain },
    });
  });
  return listStudentDomains(ctx, institutionId);
}
