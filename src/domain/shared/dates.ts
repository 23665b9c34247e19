import { z } from 'zod';

/**
 * A calendar date, YYYY-MM-DD, that exists (no 2023-02-30, no 9999-99-99): the one date schema of
 * every boundary, so that an impossible date is a 400 naming its field, never a database error.
 */
export const isoDateSchema = z.iso.date('expected a calendar date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof isoDateSchema>;
