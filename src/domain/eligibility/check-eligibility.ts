/**
 * Is a student eligible for a call? Pure: the date is passed in, every threshold is program or
 * call data. Every refusal is a reason: a code `calls.<name>`, the rule it applies when it applies
 * one, its parameters (ids, codes, dates, numbers) and an English message for logs.
 *
 * Checks, in this order:
 * - R18 (003 §8–9): `today` is within the call's opening and closing dates;
 * - CONSORTIUM (003 §2(1)): the home university is a member of a sending consortium on `today`
 *   and still on the first day of the departure window: a membership that ends before the stay
 *   begins does not dispatch the student;
 * - R9 (003 §2(2)): a foreign student in Japan on a Table 1 student residence status (留学) is
 *   refused; a student of a university outside the dispatching country may take part in a
 *   two-way call but is not entitled to the support (`funding`);
 * - ENROLMENT: the enrolment status is one the program allows, and enrolment lasts until the stay
 *   ends (earliest departure + requested months);
 * - R3 (003 §5(3)): the level is targeted by the program;
 * - R12 (003 §3(2)2)): the requested stay is within the program's range, narrowed by the call's;
 * - per host (the ranked ones, or all hosts when not ranked yet): the host is in the call and
 *   not in the student's own consortium, offers places at the student's level (R3), and the
 *   student meets one of its language requirements (CEFR).
 */
import { describeRequirements, describeSkills, meetsLanguageRequirements } from './cefr.ts';
import { addMonths, assertIsoDate } from './dates.ts';
import { REASONS, reasonMessage, type ReasonCode } from './reason-messages.ts';
import type {
  EligibilityCall,
  EligibilityReason,
  EligibilityResult,
  EligibilityRules,
  EligibilityStudent,
  HostEligibility,
  Membership,
  ReasonParams,
} from './types.ts';

/** Builds a reason: its rule comes from the code's definition, its message is English. */
export function makeReason(code: ReasonCode, params: ReasonParams): EligibilityReason {
  const rule = REASONS[code].rule;
  const reason: EligibilityReason = {
    code: `calls.${code}`,
    params,
    message: reasonMessage(code, params),
  };
  return rule ? { rule, ...reason } : reason;
}

/** Is `institutionId` a member on `date`? `leftOn` is the first day it is no longer one. */
export function isMemberOn(
  members: readonly Membership[],
  institutionId: string,
  date: string,
): boolean {
  return members.some(
    (m) =>
      m.institutionId === institutionId &&
      m.joinedOn <= date &&
      (m.leftOn === null || date < m.leftOn),
  );
}

/** The stay range in force: the program's (R12), narrowed by the call's when it has one. */
export function effectiveStayRange(
  rules: EligibilityRules,
  call: EligibilityCall,
): { min: number; max: number } {
  const program = rules.stayMonths;
  if (!call.stayMonths) return { min: program.min, max: program.max };
  return {
    min: Math.max(program.min, call.stayMonths.min),
    max: Math.min(program.max, call.stayMonths.max),
  };
}

function checkDeadline(call: EligibilityCall, today: string): EligibilityReason[] {
  if (today < call.opens) return [makeReason('call_not_open_yet', { opens: call.opens })];
  if (today > call.closes) return [makeReason('call_closed', { closes: call.closes })];
  return [];
}

function checkEnrolment(
  student: EligibilityStudent,
  call: EligibilityCall,
  rules: EligibilityRules,
): EligibilityReason[] {
  const { status, until } = student.enrolment;
  if (!rules.enrolmentStatuses.includes(status)) {
    return [
      makeReason('enrolment_status_not_allowed', { status, allowed: rules.enrolmentStatuses }),
    ];
  }
  if (until !== null && call.departureWindow !== null) {
    const stayEnds = addMonths(call.departureWindow.from, student.requestedMonths);
    if (until < stayEnds) return [makeReason('enrolment_ends_before_return', { until, stayEnds })];
  }
  return [];
}

function checkStay(
  student: EligibilityStudent,
  call: EligibilityCall,
  rules: EligibilityRules,
): EligibilityReason[] {
  const { min, max } = effectiveStayRange(rules, call);
  const months = student.requestedMonths;
  if (months < min) return [makeReason('stay_too_short', { months, min, max })];
  if (months > max) return [makeReason('stay_too_long', { months, min, max })];
  return [];
}

