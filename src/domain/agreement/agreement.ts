import { z } from 'zod';
import { isIscedF } from './isced.ts';
import { refusal, type MessageParams, type Refusal, type RuleId } from '../shared/refusal.ts';

/**
 * An exchange agreement: between two institutions, or between two consortia (N×M: every member
 * of one may send to every member of the other). One shared, versioned record that both parties
 * approve (R2, 003 §5(2); source document 004: the Tsukuba–Grenoble mobility agreement of 1997).
 */

export const LEVELS = ['bachelor', 'master', 'doctor'] as const;
export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const STATUSES = ['draft', 'signed', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof STATUSES)[number];
export type PartyKey = 'A' | 'B';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const QuotaSchema = z.object({
  /** The academic year by its starting calendar year, in the sending side's calendar. */
  academicYear: z.number().int().min(1900).max(2200),
  students: z.number().int().min(0),
  months: z.number().min(0),
});

export const DirectionSchema = z.object({
  from: z.enum(['A', 'B']),
  levels: z.array(z.enum(LEVELS)).min(1, 'name at least one level (R3)'),
  fields: z
    .array(
      z.string().refine(isIscedF, {
        message: 'not an ISCED-F 2013 four-digit code',
        params: { code: 'agreement.not_isced_field' },
      }),
    )
    .default([]),
  languages: z
    .array(
      z.object({ language: z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code'), cefr: z.enum(CEFR) }),
    )
    .default([]),
  quotas: z.array(QuotaSchema).default([]),
});

export const ClausesSchema = z.object({
  /** R5, 003 §5(5): students paying tuition at home pay none at the host. */
  tuitionWaiver: z.boolean().default(false),
  /** R6 / R16, 003 §5(6), §7(2): common qualifications, screening standards and methods. */
  commonScreening: z.boolean().default(false),
  /** R7 / R16, 003 §5(7), §7(2): common credit recognition. */
  commonRecognition: z.boolean().default(false),
  other: z.string().max(10_000).optional(),
});

export const AgreementContentSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    validFrom: IsoDate,
    validTo: IsoDate,
    clauses: ClausesSchema.default({
      tuitionWaiver: false,
      commonScreening: false,
      commonRecognition: false,
    }),
    directions: z.array(DirectionSchema).max(2).default([]),
    /** Largest allowed |sent − received| per year in each unit, when no program sets it (R4). */
    balanceTolerance: z
      .object({ students: z.number().min(0), months: z.number().min(0) })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.validTo < c.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: 'ends before it starts',
        params: { code: 'agreement.ends_before_start', validFrom: c.validFrom },
      });
    }
    const froms = c.directions.map((d) => d.from);
    if (new Set(froms).size !== froms.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['directions'],
        message: 'one entry per direction',
        params: { code: 'agreement.duplicate_direction' },
      });
    }
  });
export type AgreementContent = z.infer<typeof AgreementContentSchema>;

export interface Signature {
  party: PartyKey;
  signedOn: string;
  signatory: string;
}

export interface AgreementVersion {
  version: number;
  content: AgreementContent;
  kind: 'draft' | 'amendment';
  signatures: Signature[];
}

export interface AgreementState {
  status: AgreementStatus;
  versions: AgreementVersion[];
}

/** A refusal of the agreement rules: the shared vocabulary, with `ok: false` to tell it from a pass. */
export type AgreementRefusal = Refusal & { ok: false };
export type Verdict = { ok: true } | AgreementRefusal;
const refuse = (code: string, params: MessageParams = {}, rule?: RuleId): AgreementRefusal => ({
  ok: false,
  ...refusal(code, params, { rule }),
});
/** The shared refusal of a verdict, without its `ok` flag (what the API sends). */
export const asRefusal = ({ ok: _ok, ...r }: AgreementRefusal): Refusal => r;

export const latest = (s: AgreementState) => s.versions[s.versions.length - 1];
/** The version in force: the latest one both parties signed. */
export const inForce = (s: AgreementState) => [...s.versions].reverse().find((v) => fullySigned(v));
export const fullySigned = (v: AgreementVersion) =>
  v.signatures.some((x) => x.party === 'A') && v.signatures.some((x) => x.party === 'B');

/**
 * Editing: a draft changes in place as new versions; once a version is signed, a change is an
 * amendment — a new version that takes effect only when both sides sign it.
 */
