/** Minutes of a session: versioned; an approved version is locked and never edited again. */
import { refusal, type Refusal } from '../shared/refusal.ts';
import { EVENT_CODES } from './refusal-codes.ts';

export interface MinutesVersion {
  version: number;
  approvedAt: string | null;
}

/** The refusal of editing or approving `v` once approved; null while it is a draft. */
export function minutesEditProblem(v: MinutesVersion): Refusal | null {
  return v.approvedAt === null ? null : refusal(EVENT_CODES.minutesLocked, { version: v.version });
}

/** The number of a new version after `versions`. */
export const nextMinutesVersion = (versions: readonly MinutesVersion[]) =>
  versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
