/**
 * Named checkpoints inside a use case's transaction (a batch's lock, plan, insert, audit…).
 * Production code only announces them; a test may observe them, and a crash test throws from one
 * to prove that a transaction interrupted anywhere leaves nothing half-done (money is paid once).
 */
type Observer = (checkpoint: string) => void;

let observer: Observer | null = null;

/** Announces that a use case reached `name`; no effect unless a test observes. */
export function checkpoint(name: string): void {
  observer?.(name);
}

/** Runs `body` with `observe` called at every checkpoint, then stops observing. */
export async function observingCheckpoints<T>(
  observe: Observer,
  body: () => Promise<T>,
): Promise<T> {
  observer = observe;
  try {
    return await body();
  } finally {
    observer = null;
  }
}
