/**
 * Refusals of the calls area as people read them: the domain writes ids (`host: 'msu.ru'`); the
 * service puts the names in every language the record has next to them, so that the reader's
 * app says "Moscow State University", never `msu.ru`.
 */
import type { Db } from '#src/db/client.ts';
import { consortiumNames, institutionNames } from '#src/db/queries/names.ts';
import {
  RULE_IDS,
  refusal,
  type LocalizedText,
  type MessageParam,
  type MessageParams,
  type Refusal,
  type RuleId,
} from '#src/domain/shared/refusal.ts';

/** Params whose values are institution ids, consortium ids, or either. */
const INSTITUTION_PARAMS = new Set(['host', 'home', 'institution', 'missing']);
const CONSORTIUM_PARAMS = new Set(['consortia']);
const EITHER_PARAMS = new Set(['consortium']);

type Raw = { rule?: unknown; code: string; params?: unknown; field?: string };

const idsOf = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];

/**
 * A stored or domain reason as a refusal of the vocabulary: the code `calls.<name>` (reasons
 * stored before the vocabulary carry the bare name), a known rule id, params as they are.
 */
export function asRefusal(raw: Raw): Refusal {
  const code = raw.code.includes('.') ? raw.code : `calls.${raw.code}`;
  const rule = (RULE_IDS as readonly unknown[]).includes(raw.rule)
    ? (raw.rule as RuleId)
    : undefined;
  const params = (
    typeof raw.params === 'object' && raw.params !== null ? raw.params : {}
  ) as MessageParams;
  return refusal(code, params, { rule, field: raw.field });
}

/** The names every refusal's ids need, loaded once. */
export async function namesFor(db: Db, refusals: readonly Raw[]) {
  const institutions = new Set<string>();
  const consortia = new Set<string>();
  for (const r of refusals) {
    const params = (r.params ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(params)) {
      if (INSTITUTION_PARAMS.has(key) || EITHER_PARAMS.has(key))
        idsOf(value).forEach((id) => institutions.add(id));
      if (CONSORTIUM_PARAMS.has(key) || EITHER_PARAMS.has(key))
        idsOf(value).forEach((id) => consortia.add(id));
    }
  }
  return {
    institutions: await institutionNames(db, [...institutions]),
    consortia: await consortiumNames(db, [...consortia]),
  };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

function named(key: string, value: MessageParam, names: Names): MessageParam {
  const one = (id: string): LocalizedText | string => {
    if (INSTITUTION_PARAMS.has(key)) return names.institutions.get(id) ?? { en: id };
    if (CONSORTIUM_PARAMS.has(key)) return names.consortia.get(id) ?? { en: id };
    return names.consortia.get(id) ?? names.institutions.get(id) ?? { en: id };
  };
  if (typeof value === 'string') return one(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? one(v) : v));
  return value;
}

/** The refusal with names in place of the ids it carries (`host`, `home`, `consortia`…). */
export function withNames(r: Refusal, names: Names): Refusal {
  const params: Record<string, MessageParam> = {};
  for (const [key, value] of Object.entries(r.params)) {
    const isId =
      INSTITUTION_PARAMS.has(key) || CONSORTIUM_PARAMS.has(key) || EITHER_PARAMS.has(key);
    params[key] = isId ? named(key, value, names) : value;
  }
  return { ...r, params };
}

/** Reasons (domain or stored) as refusals with names, in one round of queries. */
export async function namedRefusals(db: Db, reasons: readonly Raw[]): Promise<Refusal[]> {
  const names = await namesFor(db, reasons);
  return reasons.map((r) => withNames(asRefusal(r), names));
}
