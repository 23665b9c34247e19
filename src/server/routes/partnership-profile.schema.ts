/** The API contract of a partnership profile: figures computed from the records, no person named. */
import { z } from 'zod';
import { eventKindSchema } from '#src/domain/events/kinds.ts';
import {
  DEGREE_KINDS,
  DEGREE_LEVELS,
  LAB_KINDS,
  PLAN_STATUSES,
  PROGRAMME_STATUSES,
} from '#src/domain/partnership/kinds.ts';
import { languageSchema, localizedTextSchema } from '#src/domain/shared/refusal.ts';

const Text = localizedTextSchema;
const Count = z.number().int();
const Money = z.object({ amountMinor: z.number().int(), currency: z.string() });

export const ProfileParams = z.object({ id: z.uuid() });
export const ProfileFileQuery = z.object({ lang: languageSchema.optional() });

export const PartnershipProfileSchema = z.object({
  id: z.string(),
  title: Text,
  since: z.string().nullable(),
  invented: z.boolean(),
  partners: z.array(z.object({ id: z.string(), name: Text })),
  themes: z.array(
    z.object({
      key: z.string(),
      label: Text,
      publications: Count.describe('co-publications tagged with the theme'),
      labs: Count,
    }),
  ),
  agreements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      invented: z.boolean(),
    }),
  ),
  mobility: z.object({
    years: z.array(
      z.object({
        year: Count,
        directions: z.array(
          z.object({ homeId: z.string(), hostId: z.string(), students: Count, months: z.number() }),
        ),
        students: Count,
        months: z.number(),
      }),
    ),
    students: Count,
    months: z.number(),
  }),
  jukebox: z.object({
    years: z.array(z.object({ year: Count, enrolments: Count })),
    enrolments: Count,
  }),
  publications: z.object({
    total: Count,
    perYear: z.array(z.object({ year: Count, n: Count })),
    firstYear: Count.nullable(),
    lastYear: Count.nullable(),
    perYearAverage: z.number().nullable(),
  }),
  cotutelles: z.object({
    planned: Count,
    in_progress: Count,
    defended: Count,
    abandoned: Count,
    total: Count,
  }),
  labs: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(LAB_KINDS),
      title: Text,
      fundingInstrument: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      fundedUntil: z.string().nullable(),
      totals: z.array(Money),
      extensions: z.array(Money.extend({ startsOn: z.string(), endsOn: z.string() })),
      themes: z.array(z.string()),
      invented: z.boolean(),
    }),
  ),
  programmes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DEGREE_KINDS),
      title: Text,
      level: z.enum(DEGREE_LEVELS),
      status: z.enum(PROGRAMME_STATUSES),
      startsOn: z.string().nullable(),
      enrolled: Count,
      graduated: Count,
      invented: z.boolean(),
    }),
  ),
  visits: z.object({
    total: Count,
    byRole: z.array(z.object({ role: z.string(), n: Count })),
    teaching: Count.describe('visits in which the visitor taught courses'),
  }),
  events: z.array(
    z.object({
      id: z.string(),
      kind: eventKindSchema,
      title: Text,
      startsOn: z.string(),
      endsOn: z.string(),
      city: z.string().nullable(),
      invented: z.boolean(),
    }),
  ),
  plans: z.array(
    z.object({
      id: z.string(),
      title: Text,
      status: z.enum(PLAN_STATUSES),
      startsOn: z.string(),
      endsOn: z.string(),
      invented: z.boolean(),
    }),
  ),
});
