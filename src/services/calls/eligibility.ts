/**
 * A call and its program's rules as src/domain/eligibility reads them: the eligibility call
 * (schedule, stay, sending consortia, hosts) and the rules R3 (levels), R12 (stay) and R9
 * (exchange student).
 */
import { hostsOf, type CallRow } from '#src/db/queries/calls/calls.ts';
import type {
  EligibilityCall,
  EligibilityRules,
  SendingConsortium,
} from '#src/domain/eligibility/index.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';

export function toEligibilityCall(row: CallRow, sending: SendingConsortium[]): EligibilityCall {
  return {
    id: row.id,
    opens: row.opens,
    closes: row.closes,
    departureWindow:
      row.departureFrom && row.departureTo
        ? { from: row.departureFrom, to: row.departureTo }
        : null,
    stayMonths:
      row.stayMonthsMin !== null && row.stayMonthsMax !== null
        ? { min: row.stayMonthsMin, max: row.stayMonthsMax }
        : null,
    sendingConsortia: sending,
    hosts: hostsOf(row),
    maxRankedHosts: row.maxRankedHosts,
  };
}

/** The program's rules that eligibility reads: R3 levels, R12 stay, R9 exchange student. */
export function toEligibilityRules(rules: ProgramRules): EligibilityRules {
  return {
    targetedLevels: rules.levels,
    stayMonths: rules.stayMonths,
    exchangeStudent: {
      dispatchedFromCountries: [rules.eligibility.dispatchedFromCountry],
      excludedResidenceStatuses: rules.eligibility.excludedResidenceStatuses,
    },
    enrolmentStatuses: ['enrolled'],
  };
}
