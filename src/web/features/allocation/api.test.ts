import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { runAllocationJob } from './api.ts';

const job = (over: object) => ({
  id: '6f1c2b44-1f5e-4f0e-9a57-3d1f2a7c9b10',
  kind: 'allocation-run',
  state: 'running',
  progress: { done: 0, total: 3 },
  resultId: null,
  error: null,
  ...over,
});

/** A fetch that answers each call with the next body of the list. */
function answers(...bodies: { status: number; body: object }[]) {
  const fetch = vi.fn(async () => {
    const next = bodies.shift()!;
    return new Response(JSON.stringify(next.body), { status: next.status });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('runAllocationJob', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('follows the job, reporting progress, and answers with the run', async () => {
    vi.useFakeTimers();
    const fetch = answers(
      { status: 202, body: job({}) },
      { status: 200, body: job({ progress: { done: 2, total: 3 } }) },
      {
        status: 200,
        body: job({ state: 'done', progress: { done: 3, total: 3 }, resultId: 'r1' }),
      },
    );
    const seen: number[] = [];
    const running = runAllocationJob({ instance: {} }, 'csrf', (p) => seen.push(p.done));
    await vi.runAllTimersAsync();
    expect(await running).toBe('r1');
    expect(seen).toEqual([0, 2, 3]);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('a failed job is the error its request would have been', async () => {
    answers({
      status: 202,
      body: job({
        state: 'failed',
        error: {
          code: 'validation_failed',
          message: 'body.instance.students[3].prefs[0]: unknown university',
          details: { issues: [{ field: 'body.instance.students[3].prefs[0]', code: 'custom' }] },
        },
      }),
    });
    const error = await runAllocationJob({ instance: {} }, 'csrf', () => undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});
