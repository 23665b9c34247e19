/** The refusals of alumni associations (`refusals.alumni.<name>`). */
export const ALUMNI_CODES = {
  /** The person named an officer has no alumni record in the association. */
  officerNotAlumnus: 'alumni.officer_not_alumnus',
  /** The person already holds an office in the association. */
  officerAlready: 'alumni.officer_already',
  /** The contact is neither an e-mail address nor an http(s) link. */
  contactInvalid: 'alumni.contact_invalid',
  /** The mentee has no mobility still to come (params: none). */
  noOutgoingStay: 'alumni.no_outgoing_stay',
  /** The university named for a new association is not in the registry. */
  unknownUniversity: 'alumni.unknown_university',
  /** The program named for a new association is not known. */
  unknownProgram: 'alumni.unknown_program',
  /** The university (with this program, or without one) already has an association. */
  associationExists: 'alumni.association_exists',
  /** The event named for a general conference is not in the calendar. */
  unknownEvent: 'alumni.unknown_event',
  /** The event named for a general conference is of another kind (params: kind). */
  eventNotConference: 'alumni.event_not_conference',
} as const;

export const REFUSAL_CODES = Object.values(ALUMNI_CODES);
export type AlumniRefusalCode = (typeof REFUSAL_CODES)[number];

/** A contact is an e-mail address or an http(s) link. */
export function isValidContact(contact: string): boolean {
  const c = contact.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c)) return true;
  try {
    const url = new URL(c);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