export function planEdit(s: AgreementState): { kind: 'draft' | 'amendment' } | AgreementRefusal {
  if (s.status === 'expired' || s.status === 'terminated') {
    return refuse('agreement.closed', { status: s.status });
  }
  return { kind: inForce(s) ? 'amendment' : 'draft' };
}

/** A party signs the latest version. */
export function checkSign(s: AgreementState, party: PartyKey): Verdict {
  const v = latest(s);
  if (!v) return refuse('agreement.no_version');
  if (s.status === 'expired' || s.status === 'terminated') {
    return refuse('agreement.closed', { status: s.status });
  }
  if (v.signatures.some((x) => x.party === party)) {
    return refuse('agreement.already_signed', { party, version: v.version });
  }
  return { ok: true };
}

/** The status after a signature or as time passes: signed → active on validFrom, expired after validTo. */
export function statusOn(s: AgreementState, today: string): AgreementStatus {
  if (s.status === 'terminated') return 'terminated';
  const v = inForce(s);
  if (!v) return 'draft';
  if (today > v.content.validTo) return 'expired';
  if (today >= v.content.validFrom) return 'active';
  return 'signed';
}

/** R1, 003 §2(1), §5(1): a pilot project pairs ≥ min Japanese universities with ≥ min foreign ones. */
export function checkConsortiumPair(
  sides: {
    japanese: { id: string; type: string; country: string }[];
    foreign: { id: string; type: string; country: string }[];
  },
  minimumPerSide: number,
): Verdict {
  const universities = (xs: { type: string }[]) => xs.filter((x) => x.type === 'university').length;
  const jp = universities(sides.japanese.filter((x) => x.country === 'JP'));
  const foreign = universities(sides.foreign.filter((x) => x.country !== 'JP'));
  if (jp < minimumPerSide) {
    return refuse('agreement.too_few_japanese', { count: jp, minimum: minimumPerSide }, 'R1');
  }
  if (foreign < minimumPerSide) {
    return refuse('agreement.too_few_foreign', { count: foreign, minimum: minimumPerSide }, 'R1');
  }
  return { ok: true };
}

/** A value in a change: a field's text, number or yes/no, or a list of codes (levels, fields). */
export type ChangeValue = string | number | boolean | string[];

export interface ContentChange {
  /** The changed field: `validTo`, `clauses.tuitionWaiver`, `directions.A.quotas.2016.months`… */
  path: string;
  /** absent when the field was added */
  before?: ChangeValue;
  /** absent when the field was removed */
  after?: ChangeValue;
}

/** Lists whose entries have a key of their own are compared entry by entry, by that key. */
const ENTRY_KEYS = ['from', 'academicYear', 'language'] as const;

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function keyedEntries(x: unknown): Record<string, unknown> | null {
  if (!Array.isArray(x) || x.length === 0 || !x.every(isObj)) return null;
  const key = ENTRY_KEYS.find((k) => x.every((e) => k in e));
  if (!key) return null;
  return Object.fromEntries(
    x.map((e) => [
      String(e[key]),
      Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)),
    ]),
  );
}

const leaf = (x: unknown): ChangeValue | undefined =>
  x === undefined || x === null
    ? undefined
    : typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'
      ? x
      : Array.isArray(x)
        ? x.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)))
        : JSON.stringify(x);

/**
 * What changed between two versions, field by field (for the history): nested fields by their
 * path, directions by their sending party, quotas by academic year, languages by language.
 */
export function diffContent(a: unknown, b: unknown, path = ''): ContentChange[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const objA = isObj(a)
    ? a
    : (keyedEntries(a) ?? (a === undefined && (isObj(b) || keyedEntries(b)) ? {} : null));
  const objB = isObj(b) ? b : (keyedEntries(b) ?? (b === undefined && objA ? {} : null));
  if (objA && objB) {
    const keys = [...new Set([...Object.keys(objA), ...Object.keys(objB)])].sort();
    return keys.flatMap((k) => diffContent(objA[k], objB[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && a.length === 0 && keyedEntries(b)) return diffContent({}, b, path);
  if (Array.isArray(b) && b.length === 0 && keyedEntries(a)) return diffContent(a, {}, path);
  const change: ContentChange = { path: path || '(root)' };
  const before = leaf(a);
  const after = leaf(b);
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return [change];
}
