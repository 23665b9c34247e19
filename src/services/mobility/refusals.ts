/**
 * Refusals as the mobility services send them: domain refusals named (institutions and alliances
 * by their names, never ids) and mapped to 422, 409 or a 400 on one field.
 */
import type { Db } from '#src/db/client.ts';
import { consortiumNames, institutionNames } from '#src/db/queries/names.ts';
import {
  refusal,
  type LocalizedText,
  type MessageParams,
  type Refusal,
} from '#src/domain/shared/refusal.ts';
import { conflict, invalidField, ruleViolation, type AppError } from '../errors.ts';

/** Params that name institutions or alliances by id: they go out as names, never as ids. */
const INSTITUTION_PARAMS = ['institution', 'home', 'host', 'institutions'];
const ALLIANCE_PARAMS = ['alliance'];

/**
 * A domain refusal as it goes out: `{ rule?, code, params, field? }` without the English message,
 * institutions and alliances named in every language they have.
 */
export async function named(
  db: Db,
  r: Refusal & { message?: string },
  field?: string,
): Promise<Refusal> {
  const ids = (keys: string[]) =>
    keys.flatMap((k) => {
      const v = r.params[k];
      return typeof v === 'string'
        ? [v]
        : Array.isArray(v)
          ? v.filter((x) => typeof x === 'string')
          : [];
    });
  const inst = await institutionNames(db, ids(INSTITUTION_PARAMS));
  const alliances = await consortiumNames(db, ids(ALLIANCE_PARAMS));
  const name = (map: Map<string, LocalizedText>, v: unknown) =>
    typeof v === 'string' ? (map.get(v) ?? { en: v }) : v;
  const params: Record<string, MessageParams[string]> = { ...r.params };
  for (const k of INSTITUTION_PARAMS) {
    const v = params[k];
    if (v === undefined || v === null) continue;
    params[k] = (
      Array.isArray(v) ? v.map((x) => name(inst, x)) : name(inst, v)
    ) as MessageParams[string];
  }
  for (const k of ALLIANCE_PARAMS) {
    const v = params[k];
    if (typeof v === 'string') params[k] = name(alliances, v) as LocalizedText;
  }
  return refusal(r.code, params, { rule: r.rule, field: field ?? r.field });
}

/** A 422 for domain refusals (named first). */
export async function refused(
  db: Db,
  rs: readonly (Refusal & { message?: string })[],
): Promise<AppError> {
  const out: Refusal[] = [];
  for (const r of rs) out.push(await named(db, r));
  return ruleViolation(
    out,
    rs
      .map((r) => r.message)
      .filter(Boolean)
      .join('; ') || undefined,
  );
}

/** A 409 for a domain refusal. */
export async function conflicting(db: Db, r: Refusal & { message?: string }): Promise<AppError> {
  return conflict(await named(db, r), r.message);
}

/** A 400 for one field, with a code of the refusal vocabulary and its params. */
export function invalid(
  field: string,
  code: string,
  params: MessageParams,
  message: string,
): AppError {
  return invalidField(field, refusal(code, params, { field }), message);
}
