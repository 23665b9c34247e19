/**
 * Credit systems as data, each with its definition and source, and an hours-based conversion.
 *
 * R7 (003 §5(7)): credits earned at the host are recognised at home "under a recognition system
 * common to universities participating in the project". Which workload a credit stands for is
 * defined nationally; where the definition is a range (ECTS 25–30 h, UCTS 38–48 h) the point in
 * the range is part of the consortium's common recognition system, agreed by its members (R16,
 * 003 §6(1) item 13 and §7(2)): `CreditConversionPolicy.hoursPerCredit`.
 *
 * All hours here are clock hours of student workload (class + self-study). Russian academic
 * hours last 45 minutes, so 36 academic hours = 27 clock hours.
 *
 * The rounding policy: the exact value (value × hours(from) ÷ hours(to)) is rounded to a step of
 * 0.5 credit, halves upward, unless the policy says otherwise; the result carries the exact value
 * too, so nothing is hidden. EWP: keep the original credits next to any converted value — `Credits`
 * travel with their system.
 */
import type { LocalizedText } from './types.ts';

export const CREDIT_SYSTEM_IDS = ['jp-tan-i', 'ects', 'ru-ze', 'ucts'] as const;
export type CreditSystemId = (typeof CREDIT_SYSTEM_IDS)[number];

export type CreditSystem = {
  id: CreditSystemId;
  name: LocalizedText;
  /** Workload of one credit in the system's own hours. */
  hoursPerCredit: { min: number; max: number; nominal: number };
  /** Length of the system's hour in minutes (Russian academic hour: 45). */
  minutesPerHour: number;
  /** Credits of a full-time academic year, for reference (not used by the conversion). */
  creditsPerYear: number | null;
  definition: string;
  source: string;
  /** The `credit/scheme` value in EWP LA / ELMO documents ("ects" is predefined). */
  ewpScheme: string;
};

export type Credits = { value: number; system: CreditSystemId };

export const CREDIT_SYSTEMS: Readonly<Record<CreditSystemId, CreditSystem>> = {
  'jp-tan-i': {
    id: 'jp-tan-i',
    name: {
      ja: '単位',
      en: 'Japanese university credit',
      ru: 'японский кредит',
      fr: 'crédit japonais',
    },
    hoursPerCredit: { min: 45, max: 45, nominal: 45 },
    minutesPerHour: 60,
    creditsPerYear: 31,
    definition:
      'one credit is, as a standard, a course requiring 45 hours of study, class time and study outside class together',
    source:
      '大学設置基準 (Standards for Establishment of Universities, MEXT Ordinance No. 28 of 1956) Art. 21(2); 124 credits for a bachelor degree, Art. 32 (31 a year over 4 years)',
    ewpScheme: 'jp-tan-i',
  },
  ects: {
    id: 'ects',
    name: { en: 'ECTS credit', fr: 'crédit ECTS', ru: 'кредит ECTS', ja: 'ECTS単位' },
    hoursPerCredit: { min: 25, max: 30, nominal: 27.5 },
    minutesPerHour: 60,
    creditsPerYear: 60,
    definition:
      '60 credits for the workload of a full-time academic year of 1,500–1,800 hours: one credit corresponds to 25 to 30 hours of work (nominal: the mid-point, 27.5)',
    source:
      'ECTS Users’ Guide 2015 (European Commission), “ECTS credits” — 60 credits for 1,500–1,800 hours of a full-time year',
    ewpScheme: 'ects',
  },
  'ru-ze': {
    id: 'ru-ze',
    name: {
      ru: 'зачётная единица',
      en: 'Russian credit unit (zachyotnaya edinitsa)',
      ja: 'ロシアの単位（ザチョートナヤ・エジニッツァ）',
      fr: 'unité de crédit russe',
    },
    hoursPerCredit: { min: 36, max: 36, nominal: 36 },
    minutesPerHour: 45,
    creditsPerYear: 60,
    definition:
      'one credit unit equals 36 academic hours of 45 minutes (27 clock hours); 60 credit units a full-time year',
    source:
      'Federal state educational standards of higher education (ФГОС ВО, Russian Federation): one credit unit is equivalent to 36 academic hours of 45 minutes, or 27 astronomical hours',
    ewpScheme: 'ru-ze',
  },
  ucts: {
    id: 'ucts',
    name: { en: 'UCTS credit (UMAP)', ja: 'UCTS単位', ru: 'кредит UCTS', fr: 'crédit UCTS' },
    hoursPerCredit: { min: 38, max: 48, nominal: 43 },
    minutesPerHour: 60,
    creditsPerYear: null,
    definition:
      'one UCTS credit equals 38–48 hours of student engagement, of which 13–16 hours of classroom instruction (nominal: the mid-point, 43); UMAP equates it with 1 Asian or North American credit and 1.5 ECTS',
    source:
      'University Mobility in Asia and the Pacific, UMAP Credit Transfer Scheme, https://umap.org/credit-transfer-scheme/ (the earlier pilot scheme used a 60-points-a-year scale)',
    ewpScheme: 'ucts',
  },
};

