/** The dashboards' API contract: filters, tables (drawn as charts and tables), the map, records. */
import { z } from 'zod';
import { NamesSchema } from './common.schema.ts';

export const DASHBOARD_KINDS = ['program', 'consortium', 'institution'] as const;

export const DashboardParams = z.object({ id: z.string().min(1).max(200) });

const Years = z
  .string()
  .max(200)
  .regex(/^(\d{4})?(,\d{4})*$/, 'fiscal years as 2015,2016')
  .optional()
  .describe('Fiscal years (by their first calendar year), comma-separated');

export const DashboardQuery = z.object({
  years: Years,
  partner: z.string().max(200).optional().describe('An institution on the other side'),
  level: z.string().max(40).optional(),
  field: z
    .string()
    .regex(/^\d{4}$/, 'an ISCED-F 2013 field, four digits')
    .optional(),
});

export const RecordQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  direction: z.enum(['sent', 'received']).optional(),
  partner: z.string().max(200).optional(),
  level: z.string().max(40).optional(),
  field: z
    .string()
    .regex(/^\d{4}$/, 'an ISCED-F 2013 field, four digits')
    .optional(),
  agreement: z.string().max(200).optional(),
  homeCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  hostCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  tookPlace: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const RecordsQuery = DashboardQuery.extend(RecordQuerySchema.shape);

export const ExportQuery = DashboardQuery.extend({
  table: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z_]+$/),
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['ja', 'ru', 'en', 'fr']).default('en'),
});

/** What selects the stays behind a figure (the dashboard's own filters apply too). */
export const RecordLink = z.object({
  year: z.number().int().optional(),
  direction: z.enum(['sent', 'received']).optional(),
  partner: z.string().optional(),
  level: z.string().optional(),
  agreement: z.string().optional(),
  homeCountry: z.string().optional(),
  hostCountry: z.string().optional(),
  tookPlace: z.boolean().optional(),
});

export const CellSchema = z.union([
  z.null(),
  z.string(),
  z.number(),
  z.object({ names: NamesSchema }),
  z.object({ n: z.number(), records: RecordLink }),
]);

export const TableSchema = z.object({
  id: z.string().describe('The table: its caption and headers are translated by the web app'),
  columns: z.array(z.string()).describe('Column keys, the headers of the downloads'),
  rows: z.array(z.array(CellSchema)),
  omitted: z
    .number()
    .int()
    .optional()
    .describe('Rows of a long table left out of the page; its download holds every row'),
});

export const DashboardView = z.object({
  kind: z.enum(DASHBOARD_KINDS),
  id: z.string(),
  name: NamesSchema,
  startMonth: z.number().int().min(1).max(12),
  today: z.string(),
  filter: z.object({
    years: z.array(z.number().int()),
    partner: z.string().nullable(),
    level: z.string().nullable(),
    field: z.string().nullable(),
  }),
  options: z.object({
    years: z.array(z.number().int()),
    partners: z.array(z.object({ id: z.string(), name: NamesSchema })),
    levels: z.array(z.string()),
    fields: z.array(z.string()),
  }),
  tables: z.array(TableSchema),
  map: z.object({
    places: z.array(
      z.object({
        id: z.string(),
        city: z.string(),
        country: z.string(),
        latitude: z.number(),
        longitude: z.number(),
      }),
    ),
    flows: z.array(
      z.object({ from: z.string(), to: z.string(), students: z.number(), months: z.number() }),
    ),
  }),
});

const Place = z.object({ id: z.string(), name: NamesSchema });

export const RecordsView = z.object({
  total: z.number().int(),
  truncated: z.boolean(),
  items: z.array(
    z.object({
      id: z.string().nullable().describe('The mobility, for readers who may open it'),
      home: Place,
      host: Place,
      student: z.string().nullable().describe("The student's name, for readers who may see it"),
      level: z.string(),
      startDate: z.string(),
      months: z.number(),
      status: z.string(),
      year: z.number().int(),
    }),
  ),
});

export const MyDashboardsView = z.object({
  items: z.array(z.object({ kind: z.enum(DASHBOARD_KINDS), id: z.string(), name: NamesSchema })),
});

export type DashboardView = z.infer<typeof DashboardView>;
export type TableView = z.infer<typeof TableSchema>;
export type CellView = z.infer<typeof CellSchema>;
export type RecordLinkView = z.infer<typeof RecordLink>;
export type RecordsView = z.infer<typeof RecordsView>;
export type MyDashboardsView = z.infer<typeof MyDashboardsView>;
