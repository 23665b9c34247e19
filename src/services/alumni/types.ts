/** What the alumni use cases take and return (the routes' zod schemas describe the same shapes). */
import type { AlumniConsent, AlumniField, Audience, Direction } from '#src/domain/alumni/index.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';

export interface Named {
  id: string;
  name: LocalizedText;
}

export interface AssociationSummary {
  id: string;
  names: LocalizedText;
  institution: Named;
  program: Named | null;
  foundedOn: string | null;
  alumni: number;
  invented: boolean;
}

export interface MeetingView {
  id: string;
  kind: string;
  number: number | null;
  heldOn: string;
  title: LocalizedText;
  minutes: LocalizedText;
  eventId: string | null;
  invented: boolean;
}

export interface AssociationDetail extends AssociationSummary {
  description: LocalizedText;
  counts: { outgoing: number; incoming: number };
  officers: { userId: string; name: LocalizedText; title: string; since: string }[];
  meetings: MeetingView[];
  may: { manage: boolean };
}

export interface AssociationInput {
  institutionId: string;
  programId?: string | null;
  names: LocalizedText;
  description?: LocalizedText;
  foundedOn?: string | null;
}

export interface OfficerInput {
  userId: string;
  title: string;
  since: string;
}

export interface MeetingInput {
  heldOn: string;
  number: number | null;
  title: LocalizedText;
  minutes: LocalizedText;
  eventId: string | null;
}

export interface DirectoryItem {
  id: string;
  direction: Direction;
  mine: boolean;
  name?: string;
  home?: Named;
  host?: Named;
  year?: number;
  fieldOfStudy?: string | null;
  currentPosition?: string | null;
  contact?: string | null;
  degreeAtHost?: boolean | null;
  worksInJapanRussia?: boolean | null;
  outcomeNote?: string | null;
}

export interface ProfileInput {
  fieldOfStudy: string | null;
  currentPosition: string | null;
  contact: string | null;
  degreeAtHost: boolean | null;
  worksInJapanRussia: boolean | null;
  outcomeNote: string | null;
  consent: AlumniConsent;
  mentorOptIn: boolean;
}

export interface MyAlumniRecord extends ProfileInput {
  id: string;
  association: { id: string; names: LocalizedText };
  name: string;
  home: Named;
  host: Named;
  direction: Direction;
  year: number;
}

export interface MyAlumni {
  items: MyAlumniRecord[];
  fields: AlumniField[];
  audiences: Audience[];
}

export interface MentorView {
  id: string;
  name: string;
  host: Named;
  year: number;
  fieldOfStudy: string | null;
  contact: string | null;
  sameHost: boolean;
  sameField: boolean;
}

export interface MyMentors {
  stays: {
    mobilityId: string;
    host: Named;
    startDate: string;
    optedIn: boolean;
    fieldOfStudy: string | null;
    mentors: MentorView[];
  }[];
}
