import type { Db } from '#src/db/client.ts';
import { programRuleVersions, programs } from '#src/db/schema.ts';
import { PILOT_PROGRAM_2003 } from '#src/db/seed/demo-programs.ts';
import { programRulesSchema, type ProgramRules } from '#src/domain/program/rules.ts';
import { anInstitution } from './registry.ts';
import { next } from './sequence.ts';

export interface ProgramInput {
  id?: string;
  name?: string;
  /** the funder (an institution id or factory institution); a new ministry when not given */
  funder?: string | { id: string };
  /** changes to the default rules (the pilot program's, 003), validated as a whole */
  rules?: Partial<ProgramRules>;
}

export interface FactoryProgram {
  id: string;
  name: string;
  funderId: string;
  rules: ProgramRules;
}

/**
 * A funder program whose rules start from the pilot program's (src/db/seed/demo-programs.ts, the
 * rules object only: no demo row is needed), with version 1 recorded.
 */
export async function aProgram(db: Db, input: ProgramInput = {}): Promise<FactoryProgram> {
  const n = next();
  const funderId =
    input.funder === undefined
      ? (await anInstitution(db, { type: 'ministry', name: `Test funder ${n}` })).id
      : typeof input.funder === 'string'
        ? input.funder
        : input.funder.id;
  const id = input.id ?? `program-${n}`;
  const name = input.name ?? `Test program ${n}`;
  const rules = programRulesSchema.parse({
    ...structuredClone(PILOT_PROGRAM_2003),
    name: { en: name },
    ...input.rules,
    id,
    funderId,
    version: 1,
  });
  await db.insert(programs).values({ id, name, names: { en: name }, funderId, rules });
  await db.insert(programRuleVersions).values({ programId: id, version: 1, rules });
  return { id, name, funderId, rules };
}
