/**
 * The checks of partnership records, each refusal naming the field to fix, and what is computed
 * from them: a laboratory's timeline and the counts of cotutelles by status.
 */
import { isIscedF } from '../agreement/isced.ts';
import { refusal, type LocalizedText, type Refusal } from '../shared/refusal.ts';
import type { CotutelleStatus, Extension, Money, PersonRef, SplitPart, Theme } from './kinds.ts';
import { PARTNERSHIP_CODES as C } from './refusal-codes.ts';

/** A period [startsOn, endsOn] that ends before it starts, naming the end field. */
export function periodProblem(
  startsOn: string,
  endsOn: string | null | undefined,
  field = 'endsOn',
): Refusal | null {
  return endsOn && endsOn < startsOn
    ? refusal(C.endsBeforeStarts, { startsOn, endsOn }, { field })
    : null;
}

/** Whether `code` is an ISO 4217 currency (the runtime's full ICU list). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** The digits of a currency's minor unit (JPY 0, EUR 2). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function moneyProblem(m: Money | null | undefined, field: string): Refusal | null {
  return m && !isCurrency(m.currency)
    ? refusal(C.unknownCurrency, { currency: m.currency }, { field })
    : null;
}

/** A person must be an account or a named guest. */
export function personProblem(p: PersonRef, field: string): Refusal | null {
  return p.userId || p.guestName?.trim() ? null : refusal(C.personMissing, {}, { field });
}

/** At least `min` partners, each named once. */
export function partnersProblems(ids: readonly string[], field: string, min = 2): Refusal[] {
  const out: Refusal[] = [];
  if (new Set(ids).size < min) out.push(refusal(C.tooFewPartners, { min }, { field }));
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      out.push(refusal(C.partnersNotDistinct, { institutionId: id }, { field: `${field}.${i}` }));
    seen.add(id);
  });
  return out;
}

export function linkProblem(url: string | null | undefined, field: string): Refusal | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname) return null;
  } catch {
    // not a URL at all
  }
  return refusal(C.linkNotHttp, { url }, { field });
}

/** A degree programme: partners, field, split and period. */
export function programmeProblems(p: {
  partners: readonly { institutionId: string }[];
  field: string;
  split: readonly SplitPart[];
  startsOn: string;
  endsOn?: string | null | undefined;
}): Refusal[] {
  const out = partnersProblems(
    p.partners.map((x) => x.institutionId),
    'partners',
  ).map((r) =>
    r.field?.startsWith('partners.') ? { ...r, field: `${r.field}.institutionId` } : r,
  );
  if (!isIscedF(p.field)) out.push(refusal(C.notIscedField, { code: p.field }, { field: 'field' }));
  const partnerIds = new Set(p.partners.map((x) => x.institutionId));
  p.split.forEach((s, i) => {
    if (s.credits < 0)
      out.push(refusal(C.negativeCredits, { credits: s.credits }, { field: `split.${i}.credits` }));
    if (!partnerIds.has(s.institutionId))
      out.push(
        refusal(
          C.splitNotPartner,
          { institutionId: s.institutionId },
          { field: `split.${i}.institutionId` },
        ),
      );
  });
  const period = periodProblem(p.startsOn, p.endsOn);
  if (period) out.push(period);
  return out;
}

/** Total credits of a split. */
export const splitCredits = (split: readonly SplitPart[]) =>
  split.reduce((sum, s) => sum + Math.max(0, s.credits), 0);

/**
 * A cotutelle: a defence not before the start; `defended` needs a defence date, and that date is
 * not after `today`.
 */
export function cotutelleProblems(
  c: {
    candidate: PersonRef;
    supervisors: readonly PersonRef[];
    startsOn: string;
    defenceOn?: string | null | undefined;
    status: CotutelleStatus;
  },
  today: string,
): Refusal[] {
  const out: Refusal[] = [];
  const candidate = personProblem(c.candidate, 'candidate');
  if (candidate) out.push(candidate);
  c.supervisors.forEach((s, i) => {
    const p = personProblem(s, `supervisors.${i}`);
    if (p) out.push(p);
  });
  if (c.defenceOn && c.defenceOn < c.startsOn)
    out.push(
      refusal(
        C.defenceBeforeStart,
        { startsOn: c.startsOn, defenceOn: c.defenceOn },
        { field: 'defenceOn' },
      ),
    );
  if (c.status === 'defended') {
    if (!c.defenceOn) out.push(refusal(C.defendedWithoutDate, {}, { field: 'defenceOn' }));
    else if (c.defenceOn > today)
      out.push(refusal(C.defenceInFuture, { defenceOn: c.defenceOn }, { field: 'defenceOn' }));
  }
  return out;
}

export type CotutelleCounts = Record<CotutelleStatus, number> & { total: number };

/** Cotutelles by status, those started in `sinceYear` or later when given. */
export function cotutelleCounts(
  rows: readonly { status: CotutelleStatus; startsOn: string }[],
  sinceYear?: number,
): CotutelleCounts {
  const out: CotutelleCounts = { planned: 0, in_progress: 0, defended: 0, abandoned: 0, total: 0 };
  for (const r of rows) {
    if (sinceYear !== undefined && Number(r.startsOn.slice(0, 4)) < sinceYear) continue;
    out[r.status] += 1;
    out.total += 1;
  }
  return out;
}

