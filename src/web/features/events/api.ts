/** The events area's API: events, their programme, registrations, minutes and series. */
import { API_BASE, apiRequest } from '../../api/client.ts';
import type {
  ContributionKind,
  EventKind,
  EventMode,
  RegistrationStatus,
} from '../../../domain/events/kinds.ts';

export type Localized = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;

export {
  CONTRIBUTION_KINDS,
  EVENT_KINDS,
  EVENT_MODES,
  REGISTRATION_STATUSES,
  type ContributionKind,
  type EventKind,
  type EventMode,
  type RegistrationStatus,
} from '../../../domain/events/kinds.ts';

export type Party = { id: string; name: string; names?: Record<string, string> | null };

export type EventSummary = {
  id: string;
  kind: EventKind;
  title: Localized;
  mode: EventMode;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string | null;
  series: { id: string; title: Localized } | null;
  invented: boolean;
};

export type Speaker = { userId: string | null; name: string };

export type Contribution = {
  id: string;
  kind: ContributionKind;
  title: Localized;
  abstract: Localized;
  speakers: Speaker[];
  materialUrl: string | null;
  videoUrl: string | null;
  recordingConsent: boolean | null;
};

export type Session = {
  id: string;
  day: string;
  title: Localized;
  room: string | null;
  startsAt: string;
  endsAt: string;
  /** The online link, given only to registered participants shortly before the start. */
  onlineUrl: string | null;
  /** True when the session has an online part whose link is not (yet) shown to this reader. */
  hasOnlinePart: boolean;
  contributions: Contribution[];
};

export type Registration = {
  id: string;
  eventId: string;
  status: RegistrationStatus;
  /** 1 for the first on the waiting list, null when not on it. */
  waitlistPosition: number | null;
  consentToList: boolean;
  checkedInAt: string | null;
  /** The check-in link (its token) once confirmed, to show as a QR code or text. */
  checkInUrl: string | null;
  person: { name: string; institution: string | null };
  createdAt: string;
};

export type EventDetail = EventSummary & {
  description: Localized;
  venue: string | null;
  capacity: number | null;
  approvalRequired: boolean;
  organisers: Party[];
  sessions: Session[];
  confirmedCount: number;
  waitlistCount: number;
  myRegistration: Registration | null;
  may: { edit: boolean; register: boolean; manageRegistrations: boolean; seeParticipants: boolean };
};

export type Participant = { name: string; institution: string | null };

export type MinutesVersion = {
  version: number;
  text: Localized;
  approved: boolean;
  approvedAt: string | null;
  authorName: string;
  createdAt: string;
};

export type SeriesDetail = {
  id: string;
  title: Localized;
  rotation: { countries: string[]; minMonths: number; maxMonths: number } | null;
  nextHost: { country: string; earliest: string; latest: string } | null;
  events: (EventSummary & { hostCountry: string | null })[];
};

export type ContributionInput = {
  kind: ContributionKind;
  title: Localized;
  abstract: Localized;
  speakers: { userId: string | null; name: string }[];
  materialUrl: string | null;
  videoUrl: string | null;
  recordingConsent: boolean | null;
};
export type SessionInput = {
  day: string;
  startTime: string;
  endTime: string;
  title: Localized;
  room: string | null;
  onlineUrl: string | null;
  contributions: ContributionInput[];
};
export type EventInput = {
  kind: EventKind;
  title: Localized;
  description: Localized;
  mode: EventMode;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string | null;
  venue: string | null;
  capacity: number | null;
  approvalRequired: boolean;
  seriesId: string | null;
  organiserIds: string[];
  sessions: SessionInput[];
};

const enc = encodeURIComponent;

export const listEvents = (q: string, signal?: AbortSignal) =>
  apiRequest<{ items: EventSummary[] }>('/events', { query: { q }, signal });

export const getEvent = (id: string, signal?: AbortSignal) =>
  apiRequest<EventDetail>(`/events/${enc(id)}`, { signal });

export const createEvent = (body: EventInput, csrfToken: string | null) =>
  apiRequest<EventDetail>('/events', { method: 'POST', body, csrfToken });

export const updateEvent = (id: string, body: EventInput, csrfToken: string | null) =>
  apiRequest<EventDetail>(`/events/${enc(id)}`, { method: 'PUT', body, csrfToken });

export const register = (id: string, body: { consentToList: boolean }, csrfToken: string | null) =>
  apiRequest<Registration>(`/events/${enc(id)}/registrations`, {
    method: 'POST',
    body,
    csrfToken,
  });

type RegistrationStep = 'cancel' | 'approve' | 'refuse' | 'check-in';
export const registrationStep = (id: string, step: RegistrationStep, csrfToken: string | null) =>
  apiRequest<Registration>(`/event-registrations/${enc(id)}/${step}`, {
    method: 'POST',
    csrfToken,
  });

export const listParticipants = (id: string, signal?: AbortSignal) =>
  apiRequest<{ items: Participant[] }>(`/events/${enc(id)}/participants`, { signal });

export const listRegistrations = (id: string, signal?: AbortSignal) =>
  apiRequest<{ items: Registration[] }>(`/events/${enc(id)}/registrations`, { signal });

export const certificateUrl = (registrationId: string, lang: string) =>
  `${API_BASE}/event-registrations/${enc(registrationId)}/certificate.pdf?lang=${enc(lang)}`;

export const eventCalendarUrl = (id: string) => `${API_BASE}/events/${enc(id)}.ics`;
export const seriesCalendarUrl = (id: string) => `${API_BASE}/event-series/${enc(id)}.ics`;

export const listMinutes = (sessionId: string, signal?: AbortSignal) =>
  apiRequest<{ items: MinutesVersion[] }>(`/event-sessions/${enc(sessionId)}/minutes`, {
    signal,
  });

export const addMinutes = (sessionId: string, text: Localized, csrfToken: string | null) =>
  apiRequest<MinutesVersion>(`/event-sessions/${enc(sessionId)}/minutes`, {
    method: 'POST',
    body: { text },
    csrfToken,
  });

export const approveMinutes = (sessionId: string, version: number, csrfToken: string | null) =>
  apiRequest<MinutesVersion>(`/event-sessions/${enc(sessionId)}/minutes/${version}/approve`, {
    method: 'POST',
    csrfToken,
  });

export const getSeries = (id: string, signal?: AbortSignal) =>
  apiRequest<SeriesDetail>(`/event-series/${enc(id)}`, { signal });
