/** Small types shared by the recognition modules. */

export type Lang = 'ja' | 'ru' | 'en' | 'fr';

/** A text in one or more of the platform's languages (at least one is expected). */
export type LocalisedText = Partial<Record<Lang, string>>;

/** R3 (003 §5(3)): bachelor, master, doctor. */
export type StudyLevel = 'bachelor' | 'master' | 'doctor';

/** An expected refusal: a stable code for programs and a message for people. */
export type Refusal<Code extends string = string> = { code: Code; message: string };

export type Result<T, Code extends string = string> =
  { ok: true; value: T } | { ok: false; refusal: Refusal<Code> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  code: Code,
  message: string,
): { ok: false; refusal: Refusal<Code> } {
  return { ok: false, refusal: { code, message } };
}

/** The first non-empty title, in the order asked for. */
export function pickText(text: LocalisedText, order: readonly Lang[] = ['en', 'ja', 'fr', 'ru']) {
  for (const l of order) {
    const t = text[l];
    if (t) return t;
  }
  return '';
}
