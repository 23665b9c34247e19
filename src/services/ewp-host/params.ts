import type { DaySpan } from '#src/db/queries/ewp-host.ts';

/**
 * The request parameters of the EWP endpoints: form-encoded, from the query (GET) or the body
 * (POST); repeatable ones come as several values. A bad value is said to the partner's developers
 * in English (the error-response's developer-message), as the EWP specifications expect.
 */
export type EwpParams = Record<string, string | string[] | undefined>;

export class EwpParamError extends Error {}

export function values(params: EwpParams, name: string): string[] {
  const v = params[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A parameter given at most once. */
export function single(params: EwpParams, name: string, required = false): string | undefined {
  const all = values(params, name);
  if (all.length > 1) throw new EwpParamError(`${name} is not repeatable`);
  if (required && all.length === 0) throw new EwpParamError(`${name} is required`);
  return all[0];
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** `modified_since` as an instant (xs:dateTime; without a zone it is read as UTC). */
export function modifiedSince(params: EwpParams): Date | undefined {
  const raw = single(params, 'modified_since');
  if (raw === undefined) return undefined;
  const m = DATE_TIME.exec(raw.trim());
  const at = m ? Date.parse(m[8] ? raw.trim() : `${raw.trim()}Z`) : NaN;
  if (!Number.isFinite(at)) {
    throw new EwpParamError(
      'modified_since must be an xs:dateTime, e.g. 2004-02-12T15:19:21+01:00',
    );
  }
  return new Date(at);
}

/**
 * An academic year id (`2026/2027`, or `2026/2026` for a calendar-year system) as the days it
 * may cover. Partners count years from September, Japanese universities from April: the span
 * runs from April of the first year to August of the second, so that a stay in either calendar
 * is found (the specification lets a server include more, never less).
 */
export function academicYear(raw: string): DaySpan {
  const m = /^(\d{4})\/(\d{4})$/.exec(raw.trim());
  const first = m ? Number(m[1]) : NaN;
  const second = m ? Number(m[2]) : NaN;
  if (!m || (second !== first && second !== first + 1)) {
    throw new EwpParamError(`receiving_academic_year_id must be YYYY/YYYY, got "${raw}"`);
  }
  return second === first
    ? { from: `${first}-01-01`, to: `${first}-12-31` }
    : { from: `${first}-04-01`, to: `${second}-08-31` };
}

/** Ids of a get request: at least one, at most the limit our manifest announces. */
export function ids(params: EwpParams, name: string, max: number): string[] {
  const all = values(params, name);
  if (all.length === 0) throw new EwpParamError(`${name} is required`);
  if (all.length > max) {
    throw new EwpParamError(`at most ${max} ${name} values per request (max-*-ids)`);
  }
  return all;
}
