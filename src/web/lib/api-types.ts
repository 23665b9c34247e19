/** Types of the error contract, inferred from the server's schemas (never copied by hand). */
import type { z } from 'zod';
import type { ErrorSchema, FieldIssueSchema } from '../../server/routes/common.schema.ts';
import type { refusalSchema } from '../../domain/shared/refusal.ts';

export type ErrorBody = z.infer<typeof ErrorSchema>;
export type FieldIssue = z.infer<typeof FieldIssueSchema>;
export type Refusal = z.infer<typeof refusalSchema>;
