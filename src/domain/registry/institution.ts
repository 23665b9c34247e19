import { z } from 'zod';

/**
 * An institution as entered by hand or imported. Its id is the SCHAC code of Erasmus Without
 * Paper: the institution's internet domain in lower case (e.g. `tohoku.ac.jp`, `nsu.ru`).
 */
export const INSTITUTION_TYPES = [
  'university',
  'academy_branch',
  'company',
  'ministry',
  'local_authority',
  'association',
  'other',
] as const;

export const ORG_UNIT_KINDS = [
  'faculty',
  'graduate_school',
  'department',
  'masters_course',
  'doctoral_course',
  'institute',
] as const;

const SCHAC = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const SchacCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SCHAC, 'not a SCHAC code: use the internet domain, e.g. tohoku.ac.jp');

type Names = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;
const nameIn = z.string().trim().max(300).optional();
/** Names by language; empty ones are dropped. */
const NamesInput = z
  .object({ en: nameIn, ja: nameIn, ru: nameIn, fr: nameIn })
  .optional()
  .transform((o): Names => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v)));

export const InstitutionInputSchema = z.object({
  id: SchacCode,
  name: z.string().trim().min(1, 'required').max(300),
  names: NamesInput,
  type: z.enum(INSTITUTION_TYPES),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
  city: z.string().trim().min(1, 'required').max(200),
  latitude: z.coerce.number().min(-90).max(90).nullable().default(null),
  longitude: z.coerce.number().min(-180).max(180).nullable().default(null),
  website: z.string().trim().url().nullable().optional(),
});
export type InstitutionInput = z.infer<typeof InstitutionInputSchema>;

export const InstitutionPatchSchema = InstitutionInputSchema.omit({ id: true }).partial();

export const OrgUnitInputSchema = z.object({
  kind: z.enum(ORG_UNIT_KINDS),
  name: z.string().trim().min(1).max(300),
  names: NamesInput,
  parentId: z.string().uuid().nullable().optional(),
});

/** One import row's problem: the line of the file (1 = header), the column and the message. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

/**
 * Checks every row of an import before anything is written. Rows are the file's records with
 * header names as keys; `names.ja` style columns fill the names by language.
 */
export function validateInstitutionRows(
  rows: readonly Record<string, string | number | null | undefined>[],
  existingIds: ReadonlySet<string> = new Set(),
  mode: 'create' | 'upsert' = 'upsert',
): { ok: InstitutionInput[]; errors: RowError[] } {
  const ok: InstitutionInput[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const line = index + 2;
    const blank = (v: unknown) => (v === '' || v === undefined ? undefined : v);
    const candidate = {
      id: raw.id,
      name: raw.name,
      names: {
        en: blank(raw['names.en']),
        ja: blank(raw['names.ja']),
        ru: blank(raw['names.ru']),
        fr: blank(raw['names.fr']),
      },
      type: raw.type,
      country: raw.country,
      city: raw.city,
      latitude: blank(raw.latitude) ?? null,
      longitude: blank(raw.longitude) ?? null,
      website: blank(raw.website) ?? null,
    };
    const parsed = InstitutionInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ line, field: issue.path.join('.') || '(row)', message: issue.message });
      }
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier) {
      errors.push({ line, field: 'id', message: `duplicate of line ${earlier}` });
      return;
    }
    if (mode === 'create' && existingIds.has(parsed.data.id)) {
      errors.push({ line, field: 'id', message: `"${parsed.data.id}" already exists` });
      return;
    }
    seen.set(parsed.data.id, line);
    ok.push(parsed.data);
  });
  return { ok, errors };
}
