/** The events area's API: events, their programme, registrations, minutes and series. */
import { API_BASE, apiRequest } from '../../api/client.ts';
import type { z } from 'zod';
import type {
  CheckInResultSchema,
  ContributionBody,
  ContributionSchema,
  EventBody,
  EventDetailSchema,
  EventListSchema,
  EventSummarySchema,
  MinutesListSchema,
  MyEventsSchema,
  ParticipantsSchema,
  PartySchema,
  RegistrationSchema,
  SeriesBody,
  SeriesSchema,
  SessionBody,
  SessionSchema,
} from '../../../server/routes/events.schema.ts';

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

type Infer<T extends z.ZodType> = z.infer<T>;

/** A registry party (institution or consortium/association) with its name in every language. */
export type Party = Infer<typeof PartySchema>;
export type PartyRef = Pick<Party, 'type' | 'id'>;
export type EventSummary = Infer<typeof EventSummarySchema>;
export type EventDetail = Infer<typeof EventDetailSchema>;
export type Session = Infer<typeof SessionSchema>;
export type Contribution = Infer<typeof ContributionSchema>;
export type Registration = Infer<typeof RegistrationSchema>;
/** A participant as listed; the organisers also get the registration's state. */
export type Participant = Infer<typeof ParticipantsSchema>['items'][number];
export type MinutesVersion = Infer<typeof MinutesListSchema>['items'][number];
export type SeriesDetail = Infer<typeof SeriesSchema>;
export type EventInput = z.input<typeof EventBody>;
export type SessionInput = z.input<typeof SessionBody>;
export type ContributionInput = z.input<typeof ContributionBody>;
export type SeriesInput = z.input<typeof SeriesBody>;

const enc = encodeURIComponent;

export const listEvents = (q: string, signal?: AbortSignal) =>
  apiRequest<Infer<typeof EventListSchema>>('/events', {
    query: { q },
    signal,
  });

export const getEvent = (id: string, signal?: AbortSignal) =>
  apiRequest<EventDetail>(`/events/${enc(id)}`, { signal });

export const createEvent = (body: EventInput, csrfToken: string | null) =>
  apiRequest<EventDetail>('/events', { method: 'POST', body, csrfToken });

export const updateEvent = (id: string, body: EventInput, csrfToken: string | null) =>
  apiRequest<EventDetail>(`/events/${enc(id)}`, { method: 'PUT', body, csrfToken });

export const createSession = (eventId: string, body: SessionInput, csrfToken: string | null) =>
  apiRequest<EventDetail>(`/events/${enc(eventId)}/sessions`, { method: 'POST', body, csrfToken });

export const updateSession = (id: string, body: SessionInput, csrfToken: string | null) =>
  apiRequest<EventDetail>(`/event-sessions/${enc(id)}`, { method: 'PUT', body, csrfToken });

export const removeSession = (id: string, csrfToken: string | null) =>
  apiRequest<unknown>(`/event-sessions/${enc(id)}`, { method: 'DELETE', csrfToken });

export const createContribution = (
  sessionId: string,
  body: ContributionInput,
  csrfToken: string | null,
) =>
  apiRequest<EventDetail>(`/event-sessions/${enc(sessionId)}/contributions`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const register = (id: string, body: { listed: boolean }, csrfToken: string | null) =>
  apiRequest<Registration>(`/events/${enc(id)}/registrations`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const cancelRegistration = (id: string, csrfToken: string | null) =>
  apiRequest<Registration>(`/event-registrations/${enc(id)}/cancel`, {
    method: 'POST',
    csrfToken,
  });

export const decideRegistration = (
  id: string,
  decision: 'approve' | 'refuse',
  csrfToken: string | null,
) =>
  apiRequest<Registration>(`/event-registrations/${enc(id)}/${decision}`, {
    method: 'POST',
    csrfToken,
  });

export const checkIn = (eventId: string, token: string, csrfToken: string | null) =>
  apiRequest<Infer<typeof CheckInResultSchema>>(`/events/${enc(eventId)}/check-in`, {
    method: 'POST',
    body: { token },
    csrfToken,
  });

export const listParticipants = (id: string, signal?: AbortSignal) =>
  apiRequest<Infer<typeof ParticipantsSchema>>(`/events/${enc(id)}/participants`, {
    signal,
  });

/** The attendance certificate (A4 PDF in the participant's language), after check-in. */
export const certificateUrl = (registrationId: string) =>
  `${API_BASE}/event-registrations/${enc(registrationId)}/certificate.pdf`;

export const eventCalendarUrl = (id: string) => `${API_BASE}/events/${enc(id)}/calendar.ics`;
export const seriesCalendarUrl = (id: string) => `${API_BASE}/event-series/${enc(id)}/calendar.ics`;

export const listMinutes = (sessionId: string, signal?: AbortSignal) =>
  apiRequest<Infer<typeof MinutesListSchema>>(`/event-sessions/${enc(sessionId)}/minutes`, {
    signal,
  });

export const addMinutes = (sessionId: string, text: Localized, csrfToken: string | null) =>
  apiRequest<unknown>(`/event-sessions/${enc(sessionId)}/minutes`, {
    method: 'POST',
    body: { text },
    csrfToken,
  });

export const approveMinutes = (sessionId: string, version: number, csrfToken: string | null) =>
  apiRequest<unknown>(`/event-sessions/${enc(sessionId)}/minutes/${version}/approve`, {
    method: 'POST',
    csrfToken,
  });

export const getSeries = (id: string, signal?: AbortSignal) =>
  apiRequest<SeriesDetail>(`/event-series/${enc(id)}`, { signal });

/** The person's own registration: consent to be listed (withdrawn at once from every list). */
export const updateMyRegistration = (
  id: string,
  body: { listed?: boolean; answers?: Record<string, string> },
  csrfToken: string | null,
) =>
  apiRequest<Registration>(`/event-registrations/${enc(id)}`, { method: 'PATCH', body, csrfToken });

export const listSeries = (signal?: AbortSignal) =>
  apiRequest<{ items: SeriesDetail[] }>('/event-series', { signal });

export const myEvents = (signal?: AbortSignal) =>
  apiRequest<Infer<typeof MyEventsSchema>>('/me/events', { signal });

export const MY_CALENDAR_URL = `${API_BASE}/me/events.ics`;

export const updateContribution = (id: string, body: ContributionInput, csrfToken: string | null) =>
  apiRequest<EventDetail>(`/event-contributions/${enc(id)}`, { method: 'PUT', body, csrfToken });

export const removeContribution = (id: string, csrfToken: string | null) =>
  apiRequest<unknown>(`/event-contributions/${enc(id)}`, { method: 'DELETE', csrfToken });

export const createSeries = (body: SeriesInput, csrfToken: string | null) =>
  apiRequest<SeriesDetail>('/event-series', { method: 'POST', body, csrfToken });

/** A signing ceremony opens the liaison office it celebrates (it enters the registry). */
export const openLiaisonOffice = (
  eventId: string,
  body: {
    institutionId: string;
    consortiumId: string | null;
    name: string;
    names: Localized;
    city: string;
    country: string;
    department: string | null;
    person: string | null;
    contact: string | null;
  },
  csrfToken: string | null,
) =>
  apiRequest<EventDetail>(`/events/${enc(eventId)}/liaison-office`, {
    method: 'POST',
    body,
    csrfToken,
  });
