import { CEFR_LEVELS, type Cefr, type LanguageRequirement, type LanguageSkill } from './types.ts';

/** Position of a CEFR level, A1 = 0 … C2 = 5. */
export function cefrRank(level: Cefr): number {
  return CEFR_LEVELS.indexOf(level);
}

/** True when `actual` is at least `required` (A1 < A2 < B1 < B2 < C1 < C2). */
export function cefrAtLeast(actual: Cefr, required: Cefr): boolean {
  return cefrRank(actual) >= cefrRank(required);
}

/**
 * Does the student meet one of the host's language requirements? Requirements are alternatives
 * (the host teaches in each); an empty list is no requirement. Language codes compare
 * case-insensitively; when a language is declared twice, the higher level counts.
 */
export function meetsLanguageRequirements(
  skills: readonly LanguageSkill[],
  requirements: readonly LanguageRequirement[],
): boolean {
  if (requirements.length === 0) return true;
  return requirements.some((req) =>
    skills.some(
      (skill) =>
        skill.language.toLowerCase() === req.language.toLowerCase() &&
        cefrAtLeast(skill.level, req.minLevel),
    ),
  );
}

/** `['en B2', 'ja B1']`: language code and CEFR level, the notation messages carry. */
export function describeRequirements(requirements: readonly LanguageRequirement[]): string[] {
  return requirements.map((r) => `${r.language} ${r.minLevel}`);
}

export function describeSkills(skills: readonly LanguageSkill[]): string[] {
  return skills.map((s) => `${s.language} ${s.level}`);
}