export type Rounding = 'half-up' | 'down';

/**
 * The consortium's conversion settings (R16). `hoursPerCredit` picks a point inside a system's
 * defined range, in that system's own hours; `step` is the rounding grain in credits.
 */
export type CreditConversionPolicy = {
  hoursPerCredit?: Partial<Record<CreditSystemId, number>>;
  step: number;
  rounding: Rounding;
};

export const DEFAULT_CREDIT_POLICY: CreditConversionPolicy = { step: 0.5, rounding: 'half-up' };

export type CreditConversionRule = {
  from: CreditSystemId;
  to: CreditSystemId;
  /** Clock hours of one credit in each system, as used. */
  clockHoursPerCreditFrom: number;
  clockHoursPerCreditTo: number;
  /** value × clockHoursPerCreditFrom ÷ clockHoursPerCreditTo, before rounding. */
  exact: number;
  step: number;
  rounding: Rounding;
  /** One line for people, e.g. "2 単位 × 45 h = 90 h; 90 h ÷ 30 h = 3 ECTS credit". */
  text: string;
};

export type CreditConversion = { value: number; rule: CreditConversionRule };

/** Clock hours of one credit of a system under a policy. */
export function clockHoursPerCredit(
  system: CreditSystemId,
  policy: CreditConversionPolicy = DEFAULT_CREDIT_POLICY,
): number {
  const def = CREDIT_SYSTEMS[system];
  const chosen = policy.hoursPerCredit?.[system] ?? def.hoursPerCredit.nominal;
  if (chosen < def.hoursPerCredit.min || chosen > def.hoursPerCredit.max) {
    throw new RangeError(
      `${system}: ${chosen} h per credit is outside its definition (${def.hoursPerCredit.min}–${def.hoursPerCredit.max} h)`,
    );
  }
  return (chosen * def.minutesPerHour) / 60;
}

/** Rounds to a multiple of `step`; a tiny epsilon absorbs binary noise such as 2.4999999. */
export function roundToStep(value: number, step: number, rounding: Rounding): number {
  const q = value / step;
  const n = rounding === 'half-up' ? Math.floor(q + 0.5 + 1e-9) : Math.floor(q + 1e-9);
  return Number((n * step).toFixed(6));
}

function fmt(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** R7: converts credits between systems through the hours of study they stand for. */
export function convertCredits(
  value: number,
  from: CreditSystemId,
  to: CreditSystemId,
  policy: CreditConversionPolicy = DEFAULT_CREDIT_POLICY,
): CreditConversion {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`credits must be a finite number ≥ 0, got ${value}`);
  }
  if (!(policy.step > 0)) throw new RangeError(`rounding step must be > 0, got ${policy.step}`);
  const hFrom = clockHoursPerCredit(from, policy);
  const hTo = clockHoursPerCredit(to, policy);
  const exact = (value * hFrom) / hTo;
  const rounded = from === to ? value : roundToStep(exact, policy.step, policy.rounding);
  const fromName = CREDIT_SYSTEMS[from].name.en ?? from;
  const toName = CREDIT_SYSTEMS[to].name.en ?? to;
  const text =
    from === to
      ? `${fmt(value)} ${fromName}: same system, unchanged`
      : `${fmt(value)} ${fromName} × ${fmt(hFrom)} h = ${fmt(value * hFrom)} h; ` +
        `${fmt(value * hFrom)} h ÷ ${fmt(hTo)} h = ${fmt(exact)} ${toName}, ` +
        `rounded ${policy.rounding} to ${fmt(policy.step)}: ${fmt(rounded)}`;
  return {
    value: rounded,
    rule: {
      from,
      to,
      clockHoursPerCreditFrom: hFrom,
      clockHoursPerCreditTo: hTo,
      exact,
      step: policy.step,
      rounding: policy.rounding,
      text,
    },
  };
}

/** Sums credits of one system; throws on mixed systems (a programmer error). */
export function sumCredits(credits: readonly Credits[], system: CreditSystemId): Credits {
  let total = 0;
  for (const c of credits) {
    if (c.system !== system) throw new Error(`cannot add ${c.system} credits to ${system}`);
    total += c.value;
  }
  return { value: Number(total.toFixed(6)), system };
}
