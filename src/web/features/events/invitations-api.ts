/** Invitations of an event and the signed-in person's calendar link. */
import type { z } from 'zod';
import { apiRequest } from '../../api/client.ts';
import type {
  CalendarFeedSchema,
  InvitationAudiencesSchema,
  InvitationBody,
  InvitationListSchema,
  InvitationResultSchema,
} from '../../../server/routes/events.schema.ts';

type Infer<T extends z.ZodType> = z.infer<T>;
export type InvitationAudiences = Infer<typeof InvitationAudiencesSchema>;
export type InvitationList = Infer<typeof InvitationListSchema>;
export type InvitationResult = Infer<typeof InvitationResultSchema>;
export type Audience = z.input<typeof InvitationBody>['audience'];
export type CalendarFeed = Infer<typeof CalendarFeedSchema>;

const enc = encodeURIComponent;

export const invitationAudiences = (eventId: string, signal?: AbortSignal) =>
  apiRequest<InvitationAudiences>(`/events/${enc(eventId)}/invitation-audiences`, { signal });

export const listInvitations = (eventId: string, signal?: AbortSignal) =>
  apiRequest<InvitationList>(`/events/${enc(eventId)}/invitations`, { signal });

export const invite = (eventId: string, audience: Audience, csrfToken: string) =>
  apiRequest<InvitationResult>(`/events/${enc(eventId)}/invitations`, {
    method: 'POST',
    body: { audience },
    csrfToken,
  });

export const myCalendarFeed = (signal?: AbortSignal) =>
  apiRequest<CalendarFeed>('/me/calendar-feed', { signal });

export const newCalendarFeed = (csrfToken: string) =>
  apiRequest<CalendarFeed>('/me/calendar-feed', { method: 'POST', csrfToken });

export const revokeCalendarFeed = (csrfToken: string) =>
  apiRequest<CalendarFeed>('/me/calendar-feed', { method: 'DELETE', csrfToken });

/** The full address a calendar application subscribes to. */
export const feedAddress = (path: string, language: string) =>
  `${window.location.origin}${path}?lang=${language}`;
