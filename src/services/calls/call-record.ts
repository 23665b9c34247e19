/**
 * One call as the use cases read it: the row (or a 404), its program's rules (R3, R9, R12 read
 * them; a call without a program is refused with a code) and today on its program's clock (R18).
 */
import type { Db } from '#src/db/client.ts';
import { findCall, type CallRow } from '#src/db/queries/calls/calls.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { loadRules } from '../programs/programs.ts';

export async function loadCall(db: Db, id: string): Promise<CallRow> {
  const row = await findCall(db, id);
  if (!row) throw notFound('call', id);
  return row;
}

export async function loadProgramRules(db: Db, row: CallRow): Promise<ProgramRules> {
  if (!row.programId) {
    throw conflict(
      refusal('calls.call_without_program', { call: row.title }),
      `call "${row.id}" has no program`,
    );
  }
  return loadRules(db, row.programId);
}

/** Today on the clock of a call's program (R18: deadlines are the funder's days; Tokyo if none). */
export async function todayForCall(ctx: ServiceContext, row: CallRow): Promise<string> {
  const rules = row.programId ? await loadProgramRules(ctx.db, row).catch(() => null) : null;
  return todayOf(ctx, rules?.call.utcOffset ?? '+09:00');
}
