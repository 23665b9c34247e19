/**
 * Edits of a draft application as a reducer: set a field, add or remove a row of a list, by the
 * dotted path the checks use (`outline.schedule.milestones.1.what`). Pure and immutable: each
 * edit copies only the objects along the path.
 */
import type { Attachment, ProjectApplication } from '../../../domain/program/application.ts';
import type { LocalizedText } from '../../../domain/shared/refusal.ts';

export type DraftAction =
  | { type: 'set'; path: string; value: unknown }
  | { type: 'add'; path: string; item: unknown }
  | { type: 'remove'; path: string; index: number }
  | { type: 'reset'; content: ProjectApplication };

const segments = (path: string) => (path === '' ? [] : path.split('.'));

/** The value at `path`, or undefined when the path does not lead anywhere. */
export function getAt(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const key of segments(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A copy of `root` with `value` at `path`; missing objects along the way are created. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = segments(path);
  const go = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i] as string;
    if (Array.isArray(node)) {
      const copy = [...(node as unknown[])];
      const index = Number(key);
      copy[index] = go(copy[index], i + 1);
      return copy;
    }
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    const next = go(obj[key], i + 1);
    if (next === undefined) {
      // Optional fields are left out rather than set to undefined (the API drops them anyway).
      const { [key]: _dropped, ...rest } = obj;
      return rest;
    }
    return { ...obj, [key]: next };
  };
  return go(root, 0) as T;
}

function listAt(root: unknown, path: string): unknown[] {
  const list = getAt(root, path);
  return Array.isArray(list) ? (list as unknown[]) : [];
}

export function draftReducer(state: ProjectApplication, action: DraftAction): ProjectApplication {
  switch (action.type) {
    case 'set':
      return setAt(state, action.path, action.value);
    case 'add':
      return setAt(state, action.path, [...listAt(state, action.path), action.item]);
    case 'remove':
      return setAt(
        state,
        action.path,
        listAt(state, action.path).filter((_, i) => i !== action.index),
      );
    case 'reset':
      return action.content;
  }
}

/** Whether a text has content in any language. */
export function filled(text: LocalizedText | undefined): boolean {
  return text !== undefined && Object.values(text).some((v) => typeof v === 'string' && v.trim());
}

/** A text without its empty languages (an emptied field is not sent as ""). */
export function trimText(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as LocalizedText;
}

/**
 * The content as it is saved: rows of texts left empty (a goal, a field of study, a step of the
 * flow) are dropped, so that an empty row does not count as the item being filled in (R15).
 */
export function cleanForSave(app: ProjectApplication): ProjectApplication {
  const texts = (list: LocalizedText[]) => list.filter(filled);
  return {
    ...app,
    outline: {
      ...app.outline,
      significance: {
        ...app.outline.significance,
        goals: texts(app.outline.significance.goals),
      },
      fields: texts(app.outline.fields),
    },
    liaison: { ...app.liaison, implementationFlow: texts(app.liaison.implementationFlow) },
  };
}

/** An attachment id not used yet in the application: `att-1`, `att-2` … */
export function newAttachmentId(attachments: readonly Pick<Attachment, 'id'>[]): string {
  const used = new Set(attachments.map((a) => a.id));
  let n = attachments.length + 1;
  while (used.has(`att-${n}`)) n++;
  return `att-${n}`;
}
