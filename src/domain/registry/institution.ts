import { z } from 'zod';
import type { MessageParams } from '../shared/refusal.ts';
import { parseErasmusCode, parsePic, parseRor } from './identifiers.ts';

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
  .refine((v) => SCHAC.test(v), {
    message: 'not a SCHAC code: use the internet domain, e.g. tohoku.ac.jp',
    params: { code: 'registry.not_schac_code' },
  });

type Names = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;
const nameIn = z.string().trim().max(300).optional();
/** Names by language; empty ones are dropped. */
const NamesInput = z
  .object({ en: nameIn, ja: nameIn, ru: nameIn, fr: nameIn })
  .optional()
  .transform((o): Names => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v)));

/**
 * An optional identifier field: empty clears it, otherwise it must parse (normalised form kept);
 * an invalid one is refused with the registry's code for that identifier.
 */
const identifierField = (parse: (v: string) => string | null, code: string, message: string) =>
  z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      if (v === null || v === '') return null;
      const parsed = parse(v);
      if (parsed) return parsed;
      ctx.addIssue({ code: 'custom', message, params: { code } });
      return z.NEVER;
    });

/** The persistent identifiers an institution carries beside its SCHAC code. */
export const InstitutionIdentifiersSchema = z.object({
  ror: identifierField(
    parseRor,
    'registry.ror_invalid',
    'not a ROR id: 0, six base32 characters and two check digits, e.g. 02956yf07',
  ),
  erasmusCode: identifierField(
    parseErasmusCode,
    'registry.erasmus_invalid',
    'not an Erasmus code: country letters, city and digits, e.g. F  GRENOBL55',
  ),
  pic: identifierField(parsePic, 'registry.pic_invalid', 'not a PIC: nine digits'),
});

export const InstitutionInputSchema = z.object({
  id: SchacCode,
  name: z.string().trim().min(1, 'required').max(300),
  names: NamesInput,
  type: z.enum(INSTITUTION_TYPES),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{2}$/.test(v), {
      message: 'expected an ISO 3166-1 alpha-2 country code',
      params: { code: 'registry.not_country_code' },
    }),
  city: z.string().trim().min(1, 'required').max(200),
  latitude: z.coerce.number().min(-90).max(90).nullable().default(null),
  longitude: z.coerce.number().min(-180).max(180).nullable().default(null),
  website: z.string().trim().url().nullable().optional(),
  ...InstitutionIdentifiersSchema.shape,
});
export type InstitutionInput = z.infer<typeof InstitutionInputSchema>;

export const InstitutionPatchSchema = InstitutionInputSchema.omit({ id: true }).partial();

export const OrgUnitInputSchema = z.object({
  kind: z.enum(ORG_UNIT_KINDS),
  name: z.string().trim().min(1).max(300),
  names: NamesInput,
  parentId: z.string().uuid().nullable().optional(),
});

/**
 * One import row's problem: the line of the file (1 = header), the column, a `code` the reader's
 * app translates (a refusal code `registry.*`, or zod's issue code) with its `params`, and an
 * English `message` for logs and API clients.
 */
export interface RowError {
  line: number;
  field: string;
  code: string;
  params: MessageParams;
  message: string;
}

/** The code and params of a zod issue of a row: the schema's own code where it gives one. */
function issueCode(issue: z.core.$ZodIssue): { code: string; params: MessageParams } {
  const raw = issue as unknown as Record<string, unknown>;
  const own = raw.params as Record<string, unknown> | undefined;
  if (typeof own?.code === 'string') return { code: own.code, params: {} };
  const params: Record<string, string | number | boolean> = {};
  for (const key of ['minimum', 'maximum', 'inclusive', 'expected', 'format', 'origin'] as const) {
    const v = raw[key];
    if (typeof v === 'string' || typeof v === 'boolean') params[key] = v;
    else if (typeof v === 'number' || typeof v === 'bigint') params[key] = Number(v);
  }
  const values: MessageParams = Array.isArray(raw.values) ? { values: raw.values.map(String) } : {};
  return { code: issue.code, params: { ...params, ...values } };
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
        errors.push({
          line,
          field: issue.path.join('.') || '(row)',
          ...issueCode(issue),
          message: issue.message,
        });
      }
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier) {
      errors.push({
        line,
        field: 'id',
        code: 'registry.import_duplicate_row',
        params: { line: earlier },
        message: `duplicate of line ${earlier}`,
      });
      return;
    }
    if (mode === 'create' && existingIds.has(parsed.data.id)) {
      errors.push({
        line,
        field: 'id',
        code: 'registry.institution_exists',
        params: {},
        message: `"${parsed.data.id}" already exists`,
      });
      return;
    }
    seen.set(parsed.data.id, line);
    ok.push(parsed.data);
  });
  return { ok, errors };
}
