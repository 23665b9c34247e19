/**
 * What EWP needs of a record that Kakehashi's own records do not hold, kept beside the record:
 * contacts and the partner's agreement id for an agreement; the student's identity as EWP names
 * it, the field, language and level of study and the contact persons for a mobility.
 */

/** A contact person as EWP documents carry one. */
export type EwpPerson = {
  givenNames?: string;
  familyName?: string;
  /** The name as written, when not split in given and family names. */
  name?: string;
  email?: string;
  phone?: string;
};

export type AgreementEwpDetails = {
  /** The partner's own id and code of the agreement (each partner numbers its copy). */
  partnerIiaIds?: { A?: string; B?: string };
  iiaCodes?: { A?: string; B?: string };
  /** Contacts of each party for this agreement. */
  contacts?: { A?: EwpPerson[]; B?: EwpPerson[] };
  /** Organisational units of each party the agreement is signed for (our unit ids). */
  ounitIds?: { A?: string; B?: string };
};

export type MobilityEwpDetails = {
  student?: {
    givenNames?: string;
    familyName?: string;
    /** The European Student Identifier; derived from the home SCHAC code when absent. */
    globalId?: string;
    birthDate?: string;
    citizenship?: string;
    gender?: number;
    email?: string;
  };
  /** ISCED-F 2013 code of the field studied (4 digits). */
  iscedCode?: string;
  iscedClarification?: string;
  languageSkill?: { language: string; cefrLevel: string };
  eqfLevel?: number;
  /** `YYYY/YYYY-N/M` when the stay is a standard term of the sending institution. */
  sendingTermId?: string;
  sendingContact?: EwpPerson;
  receivingContact?: EwpPerson;
  sendingOunitId?: string;
  receivingOunitId?: string;
};

export type EwpDetailsKind = 'agreement' | 'mobility' | 'learning-agreement' | 'transcript';
