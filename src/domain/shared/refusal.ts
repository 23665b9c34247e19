/**
 * The one vocabulary for refusals, checks and other things the product tells a person: a stable
 * `code` with `params`, and the rule it applies when it applies one. The server never writes the
 * sentence; each reader's app renders `code` from its translation files (`refusals.<code>`).
 */
import { z } from 'zod';
import { LANGUAGES, type LocalizedText } from './platform-languages.ts';

// The languages live in a module without zod, so the web app's first page needs no schema library.
export {
  LANGUAGES,
  pickLocalized,
  type Language,
  type LocalizedText,
} from './platform-languages.ts';
export const languageSchema = z.enum(LANGUAGES);

export const localizedTextSchema = z
  .object({ ja: z.string(), ru: z.string(), en: z.string(), fr: z.string() })
  .partial();
/** A text that must be given in at least one language (titles, labels), each trimmed and non-empty. */
export const requiredLocalizedTextSchema = z
  .object({
    ja: z.string().trim().min(1).optional(),
    ru: z.string().trim().min(1).optional(),
    en: z.string().trim().min(1).optional(),
    fr: z.string().trim().min(1).optional(),
  })
  .refine((t) => Object.values(t).some(Boolean), {
    message: 'give the text in at least one language',
  }) satisfies z.ZodType<LocalizedText>;

/**
 * The rules of docs/rules.md (R1–R20), the submitter rule of 003 §11, and PAID_ONCE (nothing is
 * paid twice). One type for the whole domain.
 */
export const RULE_IDS = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
  'R16',
  'R17',
  'R18',
  'R19',
  'R20',
  '§11',
  'PAID_ONCE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const ruleIdSchema = z.enum(RULE_IDS);

/**
 * A value a message may carry: text, a number, a name in several languages (the reader's app
 * picks the one that fits its language), a list of texts or names, or nothing. Dates travel as ISO strings and
 * are formatted by the reader's app.
 */
export type MessageParam =
  string | number | boolean | null | LocalizedText | readonly (string | LocalizedText)[];
export type MessageParams = Readonly<Record<string, MessageParam>>;
export const messageParamSchema: z.ZodType<MessageParam> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  localizedTextSchema,
  z.array(z.union([z.string(), localizedTextSchema])),
]);
export const messageParamsSchema = z.record(z.string(), messageParamSchema);

/** Why something was refused: `code` is globally unique, `<area>.<name>` (e.g. `travel.above_ceiling`). */
export interface Refusal {
  rule?: RuleId;
  code: string;
  params: MessageParams;
  /** dotted path of the field to fix, when one field is at fault (e.g. `body.from`) */
  field?: string;
}
export const refusalSchema = z.object({
  rule: ruleIdSchema.optional(),
  code: z.string(),
  params: messageParamsSchema,
  field: z.string().optional(),
});

/** A refusal, without undefined keys (so that equality in tests and JSON agree). */
export function refusal(
  code: string,
  params: MessageParams = {},
  options: { rule?: RuleId | undefined; field?: string | undefined } = {},
): Refusal {
  const r: Refusal = { code, params };
  if (options.rule) r.rule = options.rule;
  if (options.field) r.field = options.field;
  return r;
}
