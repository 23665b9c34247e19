/**
 * What an alumni record holds, who may read each part of it, and how the holder says so.
 *
 * Every field of a profile is shown to an audience only when its holder opted in for that field
 * and that audience (opt-in: nothing is shown until consented). The audiences are:
 * - `consortium`: people of a university that shares a consortium or association with the
 *   record's home or host university, or of one of those universities;
 * - `partner_country`: people of a university in the partner country of the stay (the country of
 *   the side the alumnus went to or came from);
 * - `public`: everyone, signed in or not.
 */
import { z } from 'zod';

export const ALUMNI_FIELDS = [
  'name',
  'home',
  'host',
  'year',
  'fieldOfStudy',
  'currentPosition',
  'contact',
  // Outcomes a funder asks for, consented like the rest.
  'degreeAtHost',
  'worksInJapanRussia',
  'outcomeNote',
] as const;
export type AlumniField = (typeof ALUMNI_FIELDS)[number];

export const AUDIENCES = ['consortium', 'partner_country', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Per field, the audiences the holder opted in for; a field absent is shown to nobody. */
export type AlumniConsent = Partial<Record<AlumniField, Audience[]>>;

export const alumniConsentSchema = z
  .partialRecord(z.enum(ALUMNI_FIELDS), z.array(z.enum(AUDIENCES)).max(AUDIENCES.length))
  .describe('per field, the audiences the alumnus opted in for') satisfies z.ZodType<AlumniConsent>;

/** The direction of a stay seen from the association's university. */
export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** What the alumnus writes about themself (everything optional). */
export interface AlumniProfileText {
  fieldOfStudy: string | null;
  currentPosition: string | null;
  contact: string | null;
  /** Went on to degree study at the host university. */
  degreeAtHost: boolean | null;
  /** Works in Japan–Russia relations. */
  worksInJapanRussia: boolean | null;
  outcomeNote: string | null;
}

/** An alumni record as the directory reads it: facts of the stay, and the profile. */
export interface AlumniRecord extends AlumniProfileText {
  id: string;
  associationId: string;
  userId: string | null;
  name: string;
  homeId: string;
  hostId: string;
  direction: Direction;
  /** The cohort: the year the stay started. */
  year: number;
  programId: string | null;
  consent: AlumniConsent;
  mentorOptIn: boolean;
}

/** Only the consented audiences, each once, in the order of AUDIENCES. */
export function normaliseConsent(consent: AlumniConsent): AlumniConsent {
  const out: AlumniConsent = {};
  for (const field of ALUMNI_FIELDS) {
    const given = consent[field];
    if (!given?.length) continue;
    out[field] = AUDIENCES.filter((a) => given.includes(a));
  }
  return out;
}
