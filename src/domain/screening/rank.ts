/**
 * The rank list of a call (R6, 003 §5(6)): applicants by common score, highest first. Equal
 * scores (compared at 0.01, the precision of the common scale) are broken, in this order, by:
 *   1. `normalised_grade` — the higher normalised grade first (an applicant without one last);
 *   2. `submitted_at`     — the earlier submission first;
 *   3. `id`               — the applicant id in code-point order, the last resort, so the list
 *                           never depends on input order.
 * Every tie is explained. Pure and deterministic.
 */
import { ScreeningError, fixed2, round2 } from './errors.ts';

export const TIE_BREAKERS = ['normalised_grade', 'submitted_at', 'id'] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];

export interface RankInput {
  applicantId: string;
  /** Common score, 0–100. */
  score: number;
  /** Normalised grade, 0–100; `null` = none. */
  normalisedGrade: number | null;
  /** When the application was submitted: ISO date-time with an offset, e.g. `2027-02-01T09:00:00+09:00`. */
  submittedAt: string;
}

export interface RankedApplicant {
  /** Position after tie-breaks, 1-based, unique. */
  rank: number;
  /** Rank by score alone (competition ranking 1, 2, 2, 4): tied applicants share it. */
  scoreRank: number;
  applicantId: string;
  score: number;
  /** Other applicants with the same score, in rank order. */
  tiedWith: string[];
  /** Why this applicant is ahead of the next one with the same score; `null` otherwise. */
  aheadOfNext: { applicantId: string; decidedBy: TieBreaker; explanation: string } | null;
}

interface Keyed extends RankInput {
  scoreKey: number;
  time: number;
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which tie-breaker orders `a` before `b` (equal scores), and its sign. */
function decide(a: Keyed, b: Keyed): { by: TieBreaker; order: number } {
  const ga = a.normalisedGrade === null ? -Infinity : round2(a.normalisedGrade);
  const gb = b.normalisedGrade === null ? -Infinity : round2(b.normalisedGrade);
  if (ga !== gb) return { by: 'normalised_grade', order: gb > ga ? 1 : -1 };
  if (a.time !== b.time) return { by: 'submitted_at', order: a.time - b.time };
  return { by: 'id', order: codePointCompare(a.applicantId, b.applicantId) };
}

function compare(a: Keyed, b: Keyed): number {
  if (a.scoreKey !== b.scoreKey) return b.scoreKey - a.scoreKey;
  return decide(a, b).order;
}

function explain(a: Keyed, b: Keyed, by: TieBreaker): string {
  const head = `tied with ${b.applicantId} at ${fixed2(a.score)}; ahead`;
  switch (by) {
    case 'normalised_grade':
      return `${head} on the normalised grade (${a.normalisedGrade === null ? 'none' : fixed2(a.normalisedGrade)} > ${b.normalisedGrade === null ? 'none' : fixed2(b.normalisedGrade)})`;
    case 'submitted_at':
      return `${head} on the earlier submission (${new Date(a.time).toISOString()} < ${new Date(b.time).toISOString()}), grades being equal`;
    case 'id':
      return `${head} by applicant id (${a.applicantId} < ${b.applicantId}), grades and submission times being equal`;
  }
}

/**
 * Ranks applicants. Throws `ScreeningError` for a duplicate applicant id or an unreadable
 * submission time.
 */
export function rankApplicants(applicants: readonly RankInput[]): RankedApplicant[] {
  const ids = new Set<string>();
  const keyed: Keyed[] = applicants.map((a) => {
    if (ids.has(a.applicantId)) {
      throw new ScreeningError(
        'duplicate_applicant',
        `applicant ${a.applicantId} is listed twice`,
        {
          applicant: a.applicantId,
        },
      );
    }
    ids.add(a.applicantId);
    const time = Date.parse(a.submittedAt);
    if (!/T.*(Z|[+-]\d{2}:\d{2})$/.test(a.submittedAt) || Number.isNaN(time)) {
      throw new ScreeningError(
        'invalid_submission_time',
        `applicant ${a.applicantId}: submittedAt "${a.submittedAt}" is not an ISO date-time with an offset`,
        { applicant: a.applicantId, submittedAt: a.submittedAt },
      );
    }
    return { ...a, scoreKey: round2(a.score), time };
  });
  keyed.sort(compare);

  const out: RankedApplicant[] = [];
  let groupStart = 0;
  for (let i = 0; i < keyed.length; i++) {
    const a = keyed[i] as Keyed;
    if (i > 0 && (keyed[i - 1] as Keyed).scoreKey !== a.scoreKey) groupStart = i;
    let groupEnd = i;
    while (groupEnd + 1 < keyed.length && (keyed[groupEnd + 1] as Keyed).scoreKey === a.scoreKey)
      groupEnd++;
    const group = keyed.slice(groupStart, groupEnd + 1);
    const next = i < groupEnd ? (keyed[i + 1] as Keyed) : null;
    let aheadOfNext: RankedApplicant['aheadOfNext'] = null;
    if (next) {
      const { by } = decide(a, next);
      aheadOfNext = {
        applicantId: next.applicantId,
        decidedBy: by,
        explanation: explain(a, next, by),
      };
    }
    out.push({
      rank: i + 1,
      scoreRank: groupStart + 1,
      applicantId: a.applicantId,
      score: a.scoreKey,
      tiedWith: group.filter((g) => g.applicantId !== a.applicantId).map((g) => g.applicantId),
      aheadOfNext,
    });
  }
  return out;
}
