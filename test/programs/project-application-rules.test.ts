/**
 * Project applications against the registry and over time: R2 (003 §5(2)) reads the agreement of
 * the registry that item 7 names, and the checks of a submitted application stay dated as of its
 * submission (R18, 003 §8) beside any later re-check. Project applications have no factory yet,
 * so these tests start from the demo world's Tohoku project (source document 000) and add their
 * own agreements; the clock is the test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#src/db/migrate.ts';
import { agreementSignatures } from '#src/db/schema.ts';
import { extractPdfText } from '#src/reports/dossier/pdf-text.ts';
import type { Clock } from '#src/services/clock.ts';
import { anAgreement } from '#test/factories/agreements.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { ENGINES } from '#test/support/db.ts';

interface Check {
  rule: string;
  code: string;
  ok: boolean;
  warning?: true;
  field?: string;
}
interface Dated {
  asOf: string;
  results: Check[];
}

const HOME = 'tohoku-jr-japan';
const PARTNER = 'tohoku-jr-russia';
/** Before the IEP call's deadline (2014-05-23, +09:00). */
const IN_2014 = '2014-05-10T01:00:00.000Z';
const TODAY = '2026-12-06T03:00:00.000Z';

describe.each(ENGINES)('project applications against the registry, on %s', (engine) => {
  let t: TestApp;
  let now = IN_2014;
  const clock: Clock = { now: () => new Date(now) };
  let base: Record<string, unknown> & {
    programId: string;
    content: {
      outline: { agreement: Record<string, unknown> };
      attachments: Record<string, unknown>[];
    };
  };
  let seq = 0;
  /** a draft of the first test, still a draft */
  let draftId = '';

  beforeAll(async () => {
    t = await createTestApp(engine, { clock, signInPerMinute: 1000 });
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    base = (await call(rep, 'GET', '/api/v1/project-applications/tohoku-jr-2014')).json();
  });
  afterAll(() => t.close());

  function call(s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    return t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });
  }

  /** An agreement between the two consortia of the project, signed by the given parties. */
  async function agreement(input: {
    validFrom: string;
    validTo: string;
    signed: Partial<Record<'A' | 'B', string>>;
  }): Promise<string> {
    const a = await anAgreement(t.database.db, {
      partyA: { type: 'consortium', id: HOME },
      partyB: { type: 'consortium', id: PARTNER },
      status: 'draft',
      content: {
        title: `Registry agreement ${++seq}`,
        validFrom: input.validFrom,
        validTo: input.validTo,
      },
    });
    const signatures = Object.entries(input.signed).map(([party, signedOn]) => ({
      agreementId: a.id,
      version: 1,
      party,
      signatory: `Rector ${party}`,
      signedOn,
    }));
    if (signatures.length > 0) await t.database.db.insert(agreementSignatures).values(signatures);
    return a.id;
  }

  /** A new draft of the Tohoku project by its responsible person, with item 7 changed. */
  async function draft(
    rep: Session,
    agreementItem: Record<string, unknown>,
    attachments = base.content.attachments,
  ) {
    const id = `tohoku-rules-${++seq}`;
    const content = structuredClone(base.content);
    // From the demo's item 7 as declared, without the registry agreement the demo names.
    const { registryAgreementId: _named, ...declared } = content.outline.agreement;
    content.outline.agreement = { ...declared, ...agreementItem };
    content.attachments = attachments;
    const res = await call(rep, 'POST', '/api/v1/project-applications', {
      id,
      programId: base.programId,
      content,
    });
    return { id, res };
  }

  const r2 = (checks: Dated) => checks.results.filter((c) => c.rule === 'R2');

  it('R2: refuses a declared agreement that is not in the registry', async () => {
    now = IN_2014;
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    // Naming an agreement the registry does not have is a field error on save.
    const unknown = await draft(rep, {
      registryAgreementId: '00000000-0000-4000-8000-00000000dead',
    });
    expect(unknown.res.statusCode).toBe(400);
    expect(unknown.res.json().error.details.issues[0]).toMatchObject({
      field: 'content.outline.agreement.registryAgreementId',
      code: 'program.agreement_not_in_registry',
    });
    // A declaration "signed 2014-04-25" with a copy whose file was never stored is refused.
    const declared = await draft(rep, {});
    expect(declared.res.statusCode).toBe(201);
    draftId = declared.id;
    const checks: Dated = declared.res.json().checks;
    expect(r2(checks)).toEqual([
      expect.objectContaining({ ok: false, code: 'program.agreement_copy_missing' }),
    ]);
    expect(declared.res.json().may.submit).toBe(false);
  });

  it('R2: passes with a registry agreement signed by both consortia and in force', async () => {
    now = IN_2014;
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    const id = await agreement({
      validFrom: '2014-04-01',
      validTo: '2020-03-31',
      signed: { A: '2014-04-20', B: '2014-04-22' },
    });
    // The UI lists the candidates between the two consortia.
    const candidates = (
      await call(rep, 'GET', `/api/v1/agreements?party=${HOME}&with=${PARTNER}`)
    ).json();
    expect(candidates.items.map((a: { id: string }) => a.id)).toContain(id);
    const { res } = await draft(rep, { registryAgreementId: id });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(r2(view.checks)).toEqual([
      expect.objectContaining({ ok: true, code: 'program.agreement_registry_ok' }),
    ]);
    expect(r2(view.checks)[0]).not.toHaveProperty('warning');
    // Item 7 as the registry records it: its dates, not the declaration's.
    expect(view.registryAgreement).toMatchObject({
      id,
      signedOn: '2014-04-22',
      validFrom: '2014-04-01',
      validTo: '2020-03-31',
    });
    expect(view.registryAgreement.signatures.map((s: { party: string }) => s.party)).toEqual([
      'A',
      'B',
    ]);
    expect(view.checks.results.filter((c: Check) => !c.ok)).toEqual([]);
  });

  it('R2: refuses an expired/one-side-signed registry agreement', async () => {
    now = IN_2014;
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    // Expired before the first planned dispatch (the day after the outcome, 2014-08-30).
    const expired = await agreement({
      validFrom: '2010-04-01',
      validTo: '2014-06-30',
      signed: { A: '2010-03-01', B: '2010-03-02' },
    });
    const one = await agreement({
      validFrom: '2014-04-01',
      validTo: '2020-03-31',
      signed: { A: '2014-04-20' },
    });
    // Signed by both, but the second signature comes after the day judged.
    const later = await agreement({
      validFrom: '2014-04-01',
      validTo: '2020-03-31',
      signed: { A: '2014-04-20', B: '2014-09-25' },
    });
    const codes = async (agreementId: string) =>
      r2((await draft(rep, { registryAgreementId: agreementId })).res.json().checks).map((c) => [
        c.ok,
        c.code,
      ]);
    expect(await codes(expired)).toEqual([[false, 'program.agreement_not_in_force']]);
    expect(await codes(one)).toEqual([[false, 'program.agreement_not_signed_by_all']]);
    expect(await codes(later)).toEqual([[false, 'program.agreement_not_signed_by_all']]);
  });

  it('R2: flags an uploaded copy', async () => {
    now = IN_2014;
    const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    const stored = base.content.attachments.map((a) =>
      a.kind === 'agreement-copy'
        ? { ...a, fileName: 'agreement.pdf', sha256: 'ab'.repeat(32) }
        : a,
    );
    const { res } = await draft(rep, {}, stored);
    expect(r2(res.json().checks)).toEqual([
      expect.objectContaining({
        ok: true,
        warning: true,
        code: 'program.agreement_copy_unverified',
      }),
    ]);
  });

  describe('a submission in 2014, read in 2026', () => {
    let submittedId = '';

    it('R18: a submitted application keeps its checks as of submission', async () => {
      now = IN_2014;
      const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
      const id = await agreement({
        validFrom: '2014-04-01',
        validTo: '2020-03-31',
        signed: { A: '2014-04-20', B: '2014-04-28' },
      });
      const created = await draft(rep, { registryAgreementId: id });
      submittedId = created.id;
      const submitted = await call(
        rep,
        'POST',
        `/api/v1/project-applications/${submittedId}/submit`,
      );
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json().checks.asOf).toBe(IN_2014);

      now = TODAY;
      const later = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
      const view = (await call(later, 'GET', `/api/v1/project-applications/${submittedId}`)).json();
      expect(view.status).toBe('submitted');
      expect(view.checks.asOf).toBe(IN_2014);
      expect(view.checks.results.filter((c: Check) => !c.ok)).toEqual([]);
      expect(view.checks.results.filter((c: Check) => c.rule === 'R18')).toEqual([
        expect.objectContaining({ ok: true, code: 'program.submitted_in_time' }),
      ]);
      expect(view.recheck).toBeNull();
      expect(view.may.recheck).toBe(true);
      // Even when the registry changes later, the checks at submission stay as they were.
      await t.database.db.execute(
        sql`UPDATE agreements SET status = 'terminated' WHERE id = ${id}`,
      );
      const after = (
        await call(later, 'GET', `/api/v1/project-applications/${submittedId}`)
      ).json();
      expect(after.checks).toEqual(view.checks);

      // The demo project, selected in 2014 and stored before the checks were: judged on its
      // submission instant, not refused by the deadline today.
      const demo = (await call(later, 'GET', '/api/v1/project-applications/tohoku-jr-2014')).json();
      expect(demo.checks.asOf.slice(0, 10)).toBe('2014-05-20');
      expect(demo.checks.results.filter((c: Check) => c.rule === 'R18')).toEqual([
        expect.objectContaining({ ok: true, code: 'program.submitted_in_time' }),
      ]);
    });

    it('R18: a re-check shows both dates', async () => {
      now = TODAY;
      const funder = await signInAs(t.app, 'funder@demo.kakehashi.example');
      const coordinator = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
      const url = `/api/v1/project-applications/${submittedId}/recheck`;
      // Neither the funder officer nor the responsible person: refused.
      expect((await call(coordinator, 'POST', url)).statusCode).toBe(403);
      const res = await call(funder, 'POST', url);
      expect(res.statusCode).toBe(200);
      const view = res.json();
      expect(view.checks.asOf).toBe(IN_2014);
      expect(view.recheck.asOf).toBe(TODAY);
      expect(view.recheck.byName.en).toMatch(/\S/);
      // The agreement was terminated since: the re-check says so; R18 is still the submission's.
      expect(view.recheck.results.filter((c: Check) => c.rule === 'R2')).toEqual([
        expect.objectContaining({ ok: false, code: 'program.agreement_terminated' }),
      ]);
      expect(view.recheck.results.filter((c: Check) => c.rule === 'R18')).toEqual([
        expect.objectContaining({ ok: true, code: 'program.submitted_in_time' }),
      ]);
      expect(view.checks.results.filter((c: Check) => !c.ok)).toEqual([]);
      // The responsible person may re-check too; each re-check is audited.
      const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
      expect((await call(rep, 'POST', url)).statusCode).toBe(200);
      const audited = rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'application.recheck' AND resource_id = ${submittedId}`,
        ),
      );
      expect(audited[0]?.n).toBe(2);
      // A draft is checked live: nothing to re-check.
      const draftRes = await call(rep, 'POST', `/api/v1/project-applications/${draftId}/recheck`);
      expect(draftRes.statusCode).toBe(409);
      expect(draftRes.json().error.details.refusals[0].code).toBe('program.recheck_only_submitted');
    });

    it('R15: the dossier dates item 7 as the registry and names the funder', async () => {
      now = TODAY;
      const rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
      const ja = await call(
        rep,
        'GET',
        `/api/v1/project-applications/${submittedId}/dossier.pdf?lang=ja`,
      );
      expect(ja.statusCode).toBe(200);
      const text = extractPdfText(ja.rawPayload).compact;
      expect(text).toContain('2014年4月28日'); // the registry's last signature
      expect(text).not.toContain('2014年4月25日'); // the date the applicants declared
      expect(text).toContain('2014年4月1日–2020年3月31日'); // its period
      expect(text).not.toContain('mext.go.jp');
      expect(text).not.toMatch(/資料\d{3}|sourcedocument|seed\d{3}/i);
      expect(text).toContain('選考（第9項）');
    });
  });
});
