/**
 * Heavy work leaves the server answering: while a 10,000-student allocation run computes (and is
 * read back), and while a zip bomb is refused, /api/health is polled over HTTP and must answer
 * within a second each time. A liveness check, not a benchmark: the figure is the issue's own, and
 * it is measured as the longest gap between successive answers, generous on a loaded machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRules, generateInstance } from '#src/domain/allocation/generate.ts';
import { ENGINES } from '#test/support/db.ts';
import { bombWorkbook } from '#test/support/zip.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { anAdmin, signedInAs } from '#test/factories/index.ts';

const LIVENESS_MS = 1000;

/** 10,000 students of 140 universities on three sides, balance per university. */
function largeInstance() {
  return generateInstance({
    seed: 10_000,
    sides: [
      { name: 'JP', universities: 60, consortia: 6 },
      { name: 'RU', universities: 40, consortia: 4 },
      { name: 'FR', universities: 40, consortia: 4 },
    ],
    students: 10_000,
    firstSideShare: 0.4,
    partnersPerUniversity: 10,
    bipartite: true,
    slotsMin: 1,
    slotsMax: 3,
    listLength: 8,
    popularityCorrelation: 0.6,
    acceptRate: 0.9,
    months: [6, 12],
    fundedShare: 0.3,
    capShare: 0.05,
    monthsCapShare: 0,
    rules: { ...defaultRules, balanceScope: 'university' },
  });
}

/** Polls /api/health until stopped; the longest wait between two answers, in ms. */
function pollHealth(base: string) {
  let stop = false;
  let answers = 0;
  let longest = 0;
  const done = (async () => {
    let last = performance.now();
    while (!stop) {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      answers++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      stop = true;
      await done;
      return { answers, longest };
    },
  };
}

describe.each(ENGINES)('the server stays live during heavy work, on %s', (engine) => {
  let t: TestApp;
  let base: string;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    admin = await signedInAs(t.app, await anAdmin(t.database.db));
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  const headers = (contentType: string) => ({
    cookie: admin.cookie,
    'x-csrf-token': admin.csrfToken,
    'content-type': contentType,
  });

  it('a 10,000-student allocation run: health answers within a second throughout', async () => {
    const body = JSON.stringify({ instance: largeInstance() });
    const health = pollHealth(base);
    const started = await fetch(`${base}/api/v1/allocation-jobs`, {
      method: 'POST',
      headers: headers('application/json'),
      body,
    });
    expect(started.status).toBe(202);
    let job = (await started.json()) as { id: string; state: string; resultId: string | null };
    const seen = new Set<string>();
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const res = await fetch(`${base}/api/v1/allocation-jobs/${job.id}`, { headers: headers('') });
      job = await res.json();
      seen.add(JSON.stringify((job as unknown as { progress: unknown }).progress));
    }
    expect(job).toMatchObject({ state: 'done', resultId: expect.any(String) });
    // The run is read back (30,000 explanations) while health is still polled.
    const url = `${base}/api/v1/allocation-runs/${job.resultId}`;
    const run = await fetch(url, { headers: headers('') });
    let bytes = 0;
    const reader = run.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
    const { answers, longest } = await health.stop();
    expect(run.status).toBe(200);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Read once more, now that the poll is over, to check what the run says.
    const parsed = await (await fetch(url, { headers: headers('') })).json();
    expect(parsed.instance.students).toBe(10_000);
    for (const m of ['2s-ttc', 'optimal', 'serial-dictatorship']) {
      expect(parsed.results[m].explanations).toHaveLength(10_000);
      expect(parsed.results[m].summary.placed).toBeGreaterThan(0);
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(answers).toBeGreaterThan(3);
    expect(longest).toBeLessThan(LIVENESS_MS);
  });

  it('a zip bomb: refused with the limit named, health answers within a second', async () => {
    const bomb = bombWorkbook(256 * 1024 * 1024); // 8 times the workbook limit
    const health = pollHealth(base);
    const res = await fetch(`${base}/api/v1/import/institutions?dryRun=true`, {
      method: 'POST',
      headers: headers('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      body: new Uint8Array(bomb),
    });
    const { longest } = await health.stop();
    expect(res.status).toBe(413);
    expect((await res.json()).error.details.refusals[0].code).toBe('limits.archive_too_large');
    expect(longest).toBeLessThan(LIVENESS_MS);
  });
});
