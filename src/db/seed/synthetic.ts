/**
 * A synthetic national world, for measuring Kakehashi at scale: 800 Japanese and 2,000 foreign
 * institutions (names in Japanese, English and the local language and script), bilateral
 * agreements between them (a few hubs hold many partners), and mobilities over 20 years with
 * levels, ISCED-F fields, durations of 1–12 months (mostly 5–6 and 10–12) and states that agree
 * with their dates on `today`. Every row is invented and marked so (`invented`); the same seed
 * gives the same world.
 *
 * The rules it touches hold by construction: each agreement names both directions and every
 * level (R3), and each mobility's whole stay lies within its agreement's validity (R2).
 */
import { createRng, type Rng } from '#src/domain/allocation/prng.ts';
import { isIscedF } from '#src/domain/agreement/isced.ts';
import type { AgreementContent } from '#src/domain/agreement/agreement.ts';
import type { MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import type { Db } from '../client.ts';
import {
  insertSyntheticAgreements,
  insertSyntheticInstitutions,
  insertSyntheticMobilities,
  worldPresence,
  type SyntheticAgreement,
  type SyntheticInstitution,
  type SyntheticMobility,
} from '../queries/synthetic.ts';
import { DEMO_INSTITUTIONS } from './demo-world.ts';
import {
  COUNTRIES,
  ISCED_FIELDS,
  JAPANESE_CITIES,
  JAPANESE_KINDS,
  KINDS,
  PEOPLE,
  jaSuffixOf,
  type Script,
} from './synthetic-names.ts';

/** The domain every synthetic institution id ends with: never a real institution's. */
export const SYNTHETIC_DOMAIN = 'synthetic.example';

export interface SyntheticOptions {
  mobilities: number;
  seed?: number;
  /** The day states are decided against (YYYY-MM-DD). */
  today: string;
  japanese?: number;
  foreign?: number;
}

export interface SyntheticWorld {
  institutions: SyntheticInstitution[];
  agreements: SyntheticAgreement[];
}

// ── Dates ─────────────────────────────────────────────────────────────────────────────────────

const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** The day before the same day `months` months later: the last day of a stay. */
export function stayEnd(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
const firstOfMonth = (y: number, m: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;

// ── Sampling ──────────────────────────────────────────────────────────────────────────────────

/** Draws an index by weight (cumulative table, binary search). */
function sampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

function uuidOf(rng: Rng): string {
  const hex = () =>
    Math.floor(rng.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const h = hex() + hex() + hex() + hex();
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ── People ────────────────────────────────────────────────────────────────────────────────────

/** A student's name as written in their home country's script. */
export function studentName(rng: Rng, script: Script): string {
  const pool = PEOPLE[script];
  const female = rng.next() < 0.5;
  let family = pick(rng, pool.family);
  const given = pick(rng, female ? pool.female : pool.male);
  if (script === 'ru' && female && /(ов|ев|ёв|ин)$/.test(family)) family = `${family}а`;
  if (script === 'ja') return `${family} ${given}`;
  if (script === 'ko' || script === 'zh') return `${family}${given}`;
  return pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

// ── Institutions ──────────────────────────────────────────────────────────────────────────────

const ROMAN = ['', ' II', ' III', ' IV', ' V', ' VI', ' VII', ' VIII'];

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function japaneseInstitutions(rng: Rng, n: number): SyntheticInstitution[] {
  const combos = shuffle(
    rng,
    JAPANESE_CITIES.flatMap((city) => JAPANESE_KINDS.map((kind) => ({ city, kind }))),
  );
  const out: SyntheticInstitution[] = [];
  for (let i = 0; i < n; i++) {
    const { city, kind } = combos[i % combos.length]!;
    const round = Math.floor(i / combos.length);
    const ja = `${city.local}${kind.ja}${round ? `（第${round + 1}）` : ''}`;
    const en = `${kind.en(city.en)}${ROMAN[round] ?? ` ${round + 1}`}`;
    out.push({
      id: `jp-${String(i + 1).padStart(4, '0')}.${SYNTHETIC_DOMAIN}`,
      name: ja,
      names: { ja, en },
      country: 'JP',
      city: city.en,
      script: 'ja',
    });
  }
  return out;
}

function foreignInstitutions(rng: Rng, n: number): SyntheticInstitution[] {
  const byCountry = sampler(COUNTRIES.map((c) => c.weight));
  const used = new Map<string, number>();
  const out: SyntheticInstitution[] = [];
  for (let i = 0; i < n; i++) {
    const country = COUNTRIES[byCountry(rng)]!;
    const city = pick(rng, country.cities);
    const kinds = KINDS[country.script];
    const k = rng.int(kinds.length);
    const kind = kinds[k]!;
    const key = `${country.code}|${city.en}|${k}`;
    const round = used.get(key) ?? 0;
    used.set(key, round + 1);
    const suffix = ROMAN[round] ?? ` ${round + 1}`;
    const local = `${kind.local(city)}${suffix}`;
    const en = `${kind.en(city)}${suffix}`;
    const ja = `${city.ja}${jaSuffixOf(en)}${round ? `（第${round + 1}）` : ''}`;
    out.push({
      id: `${country.code.toLowerCase()}-${String(i + 1).padStart(4, '0')}.${SYNTHETIC_DOMAIN}`,
      name: local,
      names: {
        en,
        ja,
        ...(country.script === 'ru' ? { ru: local } : {}),
        ...(country.script === 'fr' ? { fr: local } : {}),
      },
      country: country.code,
      city: city.en,
      script: country.script,
    });
  }
  return out;
}

// ── Agreements ────────────────────────────────────────────────────────────────────────────────

/** Zipf-like activity: the first few institutions are hubs. */
const activity = (rank: number, exponent: number) => (rank + 1) ** -exponent;

function agreementsOf(
  rng: Rng,
  japanese: SyntheticInstitution[],
  foreign: SyntheticInstitution[],
  today: string,
): SyntheticAgreement[] {
  const thisYear = Number(today.slice(0, 4));
  const foreignWeights = foreign.map((_, r) => activity(r, 0.7));
  const drawForeign = sampler(foreignWeights);
  const out: SyntheticAgreement[] = [];
  japanese.forEach((jp, rank) => {
    const partners = Math.max(1, Math.min(foreign.length, Math.round(250 * activity(rank, 0.8))));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < partners && tries < partners * 20; tries++) {
      chosen.add(drawForeign(rng));
    }
    for (const f of chosen) {
      // Signed in the last 20 years, for 5 to 25 years from April 1 (the Japanese academic year).
      const fromYear = thisYear - 20 + rng.int(19);
      const validFrom = firstOfMonth(fromYear, 4);
      const validTo = `${fromYear + 5 * (1 + rng.int(5))}-03-31`;
      const signedOn = isoOf(toDay(validFrom) - 30 - rng.int(60));
      const content: AgreementContent = {
        title: `${jp.names.en} – ${foreign[f]!.names.en}: student exchange`,
        validFrom,
        validTo,
        clauses: { tuitionWaiver: true, commonScreening: false, commonRecognition: false },
        directions: (['A', 'B'] as const).map((from) => ({
          from,
          levels: ['bachelor', 'master', 'doctor'],
          fields: [],
          languages: [],
          quotas: [],
        })),
      };
      out.push({
        id: uuidOf(rng),
        partyAId: jp.id,
        partyBId: foreign[f]!.id,
        // What the signatures and the dates make of it on `today`.
        status: validTo < today ? 'expired' : validFrom > today ? 'signed' : 'active',
        content,
        signedOn,
        weight: activity(rank, 0.8) * foreignWeights[f]!,
      });
    }
  });
  return out;
}

/** Institutions and agreements of the world a seed makes. */
export function syntheticWorld(options: SyntheticOptions): SyntheticWorld {
  const rng = createRng(options.seed ?? 1);
  const japanese = japaneseInstitutions(rng, options.japanese ?? 800);
  const foreign = foreignInstitutions(rng, options.foreign ?? 2000);
  const agreements = agreementsOf(rng, japanese, foreign, options.today);
  return { institutions: [...japanese, ...foreign], agreements };
}

// ── Mobilities ────────────────────────────────────────────────────────────────────────────────

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
// Mostly one semester (5–6 months) or one academic year (10–12 months).
const MONTH_WEIGHTS = [3, 2, 3, 4, 18, 27, 2, 2, 3, 12, 10, 14];
const LEVELS = ['bachelor', 'master', 'doctor'] as const;
const FIELDS = ISCED_FIELDS.filter(isIscedF);

/**
 * The state of a mobility on `today` from its dates: planned ones are still nominated, accepted,
 * signed or refused/withdrawn; current ones are abroad; past ones are completed, their transcript
 * issued, recognised — or ended early.
 */
export function stateOn(rng: Rng, start: string, end: string, today: string): MobilityState {
  const x = rng.next();
  if (start > today) {
    return x < 0.3
      ? 'nominated'
      : x < 0.6
        ? 'accepted'
        : x < 0.9
          ? 'la_signed'
          : x < 0.95
            ? 'refused'
            : 'withdrawn';
  }
  if (end >= today) {
    // Departed but not yet arrived only in the first days of a stay.
    if (toDay(today) - toDay(start) < 7 && x < 0.5) return 'departed';
    return x < 0.95 ? 'arrived' : 'interrupted';
  }
  if (toDay(end) > toDay(today) - 120) return x < 0.6 ? 'completed' : 'transcript_issued';
  return x < 0.86
    ? 'recognised'
    : x < 0.91
      ? 'transcript_issued'
      : x < 0.95
        ? 'interrupted'
        : x < 0.98
          ? 'withdrawn'
          : 'refused';
}

/** `count` mobilities under the world's agreements, drawn by the parties' activity. */
export function* syntheticMobilities(
  world: SyntheticWorld,
  options: SyntheticOptions,
): Generator<SyntheticMobility> {
  const rng = createRng((options.seed ?? 1) * 7919 + 17);
  const scripts = new Map(world.institutions.map((i) => [i.id, i.script]));
  const drawAgreement = sampler(world.agreements.map((a) => a.weight));
  const drawMonths = sampler(MONTH_WEIGHTS);
  const drawField = sampler(FIELDS.map((_, i) => 1 / (i + 2)));
  const latestStart = toDay(options.today) + 365;
  for (let n = 0; n < options.mobilities;) {
    const a = world.agreements[drawAgreement(rng)]!;
    const months = MONTHS[drawMonths(rng)]!;
    // R2: the whole stay within the agreement (start on the 1st, end the day before).
    const from = toDay(a.content.validFrom);
    const to = Math.min(toDay(stayEnd(a.content.validTo, -months)) + 1, latestStart);
    if (to < from) continue;
    const day = isoOf(from + rng.int(to - from + 1));
    const year = Number(day.slice(0, 4));
    let month = Number(day.slice(5, 7));
    // Most stays start with a semester: April or September/October.
    if (rng.next() < 0.7) month = month < 7 ? 4 : rng.next() < 0.7 ? 9 : 10;
    let start = firstOfMonth(year, month);
    if (start < a.content.validFrom) start = a.content.validFrom;
    let end = stayEnd(start, months);
    if (end > a.content.validTo || toDay(start) > latestStart) {
      start = a.content.validFrom;
      end = stayEnd(start, months);
      if (end > a.content.validTo) continue;
    }
    const outbound = rng.next() < 0.55;
    const homeId = outbound ? a.partyAId : a.partyBId;
    const hostId = outbound ? a.partyBId : a.partyAId;
    const status = stateOn(rng, start, end, options.today);
    yield {
      id: uuidOf(rng),
      agreementId: a.id,
      homeId,
      hostId,
      studentName: studentName(rng, scripts.get(homeId) ?? 'en'),
      level: LEVELS[rng.next() < 0.6 ? 0 : rng.next() < 0.75 ? 1 : 2],
      iscedField: FIELDS[drawField(rng)]!,
      startDate: start,
      months,
      funded: rng.next() < 0.7,
      status,
      createdAt: new Date((toDay(start) - 60 - rng.int(120)) * 86_400_000).toISOString(),
    };
    n++;
  }
}

// ── Loading ───────────────────────────────────────────────────────────────────────────────────

/** Why a database cannot take the synthetic world, or null when it can. */
export async function syntheticRefusal(db: Db): Promise<string | null> {
  const presence = await worldPresence(
    db,
    DEMO_INSTITUTIONS.map((i) => i.id),
    SYNTHETIC_DOMAIN,
  );
  if (presence.synthetic > 0) return 'the database already holds a synthetic world';
  if (presence.other > 0) {
    return 'the database holds data other than the demo world; load the synthetic world into an empty database or one holding only the demo world';
  }
  return null;
}

export interface LoadReport {
  institutions: number;
  agreements: number;
  mobilities: number;
}

/**
 * Loads the world in one transaction, mobilities in batches of multi-row inserts. `progress` is
 * told after each batch.
 */
export async function loadSynthetic(
  db: Db,
  options: SyntheticOptions,
  progress: (done: number) => void = () => undefined,
  batchSize = 5000,
): Promise<LoadReport> {
  const world = syntheticWorld(options);
  await db.transaction(async (tx) => {
    await insertSyntheticInstitutions(tx, world.institutions);
    await insertSyntheticAgreements(tx, world.agreements);
    let batch: SyntheticMobility[] = [];
    let done = 0;
    for (const m of syntheticMobilities(world, options)) {
      batch.push(m);
      if (batch.length === batchSize) {
        await insertSyntheticMobilities(tx, batch);
        progress((done += batch.length));
        batch = [];
      }
    }
    if (batch.length > 0) {
      await insertSyntheticMobilities(tx, batch);
      progress((done += batch.length));
    }
  });
  return {
    institutions: world.institutions.length,
    agreements: world.agreements.length,
    mobilities: options.mobilities,
  };
}
