/**
 * Validation of an allocation instance (docs/formats/allocation.md). The error names the
 * first offending field, e.g. `students[17].prefs[2]: unknown university "msu.rx"`.
 *
 * Two passes: zod checks the shape (types, ranges) and reports its first issue; then the
 * references are checked in document order (universities, agreements, students).
 */
import { z } from 'zod';
import { refusal, type MessageParams, type Refusal } from '../shared/refusal.ts';
import { INSTANCE_CODES } from './refusal-codes.ts';
import type { AllocationInstance } from './types.ts';
import { INSTANCE_FORMAT } from './types.ts';

const count = z.number().int().nonnegative();
const cap = count.nullable();
const id = z.string().min(1);

export const allocationRulesSchema = z.object({
  balanceScope: z.enum(['university', 'consortium', 'side', 'agreement', 'none']),
  balanceUnit: z.enum(['students', 'months']),
  tolerance: count,
  fundedMonthsCap: cap,
  yenCap: cap,
  stipendPerMonth: count,
});

export const allocationInstanceSchema = z.object({
  format: z.literal(INSTANCE_FORMAT),
  rules: allocationRulesSchema,
  universities: z.array(
    z.object({
      id,
      side: id,
      consortium: id.nullable(),
      importCap: cap,
      exportCap: cap,
    }),
  ),
  agreements: z.array(
    z.object({
      from: id,
      to: id,
      slots: count,
      monthsCap: cap,
    }),
  ),
  students: z.array(
    z.object({
      id,
      home: id,
      score: z.number().finite(),
      months: z.number().int().positive(),
      funded: z.boolean(),
      travelCost: count,
      prefs: z.array(id),
      acceptedBy: z.array(id).optional(),
    }),
  ),
});

/**
 * A refused instance names the first offending field (`path`, relative to the instance) with an
 * English `message` for logs and the command line; `issue` is zod's issue when the shape is wrong,
 * `refusal` the code and params when a reference is.
 */
export interface InstanceRefused {
  ok: false;
  path: string;
  message: string;
  error: string;
  issue?: z.core.$ZodIssue;
  refusal?: Refusal;
}
export type InstanceValidation = { ok: true; instance: AllocationInstance } | InstanceRefused;

/** `['students', 17, 'prefs', 2]` → `students[17].prefs[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(instance)' : out;
}

function fail(
  path: string,
  message: string,
  code?: string,
  params: MessageParams = {},
): InstanceRefused {
  return {
    ok: false,
    path,
    message,
    error: `${path}: ${message}`,
    ...(code ? { refusal: refusal(code, params) } : {}),
  };
}

/** Validates an untrusted value; never throws. */
export function validateInstance(value: unknown): InstanceValidation {
  const parsed = allocationInstanceSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail('(instance)', 'invalid');
    return { ...fail(formatPath(issue.path), issue.message), issue };
  }
  const inst = parsed.data as AllocationInstance;
  const referenceError = checkReferences(inst);
  if (referenceError) return referenceError;
  return { ok: true, instance: inst };
}

/** Like validateInstance, but throws an Error whose message names the field. */
export function parseInstance(value: unknown): AllocationInstance {
  const v = validateInstance(value);
  if (!v.ok) throw new Error(v.error);
  return v.instance;
}

const C = INSTANCE_CODES;

function checkReferences(inst: AllocationInstance): InstanceValidation | null {
  const universities = new Set<string>();
  for (let u = 0; u < inst.universities.length; u++) {
    const uni = inst.universities[u]!;
    if (universities.has(uni.id)) {
      return fail(
        `universities[${u}].id`,
        `duplicate university "${uni.id}"`,
        C.duplicateUniversity,
        {
          university: uni.id,
        },
      );
    }
    universities.add(uni.id);
  }
  const agreements = new Set<string>();
  for (let a = 0; a < inst.agreements.length; a++) {
    const ag = inst.agreements[a]!;
    if (!universities.has(ag.from)) {
      return fail(`agreements[${a}].from`, `unknown university "${ag.from}"`, C.unknownUniversity, {
        university: ag.from,
      });
    }
    if (!universities.has(ag.to)) {
      return fail(`agreements[${a}].to`, `unknown university "${ag.to}"`, C.unknownUniversity, {
        university: ag.to,
      });
    }
    if (ag.from === ag.to) {
      return fail(
        `agreements[${a}].to`,
        `agreement from "${ag.from}" to itself`,
        C.agreementToItself,
        {
          university: ag.from,
        },
      );
    }
    const key = `${ag.from}\u0000${ag.to}`;
    if (agreements.has(key)) {
      return fail(
        `agreements[${a}]`,
        `duplicate agreement from "${ag.from}" to "${ag.to}"`,
        C.duplicateAgreement,
        { from: ag.from, to: ag.to },
      );
    }
    agreements.add(key);
  }
  const students = new Set<string>();
  for (let s = 0; s < inst.students.length; s++) {
    const st = inst.students[s]!;
    const at = `students[${s}]`;
    if (students.has(st.id)) {
      return fail(`${at}.id`, `duplicate student "${st.id}"`, C.duplicateStudent, {
        student: st.id,
      });
    }
    students.add(st.id);
    if (!universities.has(st.home)) {
      return fail(`${at}.home`, `unknown university "${st.home}"`, C.unknownUniversity, {
        university: st.home,
      });
    }
    const prefs = new Set<string>();
    for (let k = 0; k < st.prefs.length; k++) {
      const host = st.prefs[k]!;
      const p = `${at}.prefs[${k}]`;
      if (!universities.has(host)) {
        return fail(p, `unknown university "${host}"`, C.unknownUniversity, { university: host });
      }
      if (host === st.home) {
        return fail(p, `"${host}" is the student's home`, C.prefIsHome, { university: host });
      }
      if (prefs.has(host)) {
        return fail(p, `duplicate host "${host}"`, C.duplicateHost, { university: host });
      }
      if (!agreements.has(`${st.home}\u0000${host}`)) {
        return fail(p, `no agreement from "${st.home}" to "${host}"`, C.noAgreement, {
          from: st.home,
          to: host,
        });
      }
      prefs.add(host);
    }
    if (st.acceptedBy) {
      const accepted = new Set<string>();
      for (let k = 0; k < st.acceptedBy.length; k++) {
        const host = st.acceptedBy[k]!;
        const p = `${at}.acceptedBy[${k}]`;
        if (!universities.has(host)) {
          return fail(p, `unknown university "${host}"`, C.unknownUniversity, { university: host });
        }
        if (!prefs.has(host)) {
          return fail(p, `"${host}" is not in prefs`, C.acceptedNotInPrefs, { university: host });
        }
        if (accepted.has(host)) {
          return fail(p, `duplicate host "${host}"`, C.duplicateHost, { university: host });
        }
        accepted.add(host);
      }
    }
  }
  return null;
}
