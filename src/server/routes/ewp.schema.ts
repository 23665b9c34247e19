import { z } from 'zod';
import { refusalSchema } from '#src/domain/shared/refusal.ts';
import { EWP_SCHEMAS } from '#src/interop/ewp/schemas.ts';
import { ErrorSchema } from './common.schema.ts';

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
  422: ErrorSchema,
};

/** A download: the file, or a refusal (422 names each field the specifications require). */
export const downloadResponses = {
  200: z.string().describe('the EWP XML document'),
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  422: ErrorSchema,
};

export const RecordIdParams = z.object({ id: z.uuid() });

export const ImportBody = z.object({
  fileName: z.string().max(200).optional(),
  content: z.string().min(1).describe('the XML file’s text: IIAs, OMobilities, LAs, ToRs or ELMO'),
  mobilityId: z
    .uuid()
    .optional()
    .describe('for an ELMO file that does not name its mobility: the mobility it belongs to'),
});

const FieldDifference = z.object({
  path: z.string(),
  ours: z.string().nullable(),
  theirs: z.string().nullable(),
});

export const ImportPreview = z.object({
  id: z.uuid(),
  kind: z.enum(Object.keys(EWP_SCHEMAS) as [keyof typeof EWP_SCHEMAS]),
  status: z.string().describe('preview, applied or discarded'),
  fileName: z.string().nullable(),
  schemaChecked: z.boolean().describe('whether the file was validated against the official schema'),
  unknownInstitutions: z.array(z.string()).describe('SCHAC codes we do not know'),
  blockers: z.array(refusalSchema).describe('what prevents applying'),
  items: z.array(
    z.object({
      key: z.string(),
      effect: z.enum(['create', 'keep-partner-copy']),
      recordId: z.string(),
      differences: z.array(FieldDifference),
      hashMatches: z.boolean().optional(),
      validForApproval: z.boolean().optional(),
      notMapped: z.array(z.string()),
    }),
  ),
});
