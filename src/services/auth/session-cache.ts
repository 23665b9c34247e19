/**
 * A server process's short memory of the sessions it resolved, so that a page's burst of requests
 * does not read the same session, user and roles again for each of them.
 *
 * What is remembered is forgotten:
 * - after `ttlMs` (a couple of seconds): a change made by another process (a sign-out there, a
 *   role withdrawn, an account disabled) is seen within that time at most;
 * - at once when this process changes anything: signing out, ending sessions, and every audited
 *   change (role grants, account changes …) call `sessionsChanged()`, which forgets every session;
 * - when the session expires.
 * Unknown or expired tokens are never remembered.
 */
import type { ActorView } from './sessions.ts';

export interface ResolvedSession {
  actor: ActorView;
  csrfToken: string;
  expiresAt: Date;
}

/** How long the server remembers a session by default (ms): a change elsewhere shows within it. */
export const SESSION_CACHE_MS = 2000;

let generation = 0;

/** Something that a resolved session shows may have changed: forget every remembered session. */
export function sessionsChanged(): void {
  generation++;
}

/** At most this many sessions are remembered; past it the oldest are forgotten. */
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<
    string,
    { value: ResolvedSession; storedAt: number; generation: number }
  >();

  constructor(private readonly ttlMs: number) {}

  /** The session of `key` as remembered at `now`, else as `resolve` reads it (then remembered). */
  async resolve(
    key: string,
    now: Date,
    resolve: () => Promise<ResolvedSession | null>,
  ): Promise<ResolvedSession | null> {
    const at = now.getTime();
    const kept = this.entries.get(key);
    if (
      kept &&
      kept.generation === generation &&
      at - kept.storedAt < this.ttlMs &&
      at >= kept.storedAt &&
      kept.value.expiresAt.getTime() > at
    ) {
      return kept.value;
    }
    const readAt = generation;
    const value = await resolve();
    if (!value) {
      this.entries.delete(key);
      return null;
    }
    // A change made while it was being read: the value may be older than the change.
    if (readAt !== generation) return value;
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: at, generation: readAt });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
