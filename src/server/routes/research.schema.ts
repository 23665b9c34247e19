import { z } from 'zod';
import { PUBLICATION_TYPES, SOURCE_FORMATS } from '#src/domain/research/publication.ts';
import { messageParamsSchema } from '#src/domain/shared/refusal.ts';
import { ErrorSchema, NamesSchema } from './common.schema.ts';

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
};

const Named = z.object({ id: z.string(), name: NamesSchema });

export const PublicationAuthor = z.object({
  name: z.string(),
  orcid: z.string().nullable(),
  affiliation: z.string().nullable().describe('as the source wrote it'),
  institution: Named.nullable().describe('the registry institution the affiliation names'),
});

export const Publication = z.object({
  id: z.uuid(),
  doi: z.string().nullable().describe('lower case, without resolver prefix'),
  title: z.string(),
  year: z.number().int(),
  venue: z.string().nullable(),
  type: z.enum(PUBLICATION_TYPES),
  authors: z.array(PublicationAuthor),
  themes: z.array(z.string()).describe('theme keys, e.g. smart-cities'),
  sourceFormat: z.enum(SOURCE_FORMATS),
  invented: z.boolean(),
  institutions: z.array(Named).describe('the institutions its authors are matched to'),
});
export type Publication = z.infer<typeof Publication>;

export const PublicationIdParams = z.object({ id: z.uuid() });

export const PublicationQuery = z.object({
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(1000).max(2999).optional(),
  theme: z.string().max(60).optional(),
  institution: z.string().max(253).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const PublicationList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(Publication),
  facets: z.object({ years: z.array(z.number().int()), themes: z.array(z.string()) }),
  may: z.object({ import: z.boolean() }),
});
export type PublicationList = z.infer<typeof PublicationList>;

export const CountsQuery = z.object({
  institutions: z
    .string()
    .min(1)
    .max(2000)
    .describe('SCHAC codes separated by commas; two or more give co-publications'),
  fromYear: z.coerce.number().int().min(1000).max(2999).optional(),
  toYear: z.coerce.number().int().min(1000).max(2999).optional(),
});

const YearCount = z.object({ year: z.number().int(), n: z.number().int() });
const ThemeCount = z.object({ theme: z.string(), n: z.number().int() });
export const PublicationCounts = z.object({
  total: z.number().int(),
  perYear: z.array(YearCount),
  perTheme: z.array(ThemeCount),
  coPublications: z.object({
    total: z.number().int(),
    perYear: z.array(YearCount),
    perTheme: z.array(ThemeCount),
  }),
});

const PreviewAuthor = z.object({
  name: z.string(),
  orcid: z.string().nullable().optional(),
  affiliation: z.string().nullable().optional(),
  rors: z.array(z.string()).optional(),
  matchedInstitutionId: z.string().nullable().optional(),
});
const PreviewEntry = z.object({
  line: z.number().int().describe('the line of the file the entry starts on'),
  doi: z.string().nullable(),
  title: z.string(),
  year: z.number().int(),
  venue: z.string().nullable(),
  type: z.enum(PUBLICATION_TYPES),
  authors: z.array(PreviewAuthor),
  themes: z.array(z.string()),
  invented: z.boolean(),
});
export const ImportPreview = z.object({
  good: z.array(PreviewEntry),
  duplicates: z.array(
    z.object({
      entry: PreviewEntry,
      code: z.string().describe('research.duplicate_in_file or research.duplicate_existing'),
      params: messageParamsSchema,
      existingId: z.string().optional(),
    }),
  ),
  broken: z.array(
    z.object({
      line: z.number().int(),
      code: z.string().describe('a research.* refusal code'),
      params: messageParamsSchema,
      title: z.string().nullable().optional(),
    }),
  ),
});

const BatchStatus = z.enum(['previewed', 'applied', 'discarded']);
export const ImportBatch = z.object({
  id: z.uuid(),
  institution: Named,
  fileName: z.string(),
  sourceFormat: z.enum(SOURCE_FORMATS),
  status: BatchStatus,
  added: z.number().int(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  preview: ImportPreview,
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ImportBatchList = z.object({
  items: z.array(
    ImportBatch.omit({ preview: true }).extend({
      counts: z.object({
        good: z.number().int(),
        duplicates: z.number().int(),
        broken: z.number().int(),
      }),
    }),
  ),
});

export const ImportBody = z.object({
  institutionId: z.string().min(1).max(253).describe('the institution whose staff’s work this is'),
  fileName: z.string().max(200).default('publications'),
  content: z
    .string()
    .min(1)
    .describe('the file’s text: BibTeX, RIS, CSL-JSON, Crossref or OpenAlex JSON'),
});

export const BatchIdParams = z.object({ id: z.uuid() });

export const IdentifierParams = z.object({ value: z.string().min(1).max(300) });
export const IdentifierLookup = z.object({
  kind: z.enum(['ror', 'orcid', 'doi', 'erasmus', 'pic', 'schac']),
  value: z.string().describe('the identifier, normalised'),
  institution: z.object({ id: z.string(), name: z.string(), names: NamesSchema }).optional(),
  person: z.object({ id: z.uuid(), name: NamesSchema }).nullable().optional(),
  publication: Publication.optional(),
  publications: z.array(Publication).optional(),
});

export const OrcidBody = z.object({
  orcid: z.string().max(100).nullable().describe('an ORCID iD, or null to clear it'),
});
export const OrcidResult = z.object({ orcid: z.string().nullable() });
export const PersonIdParams = z.object({ id: z.uuid() });
