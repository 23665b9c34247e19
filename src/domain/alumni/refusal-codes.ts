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
