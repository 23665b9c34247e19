import { z } from 'zod';
import { messageParamsSchema, refusalSchema } from '#src/domain/shared/refusal.ts';
import { ERROR_CODES } from '#src/domain/shared/error-codes.ts';
import { isoDateSchema } from '#src/domain/shared/dates.ts';

export const NamesSchema = z
  .object({ en: z.string(), ja: z.string(), ru: z.string(), fr: z.string() })
  .partial()
  .describe('The name in each language the organisation uses');

export const FieldIssueSchema = z.object({
  field: z.string().describe('where: body.ranking[2], query.page…'),
  code: z.string().describe('what, for the reader’s app to translate: too_small, invalid_type…'),
  params: messageParamsSchema.optional(),
  message: z.string().describe('in English, for logs and API clients'),
});

/**
 * Every error: `code` decides the status; `message` is English for logs and API clients; people
 * read the translation of `details.refusals` (rule violations, conflicts) or `details.issues`
 * (invalid input) or of `code` itself.
 */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z
      .object({
        refusals: z.array(refusalSchema).optional(),
        rules: z.array(z.string()).optional(),
        issues: z.array(FieldIssueSchema).optional(),
        requestId: z.string().optional(),
      })
      .catchall(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;

export const PageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** Keyset paging: at most `limit` rows after the row `cursor` names (from a `nextCursor`). */
export const KeysetQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('The nextCursor of the previous page, unchanged'),
};

/** Keyset paging searched by `q`, whose words are described by `what`. */
export const keysetSearchQuery = (what: string) => ({
  q: z.string().trim().min(1).max(200).optional().describe(what),
  ...KeysetQuery,
});

/** What a list of students' records is searched by. */
export const STUDENT_NAME_WORDS =
  'Words of the student’s name, in any script (case and accents ignored)';

/** The cursor of the page after this one; null on the last page. */
export const NextCursor = z
  .string()
  .nullable()
  .describe('Pass as ?cursor= for the next page; null when this is the last page');

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** A real calendar date (src/domain/shared/dates.ts). */
export const IsoDate = isoDateSchema;
