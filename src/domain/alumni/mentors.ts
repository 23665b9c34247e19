/**
 * Returnees offered as mentors to outgoing students: a mentor who opted in is offered to a student
 * who opted in, bound for the same host university or studying the same field. Both sides opt in;
 * neither is offered to the other otherwise.
 */
export interface MentorCandidate {
  id: string;
  userId: string | null;
  hostId: string;
  fieldOfStudy: string | null;
  mentorOptIn: boolean;
}

export interface Mentee {
  userId: string;
  hostId: string;
  fieldOfStudy: string | null;
  optedIn: boolean;
}

export type MentorMatch = { mentorId: string; sameHost: boolean; sameField: boolean };

const fold = (s: string | null) => (s ?? '').normalize('NFKC').trim().toLowerCase();

/** The mentors offered to the mentee, those bound for the same host first. */
export function matchMentors(mentee: Mentee, mentors: readonly MentorCandidate[]): MentorMatch[] {
  if (!mentee.optedIn) return [];
  const field = fold(mentee.fieldOfStudy);
  const out: MentorMatch[] = [];
  for (const m of mentors) {
    if (!m.mentorOptIn || !m.userId || m.userId === mentee.userId) continue;
    const sameHost = m.hostId === mentee.hostId;
    const sameField = field !== '' && fold(m.fieldOfStudy) === field;
    if (sameHost || sameField) out.push({ mentorId: m.id, sameHost, sameField });
  }
  return out.sort((a, b) => Number(b.sameHost) - Number(a.sameHost));
}
