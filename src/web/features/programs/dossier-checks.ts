/**
 * The checks the form shows while the reader edits: the server's, from the last save, and — as
 * soon as something changed — the same domain checks run in the browser on the unsaved draft
 * (`checkApplication` is pure). Rules the browser does not check keep the server's results.
 */
import { checkApplication, JUDGED_ON_THE_REGISTRY } from '../../../domain/program/checks.ts';
import type { ProgramRules, ProjectApplication } from './api.ts';

export interface RuleCheck {
  rule: string;
}

/** The checks to show: the server's while nothing changed, else the browser's where it has them. */
export function liveChecks<C extends RuleCheck>(
  server: readonly C[],
  local: readonly C[] | null,
  dirty: boolean,
): C[] {
  if (!dirty || local === null) return [...server];
  // The browser does not have the registry: those rules keep the server's results until saved.
  const own = local.filter((c) => !JUDGED_ON_THE_REGISTRY.has(c.rule));
  const checked = new Set(own.map((c) => c.rule));
  return [...own, ...server.filter((c) => !checked.has(c.rule))];
}

/** The domain checks of the unsaved draft, as the server runs them (today as a UTC date). */
export function draftChecks(rules: ProgramRules, app: ProjectApplication, now: Date) {
  return checkApplication(rules, app, { today: now.toISOString().slice(0, 10) });
}
