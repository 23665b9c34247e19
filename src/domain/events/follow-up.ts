/**
 * The follow-up form of an event: questions the organisers ask once a place is confirmed. An
 * answer must be to one of the event's questions; answers are given only by a confirmed participant.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import { EVENT_CODES } from './refusal-codes.ts';
import type { RegistrationStatus } from './kinds.ts';

/** The refusals of a set of answers: each answer to a question the event does not ask. */
export function answersProblems(
  questions: readonly { id: string }[],
  answers: Readonly<Record<string, string>>,
): Refusal[] {
  const asked = new Set(questions.map((q) => q.id));
  return Object.keys(answers)
    .filter((id) => !asked.has(id))
    .map((id) => refusal(EVENT_CODES.unknownQuestion, { id }, { field: `answers.${id}` }));
}

/** The follow-up form opens once the registration is confirmed. */
export const followUpOpen = (status: RegistrationStatus): boolean => status === 'confirmed';
