/**
 * Registration decisions. A place is held by a confirmed registration only; an event with a
 * capacity is never over-booked: past it, a person goes on the waiting list, which moves up in
 * order when someone cancels or is refused. With an approval step, a request waits for the
 * organisers; approved, it takes a place or joins the waiting list.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import type { RegistrationStatus } from './kinds.ts';
import { EVENT_CODES } from './refusal-codes.ts';

export interface Capacity {
  /** Places; null = no limit. */
  capacity: number | null;
  approvalRequired: boolean;
}

export interface RegistrationLine {
  id: string;
  status: RegistrationStatus;
  /** Order on the waiting list (lower first); null when not waiting. */
  position: number | null;
}

const confirmedOf = (regs: readonly RegistrationLine[]) =>
  regs.filter((r) => r.status === 'confirmed').length;

const hasPlace = (event: Capacity, regs: readonly RegistrationLine[]) =>
  event.capacity === null || confirmedOf(regs) < event.capacity;

/** The next waiting-list position after every one given. */
export const nextPosition = (regs: readonly RegistrationLine[]) =>
  regs.reduce((max, r) => Math.max(max, r.position ?? 0), 0) + 1;

/** The status of a new registration: awaiting approval, a place, or the waiting list. */
export function newRegistrationStatus(
  event: Capacity,
  regs: readonly RegistrationLine[],
): 'requested' | 'confirmed' | 'waiting' {
  if (event.approvalRequired) return 'requested';
  return hasPlace(event, regs) ? 'confirmed' : 'waiting';
}

/** The status an approved request takes: a place when one is free, else the waiting list. */
export function approvedStatus(
  event: Capacity,
  regs: readonly RegistrationLine[],
): 'confirmed' | 'waiting' {
  return hasPlace(event, regs) ? 'confirmed' : 'waiting';
}

/** The steps of a registration and the statuses each applies to. */
export const STEP_FROM: Record<'approve' | 'refuse' | 'cancel', readonly RegistrationStatus[]> = {
  approve: ['requested'],
  refuse: ['requested', 'waiting', 'confirmed'],
  cancel: ['requested', 'waiting', 'confirmed'],
};

/** The refusal of a step on a registration in `status`, or null when the step applies. */
export function stepProblem(
  step: keyof typeof STEP_FROM,
  status: RegistrationStatus,
): Refusal | null {
  return STEP_FROM[step].includes(status)
    ? null
    : refusal(EVENT_CODES.registrationWrongStatus, { status, step });
}

/**
 * Who moves up from the waiting list, in order, to fill the free places (after a cancellation, a
 * refusal or a larger capacity). Never more than the free places: never over-booked.
 */
export function moveUp(event: Capacity, regs: readonly RegistrationLine[]): string[] {
  const waiting = regs
    .filter((r) => r.status === 'waiting')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  if (event.capacity === null) return waiting.map((r) => r.id);
  const free = Math.max(0, event.capacity - confirmedOf(regs));
  return waiting.slice(0, free).map((r) => r.id);
}

/** A registration as the participant list sees it. */
export interface Listed {
  status: RegistrationStatus;
  listed: boolean;
}

/**
 * The participants a reader sees: managers see every active registration; others only confirmed
 * participants who consent to be listed — a withdrawn consent hides the person at once.
 */
export function visibleParticipants<T extends Listed>(regs: readonly T[], manager: boolean): T[] {
  return regs.filter((r) =>
    manager
      ? r.status !== 'cancelled' && r.status !== 'refused'
      : r.status === 'confirmed' && r.listed,
  );
}

/**
 * Whether a reader may see the participant list at all: managers; otherwise only when the event
 * is public or the reader is registered (confirmed or waiting) themselves.
 */
export function mayListParticipants(input: {
  manager: boolean;
  eventPublic: boolean;
  ownStatus: RegistrationStatus | null;
}): boolean {
  if (input.manager) return true;
  if (input.eventPublic) return true;
  return input.ownStatus === 'confirmed' || input.ownStatus === 'waiting';
}

/** How long before a session its online link is shown to confirmed participants. */
export const LINK_LEAD_MS = 60 * 60 * 1000;

/**
 * Whether a reader is shown a session's online link at `now`: the organisers always; a confirmed
 * participant from one hour before the session's start; nobody else.
 */
export function onlineLinkVisible(input: {
  manager: boolean;
  ownStatus: RegistrationStatus | null;
  sessionStartsAt: string;
  now: string;
}): boolean {
  if (input.manager) return true;
  if (input.ownStatus !== 'confirmed') return false;
  return Date.parse(input.now) >= Date.parse(input.sessionStartsAt) - LINK_LEAD_MS;
}
