import { z } from 'zod';
import { messageParamsSchema } from '#src/domain/shared/refusal.ts';
import { HISTORY_COLUMNS, HISTORY_ERROR_CODES } from '#src/domain/mobility/history-import.ts';
import { ErrorSchema } from './common.schema.ts';

export const ImportJobId = z.object({ id: z.uuid('expected an import id (UUID)') });

export const HistoryRowErrorSchema = z.object({
  line: z.number().int().describe('the line in the file; the header is line 1'),
  column: z.enum(HISTORY_COLUMNS),
  code: z.enum(HISTORY_ERROR_CODES).describe('for the reader’s app to translate'),
  params: messageParamsSchema,
});

export const ImportJobSchema = z
  .object({
    id: z.uuid(),
    state: z
      .enum(['running', 'applied', 'refused', 'cancelled', 'failed'])
      .describe('applied: every row was right; refused: rows in error, nothing written'),
    phase: z.enum(['reading', 'validating', 'applying']),
    rows: z.number().int().describe('rows read so far'),
    errorCount: z.number().int().describe('row errors in all'),
    errors: z.array(HistoryRowErrorSchema).describe('the first 100 row errors, by line'),
    result: z
      .object({
        rows: z.number().int(),
        inserted: z.number().int(),
        alreadyPresent: z.number().int().describe('stays an earlier import already brought'),
      })
      .nullable(),
    error: ErrorSchema.shape.error.nullable().describe('why the import failed, in the error shape'),
  })
  .describe('A mobility history import');
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  413: ErrorSchema,
  429: ErrorSchema,
};
