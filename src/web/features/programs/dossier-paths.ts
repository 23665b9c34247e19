/**
 * Where a check of an application points in the form: the dotted `field` path of a check
 * (`outline.agreement.copyAttachmentId`) gives the id of the control that edits it, and each
 * control shows the checks that point at it or inside it (R15 — 003 §6: every item editable).
 */
import type { ProjectApplication } from '../../../domain/program/application.ts';

/** The smallest shape of a check this module reads. */
export interface PathCheck {
  code: string;
  ok: boolean;
  field?: string;
  params?: Record<string, unknown>;
}

/** The DOM id of the control (or group of controls) that edits `path`. */
export function fieldId(path: string): string {
  return `dossier-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The DOM id of the collapsible section of the form for `path`. */
export function sectionId(path: string): string {
  return `${fieldId(path)}-section`;
}

/** Whether `field` is `path` itself or a field inside it (`outline.numbers.0` is in `outline.numbers`). */
export function isWithin(field: string | undefined, path: string): boolean {
  if (field === undefined) return false;
  return field === path || field.startsWith(`${path}.`);
}

/** The fields the checks point at that have no control: the program and the status (R18). */
const UNEDITABLE = new Set(['programId', 'status']);

/**
 * The path a refused check sends the reader to: its `field`, made precise where the params name a
 * member (R17 texts of a foreign member → that member's outline in §6(4); R16 → that member's
 * consent row), and the §6(4) outlines section for a missing member outline. Null when the check
 * points at nothing the form edits.
 */
export function checkTarget(check: PathCheck, app: ProjectApplication): string | null {
  const field = check.field;
  if (field === undefined || UNEDITABLE.has(field)) return null;
  const params = check.params ?? {};
  if (check.code === 'program.section_missing' && params.section === 'memberOutlines') {
    return 'memberOutlines';
  }
  const institutionId = typeof params.institutionId === 'string' ? params.institutionId : null;
  if (institutionId !== null) {
    if (field === 'attachments' && check.code.endsWith('consent_missing')) {
      return `attachments.consents.${institutionId}`;
    }
    if (field === 'attachments' && typeof params.attachmentId === 'string') {
      const index = app.attachments.findIndex((a) => a.id === params.attachmentId);
      if (index >= 0) return `attachments.${index}`;
    }
    if (check.code === 'program.texts_untranslated') {
      const at = memberPath(app, institutionId);
      if (at) return `memberOutlines.${at.side}.${at.index}`;
    }
  }
  return field;
}

/** Where a member sits in the consortia. */
export function memberPath(
  app: ProjectApplication,
  institutionId: string,
): { side: 'home' | 'partner'; index: number } | null {
  for (const side of ['home', 'partner'] as const) {
    const index = app.outline.consortia[side].members.findIndex(
      (m) => m.institutionId === institutionId,
    );
    if (index >= 0) return { side, index };
  }
  return null;
}

/** The refused checks whose target is `path` or inside it; with `exact`, only those at `path`. */
export function refusedAt<C extends PathCheck>(
  checks: readonly C[],
  app: ProjectApplication,
  path: string,
  exact = false,
): C[] {
  return checks.filter((c) => {
    if (c.ok) return false;
    const target = checkTarget(c, app);
    return exact ? target === path : isWithin(target ?? undefined, path);
  });
}

/**
 * The paths to try, most precise first, when focusing the control of `path`: the path and each
 * shorter prefix (`outline.numbers.0.outbound`, `outline.numbers.0`, `outline.numbers`, `outline`).
 */
export function focusCandidates(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('.'));
  return out;
}
