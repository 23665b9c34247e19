/**
 * A program's rules as the use cases need them (R1–R20 as data): loaded or refused with a code,
 * and what each version changed.
 */
import type { Db } from '#src/db/client.ts';
import { orgName } from '#src/db/queries/names.ts';
import { findProgram, rulesOf } from '#src/db/queries/programs.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { conflict, notFound } from '../errors.ts';

/** The program's rules: 404 without the program, 409 while it has no rules yet. */
export async function loadRules(db: Db, programId: string): Promise<ProgramRules> {
  const p = await findProgram(db, programId);
  if (!p) throw notFound('program', programId);
  const rules = rulesOf(p);
  if (!rules)
    throw conflict(
      refusal('program.no_rules', { program: orgName(p.name, p.names ?? {}) }),
      `program "${programId}" has no rules yet`,
    );
  return rules;
}

type RuleValue = string | number | boolean | null | (string | number)[];

/** The leaves of a rules object by dotted path (`stipend.monthlyAmount`, `travel.fareCeilings[0].maxYen`). */
function leaves(value: unknown, path: string, out: Map<string, RuleValue>): Map<string, RuleValue> {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    out.set(path, value as (string | number)[]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (value === undefined) {
    out.set(path, null);
  } else {
    out.set(path, value as string | number | boolean | null);
  }
  return out;
}

/** What a version changed, field by field, against the one before (id and version aside). */
export function ruleChanges(before: unknown, after: unknown) {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: { path: string; from: RuleValue; to: RuleValue }[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (path === 'id' || path === 'version') continue;
    const from = a.get(path) ?? null;
    const to = b.get(path) ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ path, from, to });
  }
  return changes;
}