function checkHost(
  hostId: string,
  student: EligibilityStudent,
  call: EligibilityCall,
  ownConsortia: ReadonlySet<string>,
): HostEligibility {
  const host = call.hosts.find((h) => h.institutionId === hostId);
  if (!host) {
    return {
      host: hostId,
      eligible: false,
      reasons: [makeReason('host_not_in_call', { host: hostId })],
    };
  }
  const reasons: EligibilityReason[] = [];
  if (
    host.institutionId === student.home.institutionId ||
    (host.consortiumId !== null && ownConsortia.has(host.consortiumId))
  ) {
    reasons.push(
      makeReason('host_not_open_to_home', {
        host: hostId,
        consortium: host.consortiumId ?? student.home.institutionId,
      }),
    );
  }
  if (!host.places.some((p) => p.level === student.level && p.count > 0)) {
    reasons.push(makeReason('level_not_offered_by_host', { host: hostId, level: student.level }));
  }
  if (!meetsLanguageRequirements(student.languages, host.languageRequirements)) {
    reasons.push(
      makeReason('language_requirement_not_met', {
        host: hostId,
        required: describeRequirements(host.languageRequirements),
        declared: describeSkills(student.languages),
      }),
    );
  }
  return { host: hostId, eligible: reasons.length === 0, reasons };
}

/**
 * Checks `student` against `call` under the program's `rules` on `today` (ISO date, the day of
 * submission or of the check). Never throws on an ineligible student; throws a `RangeError` only
 * for a malformed date.
 */
export function checkEligibility(
  student: EligibilityStudent,
  call: EligibilityCall,
  rules: EligibilityRules,
  today: string,
): EligibilityResult {
  assertIsoDate(today, 'today');
  const reasons: EligibilityReason[] = [...checkDeadline(call, today)];

  const home = student.home.institutionId;
  const ownConsortia = new Set(
    call.sendingConsortia.filter((c) => isMemberOn(c.members, home, today)).map((c) => c.id),
  );
  // The membership is judged on the days it concerns: the day of the application and the day
  // the stay can begin at the earliest (the student is dispatched by a member, 003 §2(1)).
  const departs = call.departureWindow?.from;
  const dispatching =
    departs !== undefined && departs > today
      ? call.sendingConsortia.filter(
          (c) => ownConsortia.has(c.id) && isMemberOn(c.members, home, departs),
        )
      : call.sendingConsortia.filter((c) => ownConsortia.has(c.id));
  if (dispatching.length === 0) {
    reasons.push(
      makeReason('home_not_in_sending_consortium', {
        home,
        consortia: call.sendingConsortia.map((c) => c.id),
        date: ownConsortia.size === 0 || departs === undefined ? today : departs,
      }),
    );
  }

  // R9, 003 §2(2): exchange students are dispatched from a Japanese university; foreign students
  // in Japan on a Table 1 student status are not entitled.
  let funding: EligibilityResult['funding'] = null;
  const definition = rules.exchangeStudent;
  if (definition !== null) {
    if (!definition.dispatchedFromCountries.includes(student.home.country)) {
      funding = {
        entitled: false,
        reasons: [
          makeReason('not_dispatched_from_japan', {
            countries: definition.dispatchedFromCountries,
            country: student.home.country,
          }),
        ],
      };
    } else if (
      student.residenceStatus !== null &&
      definition.excludedResidenceStatuses.includes(student.residenceStatus)
    ) {
      const refusal = makeReason('table1_student_residence_status', {
        status: student.residenceStatus,
      });
      reasons.push(refusal);
      funding = { entitled: false, reasons: [refusal] };
    } else {
      funding = { entitled: true, reasons: [] };
    }
  }

  reasons.push(...checkEnrolment(student, call, rules));

  if (!rules.targetedLevels.includes(student.level)) {
    reasons.push(
      makeReason('level_not_targeted', { level: student.level, targeted: rules.targetedLevels }),
    );
  }

  reasons.push(...checkStay(student, call, rules));

  const checked =
    student.ranking.length > 0 ? student.ranking : call.hosts.map((h) => h.institutionId);
  const hosts = checked.map((hostId) => checkHost(hostId, student, call, ownConsortia));
  const eligibleHosts = hosts.filter((h) => h.eligible).map((h) => h.host);
  if (eligibleHosts.length === 0) {
    // No host is open to the student: every host's reasons explain the refusal.
    for (const h of hosts) reasons.push(...h.reasons);
  }

  const eligible = reasons.length === 0 && eligibleHosts.length > 0;
  return { eligible, reasons, hosts, eligibleHosts, funding };
}
