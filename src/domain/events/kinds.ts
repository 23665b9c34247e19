/**
 * The vocabulary of events: what kind of gathering, how people attend, who sees it, what a
 * contribution is and where a registration stands. Every text of an event is a LocalizedText
 * (src/domain/shared): entered side by side, read in the reader's language with a fallback.
 */
import { z } from 'zod';

export const EVENT_KINDS = [
  'congress',
  'round_table',
  'symposium',
  'workshop',
  'ceremony_signing',
  'ceremony_opening',
  'general_conference',
  'forum',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const eventKindSchema = z.enum(EVENT_KINDS);

/** In a place, online, or both. */
export const EVENT_MODES = ['in_person', 'online', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];
export const eventModeSchema = z.enum(EVENT_MODES);

/** `public`: visitors see the event page; `members`: signed-in people only. */
export const EVENT_VISIBILITIES = ['public', 'members'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];
export const eventVisibilitySchema = z.enum(EVENT_VISIBILITIES);

export const CONTRIBUTION_KINDS = ['keynote', 'report', 'student_presentation', 'remarks'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const contributionKindSchema = z.enum(CONTRIBUTION_KINDS);

/**
 * requested: waits for the organisers' approval; confirmed: has a place; waiting: on the waiting
 * list (moves up in order when a place frees); cancelled: by the person; refused: by the organisers.
 */
export const REGISTRATION_STATUSES = [
  'requested',
  'confirmed',
  'waiting',
  'cancelled',
  'refused',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);

/** A party that organises or hosts an event: a registry institution or consortium/association. */
export const PARTY_TYPES = ['institution', 'consortium'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const partyRefSchema = z.object({
  type: z.enum(PARTY_TYPES),
  id: z.string().min(1).max(200),
});
export type PartyRef = z.infer<typeof partyRefSchema>;
