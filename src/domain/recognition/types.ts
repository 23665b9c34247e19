/** Small types shared by the recognition modules. */
import {
  refusal,
  type Language,
  type LocalizedText,
  type MessageParams,
  type Refusal as SharedRefusal,
  type RuleId,
} from '../shared/refusal.ts';

export type { LocalizedText } from '../shared/refusal.ts';

/** R3 (003 §5(3)): bachelor, master, doctor. */
export type StudyLevel = 'bachelor' | 'master' | 'doctor';

/**
 * An expected refusal: a code of `refusal-codes.ts` with its params (the reader's app writes the
 * sentence), and an English `message` for logs and the command line.
 */
export type Refusal<Code extends string = string> = SharedRefusal & { code: Code; message: string };

export type Result<T, Code extends string = string> =
  { ok: true; value: T } | { ok: false; refusal: Refusal<Code> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A refusal of the recognition rules, with its params and English message. */
export function refuse<Code extends string>(
  code: Code,
  message: string,
  params: MessageParams = {},
  options: { rule?: RuleId; field?: string } = {},
): Refusal<Code> {
  return { ...refusal(code, params, options), code, message };
}

export function fail<Code extends string>(
  code: Code,
  message: string,
  params: MessageParams = {},
  options: { rule?: RuleId; field?: string } = {},
): { ok: false; refusal: Refusal<Code> } {
  return { ok: false, refusal: refuse(code, message, params, options) };
}

/** The first non-empty title, in the order asked for. */
export function pickText(
  text: LocalizedText,
  order: readonly Language[] = ['en', 'ja', 'fr', 'ru'],
) {
  for (const l of order) {
    const t = text[l];
    if (t) return t;
  }
  return '';
}
