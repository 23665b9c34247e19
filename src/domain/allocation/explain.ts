/**
 * Explanations: for each student, why she got this host or none — the cycle she traded in
 * (2S-TTC), and for every choice she ranked above her outcome, why not: refused by the host's
 * screening, full (agreement slots or months, host import cap, home export cap), the funder's
 * cap (003 §4, R14), or balance (003 §5(4), R4). A mechanism's trace gives the reason it
 * recorded when it gave up the option; without one (e.g. `optimal`) the reason is diagnosed on
 * the final allocation: what would break if she moved there.
 */
import type { Compiled } from './compile.ts';
import { chosenFrom, compile } from './compile.ts';
import { CapacityState, R_BALANCE, R_NONE, R_NOT_CHOSEN, REFUSALS } from './state.ts';
import { refusal, type MessageParam, type Refusal as Said } from '../shared/refusal.ts';
import { OUTCOME_CODES, REASON_CODES } from './refusal-codes.ts';
import type { AllocationInstance, AllocationOutcome, Objective, Refusal } from './types.ts';

export interface BetterChoice {
  host: string;
  /** 1-based rank in the student's prefs. */
  choice: number;
  reason: Refusal;
}

export interface CycleTrade {
  student: string;
  from: string;
  to: string;
}

export interface StudentExplanation {
  student: string;
  home: string;
  host: string | null;
  /** 1-based rank of the host in prefs, null when home. */
  choice: number | null;
  how: 'cycle' | 'residue' | 'serial' | 'optimum' | 'home' | 'trimmed';
  /** The 2S-TTC cycle she traded in. */
  cycle: { index: number; trades: CycleTrade[] } | null;
  better: BetterChoice[];
  text: string;
}

const REASON_TEXT: Record<Refusal, string> = {
  refused: 'did not accept you in screening',
  'agreement-full': 'had no slot left on the agreement with your home university',
  'agreement-months-full': 'had no months left on the agreement with your home university',
  'host-full': 'had reached its import cap',
  'home-export-full': 'could not be reached: your home university reached its export cap',
  'funder-cap': "would have exceeded the funder's cap (003 §4)",
  balance: 'would have broken the balance of exchanges (003 §5(4))',
  'not-chosen': 'was possible, but another allocation reached the objective',
  trimmed: 'was cut to restore balance (003 §5(4))',
};

const ordinal = (n: number): string => {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
};

/** Diagnoses on the final allocation why student s is not at pref entry k. */
function diagnose(
  c: Compiled,
  st: CapacityState,
  chosen: Int32Array,
  s: number,
  k: number,
): number {
  const cur = chosen[s]!;
  // Take her out of her current host, then ask whether k fits.
  if (cur >= 0) st.unplace(s, cur);
  let r = st.capacityRefusal(s, k);
  if (r === R_NONE && !st.balanceAllows(s, k)) r = R_BALANCE;
  if (r === R_NONE) r = R_NOT_CHOSEN;
  if (cur >= 0) st.place(s, cur);
  return r;
}

