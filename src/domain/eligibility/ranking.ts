/**
 * Validation of a student's ranked list of hosts: a host outside the call, a duplicate, or more
 * than the call's maximum is refused, naming the 1-based position. The list is all-or-nothing: the
 * caller saves it only when `ok`.
 */
import { rankingErrorMessage, type RankingErrorCode } from './reason-messages.ts';
import type { EligibilityCall, ReasonParams } from './types.ts';

export interface RankingError {
  /** `calls.ranking_empty`, `calls.ranking_too_long`… */
  code: `calls.${RankingErrorCode}`;
  /** 1-based position in the list; 0 for the list as a whole (an empty list). */
  position: number;
  message: string;
  params: ReasonParams;
}

export type RankingValidation =
  { ok: true; ranking: string[] } | { ok: false; errors: RankingError[] };

function error(code: RankingErrorCode, position: number, params: ReasonParams): RankingError {
  const all = { position, ...params };
  return { code: `calls.${code}`, position, message: rankingErrorMessage(code, all), params: all };
}

/** Checks a ranked list against the call: every error, in position order. */
export function validateRanking(
  ranking: readonly string[],
  call: Pick<EligibilityCall, 'hosts' | 'maxRankedHosts'>,
): RankingValidation {
  if (ranking.length === 0) return { ok: false, errors: [error('ranking_empty', 0, {})] };
  const hosts = new Set(call.hosts.map((h) => h.institutionId));
  const firstSeen = new Map<string, number>();
  const errors: RankingError[] = [];
  ranking.forEach((host, index) => {
    const position = index + 1;
    if (position > call.maxRankedHosts) {
      errors.push(error('ranking_too_long', position, { max: call.maxRankedHosts, host }));
      return;
    }
    const first = firstSeen.get(host);
    if (first !== undefined) {
      errors.push(error('ranking_duplicate_host', position, { host, first }));
      return;
    }
    firstSeen.set(host, position);
    if (!hosts.has(host)) errors.push(error('ranking_unknown_host', position, { host }));
  });
  return errors.length === 0 ? { ok: true, ranking: [...ranking] } : { ok: false, errors };
}
