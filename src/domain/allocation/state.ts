/**
 * Mutable capacity state shared by the greedy mechanisms (2S-TTC, serial dictatorship):
 * what is left of each agreement, university cap and funder cap (003 §4, R14), and the net of
 * every balance unit (003 §5(4), R4). Typed arrays only; nothing is allocated per step.
 */
import type { Compiled } from './compile.ts';
import { ALLOCATION_REFUSALS, type Refusal } from './types.ts';

/** Refusal codes as small integers, for Uint8Array traces. */
export const R_NONE = 0;
export const R_REFUSED = 1;
export const R_AG_FULL = 2;
export const R_AG_MONTHS = 3;
export const R_HOST_FULL = 4;
export const R_EXPORT = 5;
export const R_FUNDER = 6;
export const R_BALANCE = 7;
export const R_NOT_CHOSEN = 8;
export const R_TRIMMED = 9;

/** Refusal codes as stored per preference: 0 = none, then ALLOCATION_REFUSALS in order. */
export const REFUSALS: readonly (Refusal | undefined)[] = [undefined, ...ALLOCATION_REFUSALS];

export class CapacityState {
  readonly slotsLeft: Int32Array;
  readonly monthsLeft: Int32Array;
  readonly importLeft: Int32Array;
  readonly exportLeft: Int32Array;
  readonly net: Float64Array;
  fundedMonthsLeft: number;
  yenLeft: number;

  constructor(private readonly c: Compiled) {
    this.slotsLeft = c.agSlots.slice();
    this.monthsLeft = c.agMonthsCap.slice();
    this.importLeft = c.importCap.slice();
    this.exportLeft = c.exportCap.slice();
    this.net = new Float64Array(c.nUnits);
    this.fundedMonthsLeft = c.fundedMonthsCap;
    this.yenLeft = c.yenCap;
  }

  /** Why student s cannot take pref entry k now, ignoring balance; R_NONE if it can. */
  capacityRefusal(s: number, k: number): number {
    const c = this.c;
    if (c.prefOk[k] === 0) return R_REFUSED;
    if (this.exportLeft[c.home[s]!]! <= 0) return R_EXPORT;
    const a = c.prefAg[k]!;
    if (this.slotsLeft[a]! <= 0) return R_AG_FULL;
    if (this.monthsLeft[a]! < c.months[s]!) return R_AG_MONTHS;
    if (this.importLeft[c.prefHost[k]!]! <= 0) return R_HOST_FULL;
    if (c.funded[s] === 1 && (c.months[s]! > this.fundedMonthsLeft || c.yen[s]! > this.yenLeft)) {
      return R_FUNDER;
    }
    return R_NONE;
  }

  /** True when placing s at k keeps both balance units it touches within tolerance. */
  balanceAllows(s: number, k: number): boolean {
    const c = this.c;
    const a = c.prefAg[k]!;
    const src = c.agSrc[a]!;
    const dst = c.agDst[a]!;
    if (src < 0 || src === dst) return true;
    const w = c.bw[s]!;
    return this.net[src]! + w <= c.tolerance && this.net[dst]! - w >= -c.tolerance;
  }

  place(s: number, k: number): void {
    const c = this.c;
    const a = c.prefAg[k]!;
    const m = c.months[s]!;
    this.slotsLeft[a]!--;
    this.monthsLeft[a]! -= m;
    this.importLeft[c.prefHost[k]!]!--;
    this.exportLeft[c.home[s]!]!--;
    if (c.funded[s] === 1) {
      this.fundedMonthsLeft -= m;
      this.yenLeft -= c.yen[s]!;
    }
    const src = c.agSrc[a]!;
    if (src >= 0) {
      this.net[src]! += c.bw[s]!;
      this.net[c.agDst[a]!]! -= c.bw[s]!;
    }
  }

  unplace(s: number, k: number): void {
    const c = this.c;
    const a = c.prefAg[k]!;
    const m = c.months[s]!;
    this.slotsLeft[a]!++;
    this.monthsLeft[a]! += m;
    this.importLeft[c.prefHost[k]!]!++;
    this.exportLeft[c.home[s]!]!++;
    if (c.funded[s] === 1) {
      this.fundedMonthsLeft += m;
      this.yenLeft += c.yen[s]!;
    }
    const src = c.agSrc[a]!;
    if (src >= 0) {
      this.net[src]! -= c.bw[s]!;
      this.net[c.agDst[a]!]! += c.bw[s]!;
    }
  }

  /** Largest |net| over the balance units. */
  worstImbalance(): number {
    let worst = 0;
    for (let u = 0; u < this.net.length; u++) worst = Math.max(worst, Math.abs(this.net[u]!));
    return worst;
  }
}

/** Converts a per-pref-entry Uint8Array of refusal codes into the trace's per-student lists. */
export function refusalsByStudent(c: Compiled, codes: Uint8Array): (Refusal | undefined)[][] {
  const out: (Refusal | undefined)[][] = [];
  for (let i = 0; i < c.nStu; i++) {
    const s = c.rankOf[i]!;
    const row: (Refusal | undefined)[] = [];
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) row.push(REFUSALS[codes[k]!]);
    out.push(row);
  }
  return out;
}
