/**
 * The narrative sections of the implementation report (R20, 003 §10(2)), beside the figures:
 * self-evaluation, quality assurance, issues and the measures taken, and the plan for what
 * follows. Completeness is checked live while the report is drafted, and submitting with a
 * section missing is refused, naming each missing section.
 */
import { refusal, type LocalizedText, type Refusal } from '../shared/refusal.ts';
import { REPORTS_CODES as C } from './refusal-codes.ts';

export const NARRATIVE_SECTIONS = [
  'self_evaluation',
  'quality_assurance',
  'issues_and_measures',
  'plan',
] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

/** A section's text: one text, or the same text in several of the platform's languages. */
export type SectionText = string | LocalizedText | null | undefined;
export type NarrativeSections = Partial<Record<NarrativeSection, SectionText>>;

/** Whether a section has some text (in at least one language), not only blanks. */
export function isWritten(text: SectionText): boolean {
  if (text == null) return false;
  if (typeof text === 'string') return text.trim() !== '';
  return Object.values(text).some((t) => typeof t === 'string' && t.trim() !== '');
}

/** One refusal per missing section, in the order of `NARRATIVE_SECTIONS`; empty when complete. */
export function narrativeProblems(sections: NarrativeSections): Refusal[] {
  return NARRATIVE_SECTIONS.filter((s) => !isWritten(sections[s])).map((section) =>
    refusal(C.sectionMissing, { section }, { rule: 'R20', field: `narrative.${section}` }),
  );
}

/** Live completeness: how many of the sections are written, and which are not. */
export function narrativeCompleteness(sections: NarrativeSections): {
  written: number;
  total: number;
  missing: NarrativeSection[];
} {
  const missing = NARRATIVE_SECTIONS.filter((s) => !isWritten(sections[s]));
  return {
    written: NARRATIVE_SECTIONS.length - missing.length,
    total: NARRATIVE_SECTIONS.length,
    missing,
  };
}