export function explain(
  inst: AllocationInstance,
  outcome: AllocationOutcome,
): StudentExplanation[] {
  const c = compile(inst);
  const chosen = chosenFrom(c, outcome.result.assignments);
  const st = new CapacityState(c);
  for (let s = 0; s < c.nStu; s++) if (chosen[s]! >= 0) st.place(s, chosen[s]!);
  const trace = outcome.trace;
  const mechanism = outcome.result.mechanism;
  const hostById = new Map(outcome.result.assignments.map((a) => [a.student, a.host]));
  const out: StudentExplanation[] = [];
  for (let i = 0; i < c.nStu; i++) {
    const student = inst.students[i]!;
    const s = c.rankOf[i]!;
    const k0 = c.prefStart[s]!;
    const cur = chosen[s]!;
    const host = cur >= 0 ? c.uniIds[c.prefHost[cur]!]! : null;
    const choice = cur >= 0 ? cur - k0 + 1 : null;
    const upTo = cur >= 0 ? cur : c.prefStart[s + 1]!;
    const better: BetterChoice[] = [];
    for (let k = k0; k < upTo; k++) {
      let reason = trace?.refusals[i]?.[k - k0];
      if (reason === undefined || (reason === 'balance' && mechanism === 'optimal')) {
        reason = REFUSALS[diagnose(c, st, chosen, s, k)] ?? 'not-chosen';
      }
      better.push({ host: c.uniIds[c.prefHost[k]!]!, choice: k - k0 + 1, reason });
    }
    let how: StudentExplanation['how'] = trace?.phase[i] ?? (cur >= 0 ? 'optimum' : 'home');
    if (cur < 0 && how !== 'trimmed') how = 'home';
    let cycle: StudentExplanation['cycle'] = null;
    const ci = trace && cur >= 0 ? trace.cycleOf[i]! : -1;
    if (trace && ci >= 0) {
      const trades: CycleTrade[] = [];
      for (const j of trace.cycles[ci] ?? []) {
        const other = inst.students[j]!;
        const hostOf = hostById.get(other.id) ?? '?';
        trades.push({ student: other.id, from: other.home, to: hostOf });
      }
      cycle = { index: ci, trades };
    }
    const parts: string[] = [];
    if (host !== null) {
      parts.push(`Placed at ${host} (${ordinal(choice!)} choice)`);
      if (cycle) {
        parts.push(
          `by exchange cycle #${cycle.index + 1}: ${cycle.trades.map((t) => `${t.student} ${t.from} → ${t.to}`).join(', ')}`,
        );
      } else if (how === 'residue') parts.push('within the balance tolerance');
      else if (how === 'serial') parts.push('in score order');
      else if (how === 'optimum') {
        const objective = outcome.result.objective ?? 'students';
        parts.push(
          outcome.result.stats.proven === false
            ? `in the best allocation found (${objective}), not proven optimal`
            : `in the optimum (${objective})`,
        );
      }
    } else {
      parts.push(
        how === 'trimmed' ? 'Stays home: cut to restore balance (003 §5(4))' : 'Stays home',
      );
    }
    const because = better.map(
      (b) => `${ordinal(b.choice)} choice ${b.host} ${REASON_TEXT[b.reason]}`,
    );
    let text = parts.join(' ') + '.';
    if (because.length > 0) text += ` ${because.join('; ')}.`;
    else if (host === null && student.prefs.length === 0) text += ' No hosts listed.';
    out.push({
      student: student.id,
      home: student.home,
      host,
      choice,
      how,
      cycle,
      better,
      text,
    });
  }
  return out;
}

/**
 * An explanation as the reader's app says it: how the student was placed (or that she stays home),
 * then one refusal per better choice — each a code with params: the host (`nameOf` gives its name),
 * the choice as a number, the cycle number, the objective. `text` stays the English for logs.
 */
export function explanationRefusals(
  e: Pick<StudentExplanation, 'host' | 'choice' | 'how' | 'cycle' | 'better'>,
  options: {
    objective: Objective | null;
    /** `stats.proven` of the result: false when the solver stopped before a proof. */
    proven?: boolean;
    prefsCount: number;
    nameOf?: (universityId: string) => MessageParam;
  },
): { outcome: Said; because: Said[] } {
  const nameOf = options.nameOf ?? ((id: string) => id);
  let outcome: Said;
  if (e.host !== null) {
    const placed = { host: nameOf(e.host), choice: e.choice ?? 0 };
    if (e.cycle) {
      outcome = refusal(OUTCOME_CODES.cycle, { ...placed, cycle: e.cycle.index + 1 });
    } else if (e.how === 'residue') {
      outcome = refusal(OUTCOME_CODES.residue, placed, { rule: 'R4' });
    } else if (e.how === 'serial') {
      outcome = refusal(OUTCOME_CODES.serial, placed);
    } else {
      outcome = refusal(
        options.proven === false ? OUTCOME_CODES.bestFound : OUTCOME_CODES.optimum,
        {
          ...placed,
          objective: options.objective ?? 'students',
        },
      );
    }
  } else if (e.how === 'trimmed') {
    outcome = refusal(OUTCOME_CODES.trimmed, {}, { rule: 'R4' });
  } else if (options.prefsCount === 0) {
    outcome = refusal(OUTCOME_CODES.noHosts);
  } else {
    outcome = refusal(OUTCOME_CODES.home);
  }
  const because = e.better.map((b) =>
    refusal(
      REASON_CODES[b.reason],
      { host: nameOf(b.host), choice: b.choice },
      { rule: RULE_OF[b.reason] },
    ),
  );
  return { outcome, because };
}

/** The rule a reason applies: the funder's cap (003 §4) and balance (003 §5(4)). */
const RULE_OF: Partial<Record<Refusal, 'R4' | 'R14'>> = {
  'funder-cap': 'R14',
  balance: 'R4',
  trimmed: 'R4',
};