/** A laboratory or project: partners, funding currency, its period and each extension's. */
export function labProblems(l: {
  partnerIds: readonly string[];
  funding?: Money | null | undefined;
  startsOn: string;
  endsOn?: string | null | undefined;
  extensions: readonly Extension[];
}): Refusal[] {
  const out = partnersProblems(l.partnerIds, 'partnerIds');
  const money = moneyProblem(l.funding, 'funding.currency');
  if (money) out.push(money);
  const period = periodProblem(l.startsOn, l.endsOn);
  if (period) out.push(period);
  l.extensions.forEach((e, i) => {
    const m = moneyProblem(e, `extensions.${i}.currency`);
    if (m) out.push(m);
    const p = periodProblem(e.startsOn, e.endsOn, `extensions.${i}.endsOn`);
    if (p) out.push(p);
  });
  return out;
}

export type TimelineKind =
  'started' | 'ended' | 'extension_decided' | 'extension_started' | 'extension_ended';

export interface TimelineEntry {
  on: string;
  kind: TimelineKind;
  /** The extension's position (0-based), for extension entries. */
  extension?: number;
  amount?: Money;
}

/** The dated happenings of a laboratory or project, oldest first (stable for one day). */
export function labTimeline(l: {
  startsOn: string;
  endsOn?: string | null | undefined;
  funding?: Money | null | undefined;
  extensions: readonly Extension[];
}): TimelineEntry[] {
  const out: TimelineEntry[] = [
    { on: l.startsOn, kind: 'started', ...(l.funding ? { amount: l.funding } : {}) },
  ];
  if (l.endsOn) out.push({ on: l.endsOn, kind: 'ended' });
  l.extensions.forEach((e, i) => {
    const amount = { amountMinor: e.amountMinor, currency: e.currency };
    if (e.decidedOn) out.push({ on: e.decidedOn, kind: 'extension_decided', extension: i, amount });
    out.push({ on: e.startsOn, kind: 'extension_started', extension: i });
    out.push({ on: e.endsOn, kind: 'extension_ended', extension: i });
  });
  const order: TimelineKind[] = [
    'started',
    'extension_decided',
    'extension_started',
    'extension_ended',
    'ended',
  ];
  return out
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.on.localeCompare(b.e.on) ||
        order.indexOf(a.e.kind) - order.indexOf(b.e.kind) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}

/** The end of a laboratory's funding: its own end or its last extension's, whichever is later. */
export function fundedUntil(l: {
  endsOn?: string | null | undefined;
  extensions: readonly Extension[];
}) {
  return (
    [l.endsOn ?? '', ...l.extensions.map((e) => e.endsOn)].reduce((a, b) => (b > a ? b : a), '') ||
    null
  );
}

/** Total funding per currency: the initial amount and every extension. */
export function fundingTotals(l: {
  funding?: Money | null | undefined;
  extensions: readonly Money[];
}): Money[] {
  const totals = new Map<string, number>();
  for (const m of [...(l.funding ? [l.funding] : []), ...l.extensions])
    totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/** A visit: the person, its period. */
export function visitProblems(v: {
  visitor: PersonRef;
  startsOn: string;
  endsOn: string;
}): Refusal[] {
  const out: Refusal[] = [];
  const p = personProblem(v.visitor, 'visitor');
  if (p) out.push(p);
  const period = periodProblem(v.startsOn, v.endsOn);
  if (period) out.push(period);
  return out;
}

/** A partnership: at least two institutions, each theme key once. */
export function partnershipProblems(p: {
  institutionIds: readonly string[];
  themes: readonly Theme[];
}): Refusal[] {
  const out = partnersProblems(p.institutionIds, 'institutionIds');
  const seen = new Set<string>();
  p.themes.forEach((t, i) => {
    if (seen.has(t.key))
      out.push(refusal(C.themeRepeated, { key: t.key }, { field: `themes.${i}.key` }));
    seen.add(t.key);
  });
  return out;
}

/** A strategic plan: its period and an http(s) link. */
export function planProblems(p: {
  startsOn: string;
  endsOn: string;
  fileUrl?: string | null | undefined;
}): Refusal[] {
  return [periodProblem(p.startsOn, p.endsOn), linkProblem(p.fileUrl, 'fileUrl')].filter(
    (r): r is Refusal => r !== null,
  );
}

/** An education board: at least two institutions; each member a person of one of them. */
export function boardProblems(b: {
  institutionIds: readonly string[];
  members: readonly (PersonRef & { institutionId: string })[];
}): Refusal[] {
  const out = partnersProblems(b.institutionIds, 'institutionIds');
  b.members.forEach((m, i) => {
    const p = personProblem(m, `members.${i}`);
    if (p) out.push(p);
    if (!b.institutionIds.includes(m.institutionId))
      out.push(
        refusal(
          C.splitNotPartner,
          { institutionId: m.institutionId },
          { field: `members.${i}.institutionId` },
        ),
      );
  });
  return out;
}

/** The label of a theme for its key, or the key itself. */
export const themeLabel = (themes: readonly Theme[], key: string): LocalizedText =>
  themes.find((t) => t.key === key)?.label ?? { en: key };
