/**
 * The refusals of the platform's resource limits (`refusals.limits.<name>`): what a request may
 * weigh, how far an uploaded archive may expand, how many heavy tasks one person may run at once.
 * Params carry the limit as a number (`limitBytes` in bytes, `limit` as a count or a ratio).
 */
export const LIMIT_CODES = {
  /** The request body is larger than the route accepts (params: limitBytes). */
  bodyTooLarge: 'limits.body_too_large',
  /** An archive (XLSX) holds more files than allowed (params: limit, found). */
  archiveTooManyEntries: 'limits.archive_too_many_entries',
  /** An archive expands to more bytes than allowed (params: limitBytes). */
  archiveTooLarge: 'limits.archive_too_large',
  /** A file in an archive expands more than the allowed ratio (params: limit). */
  archiveRatio: 'limits.archive_ratio',
  /** The person already runs as many heavy tasks as allowed (params: limit). */
  tooManyTasks: 'limits.too_many_tasks',
} as const;

export const REFUSAL_CODES: readonly string[] = Object.values(LIMIT_CODES);
