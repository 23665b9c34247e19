import { describe, expect, it } from 'vitest';
import { SessionCache, sessionsChanged, type ResolvedSession } from './session-cache.ts';

const session = (name: string, expiresAt = new Date('2030-01-01T00:00:00Z')): ResolvedSession => ({
  actor: {
    id: name,
    email: `${name}@example.org`,
    displayName: name,
    language: 'en',
    invented: true,
    platformAdmin: false,
    roles: [],
  },
  csrfToken: `csrf-${name}`,
  expiresAt,
});

/** A resolver that answers the values given in turn and counts its reads. */
function reader(...values: (ResolvedSession | null)[]) {
  const r = {
    reads: 0,
    read: async () => values[Math.min(r.reads++, values.length - 1)] ?? null,
  };
  return r;
}

const at = (ms: number) => new Date(Date.UTC(2029, 0, 1) + ms);

describe('the session cache', () => {
  it('reads a session once within its time, and again after it', async () => {
    const cache = new SessionCache(2000);
    const r = reader(session('a'), session('b'));
    expect((await cache.resolve('t', at(0), r.read))?.actor.id).toBe('a');
    expect((await cache.resolve('t', at(1999), r.read))?.actor.id).toBe('a');
    expect(r.reads).toBe(1);
    expect((await cache.resolve('t', at(2000), r.read))?.actor.id).toBe('b');
    expect(r.reads).toBe(2);
  });

  it('forgets every session when this process changes something', async () => {
    const cache = new SessionCache(2000);
    const r = reader(session('a'), null);
    await cache.resolve('t', at(0), r.read);
    sessionsChanged();
    expect(await cache.resolve('t', at(1), r.read)).toBeNull();
    expect(r.reads).toBe(2);
  });

  it('does not keep a value read while something changed', async () => {
    const cache = new SessionCache(2000);
    const r = {
      reads: 0,
      read: async () => {
        r.reads++;
        if (r.reads === 1) sessionsChanged();
        return session(`read-${r.reads}`);
      },
    };
    expect((await cache.resolve('t', at(0), r.read))?.actor.id).toBe('read-1');
    expect((await cache.resolve('t', at(1), r.read))?.actor.id).toBe('read-2');
  });

  it('never remembers an unknown session, nor one past its expiry', async () => {
    const cache = new SessionCache(60_000);
    const unknown = reader(null, session('late'));
    expect(await cache.resolve('u', at(0), unknown.read)).toBeNull();
    expect((await cache.resolve('u', at(1), unknown.read))?.actor.id).toBe('late');
    const expiring = reader(session('x', at(100)), null);
    await cache.resolve('x', at(0), expiring.read);
    expect(await cache.resolve('x', at(100), expiring.read)).toBeNull();
    expect(expiring.reads).toBe(2);
  });

  it('keeps sessions apart by their token', async () => {
    const cache = new SessionCache(2000);
    await cache.resolve('one', at(0), reader(session('a')).read);
    expect((await cache.resolve('two', at(1), reader(session('b')).read))?.actor.id).toBe('b');
    expect((await cache.resolve('one', at(2), reader(session('c')).read))?.actor.id).toBe('a');
  });
});
