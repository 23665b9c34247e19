/**
 * The checks the form shows while the reader edits: the server's, from the last save, and — as
 * soon as something changed — the same domain checks run in the browser on the unsaved draft
 * (`checkApplication` is pure). Rules the browser does not check keep the server's results.
 */
import { checkApplication } from '../../../domain/program/checks.ts';
import type { ProgramRules, ProjectApplication } from './api.ts';

export interface RuleCheck {
  rule: string;
}

/**
 * Rules the server judges against the registry (the agreement's signatures and dates, the
 * consortia's members and representatives on the day judged, the agreement's clauses): the browser
 * does not have the registry, so their results stay the server's until the next save.
 */
export const JUDGED_ON_THE_REGISTRY: ReadonlySet<string> = new Set(['R1', 'R2', 'R5', 'R8', 'R16']);

/** The checks to show: the server's while nothing changed, else the browser's where it has them. */
export function liveChecks<C extends RuleCheck>(
  server: readonly C[],
  local: readonly C[] | null,
  dirty: boolean,
): C[] {
  if (!dirty || local === null) return [...server];
  const own = local.filter((c) => !JUDGED_ON_THE_REGISTRY.has(c.rule));
  const checked = new Set(own.map((c) => c.rule));
  return [...own, ...server.filter((c) => !checked.has(c.rule))];
}

/** The domain checks of the unsaved draft, as the server runs them (today as a UTC date). */
export function draftChecks(rules: ProgramRules, app: ProjectApplication, now: Date) {
  return checkApplication(rules, app, { today: now.toISOString().slice(0, 10) });
}
