/**
 * Checks of a project application against its program's rules, with reasons (R1–R18), the 003 §11
 * submitter rule, the budget the numbers imply (R11 × R14), and the support period of a selected
 * project (R10). Pure: `today`/`now` are passed in.
 *
 * Every result is refusal-shaped: it names its rule, carries a stable `code` with `params` (names
 * of members in every language they have), and for a refusal the `field` to fix. The reader's app
 * writes the sentence and the fix.
 */
import type { Attachment, Member, ProjectApplication } from './application.ts';
import { allMembers, OUTLINE_ITEMS } from './application.ts';
import {
  addDays,
  applicationClosesAt,
  countdown,
  dayNumber,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  isPastDeadline,
  localDate,
} from './calendar.ts';
import type { ProgramRules } from './rules.ts';
import {
  refusal,
  type LocalizedText,
  type MessageParams,
  type Refusal,
  type RuleId,
} from '../shared/refusal.ts';
import { countryText, languageText, levelText } from './display.ts';
import {
  inForce as versionInForce,
  type AgreementState,
  type AgreementStatus,
} from '../agreement/agreement.ts';

/**
 * One check of an application: a refusal-shaped value `{ rule, code, params, field? }` (the reader's
 * app writes the sentence from `refusals.<code>`) and whether it passed. Codes are
 * `program.<name>` (listed in refusal-codes.ts).
 */
export interface CheckResult extends Refusal {
  rule: RuleId;
  ok: boolean;
  /**
   * A pass the reader should look at: the rule is met on what the applicants declared or
   * attached, but the registry could not confirm it (e.g. R2 on an uploaded copy only).
   */
  warning?: true;
}

/**
 * Check results with the instant they were judged on: the stored set of a submission (R18: never
 * re-run against a later day) or of an explicit re-check, or the live set of a draft.
 */
export interface DatedChecks {
  /** the instant the checks were judged on (ISO 8601) */
  asOf: string;
  results: CheckResult[];
  /** who asked for a re-check (an account id) */
  by?: string;
}

/** A party of an agreement in the registry. */
export interface RegistryParty {
  type: 'institution' | 'consortium';
  id: string;
  name: LocalizedText;
}

/**
 * The registry's record of the agreement item 7 names (R2 — 003 §5(2)): its parties, status and
 * versions with their signatures, as the checks need them.
 */
export interface RegistryAgreement {
  id: string;
  /** the record's status; `terminated` ends it whatever its dates */
  status: AgreementStatus;
  parties: { A: RegistryParty; B: RegistryParty };
  versions: AgreementState['versions'];
}

/** A signature of the registry agreement's version in force, with the party's name. */
export interface RegistrySignature {
  party: 'A' | 'B';
  partyName: LocalizedText;
  signatory: string;
  signedOn: string;
}

/**
 * Item 7 as the registry records it (what the view and the dossier show instead of the
 * declaration, so that their dates agree with the agreement's record): the version in force, or
 * the latest one while none is signed by both parties.
 */
export interface RegistryAgreementRecord {
  id: string;
  status: AgreementStatus;
  version: number | null;
  title: string;
  validFrom: string | null;
  validTo: string | null;
  /** the day the last party signed the version in force; null while not signed by both */
  signedOn: string | null;
  signatures: RegistrySignature[];
  stipulatesScreening: boolean;
  stipulatesRecognition: boolean;
  tuitionWaiver: boolean;
}

/** Item 7 from the registry's record (see `RegistryAgreementRecord`). */
export function registryAgreementRecord(a: RegistryAgreement): RegistryAgreementRecord {
  const v = versionInForce(a) ?? a.versions[a.versions.length - 1];
  const signatures = (v?.signatures ?? []).map((x) => ({
    party: x.party,
    partyName: a.parties[x.party].name,
    signatory: x.signatory,
    signedOn: x.signedOn,
  }));
  const both = v !== undefined && versionInForce(a) === v;
  return {
    id: a.id,
    status: a.status,
    version: v?.version ?? null,
    title: v?.content.title ?? '',
    validFrom: v?.content.validFrom ?? null,
    validTo: v?.content.validTo ?? null,
    signedOn: both
      ? (signatures
          .map((x) => x.signedOn)
          .sort()
          .at(-1) ?? null)
      : null,
    signatures,
    stipulatesScreening: v?.content.clauses.commonScreening ?? false,
    stipulatesRecognition: v?.content.clauses.commonRecognition ?? false,
    tuitionWaiver: v?.content.clauses.tuitionWaiver ?? false,
  };
}

/** The memberships of a consortium in the registry on the date the checks are judged on. */
export interface RegistryMembers {
  consortiumId: string;
  institutionIds: readonly string[];
  /** R8: the representative university the registry records for the consortium, if any */
  representative?: { id: string; name: LocalizedText } | null;
}

export interface CheckContext {
  /** the instant (or ISO date) the checks are judged on: today for a draft, the submission for a submitted one */
  today: string;
  /**
   * R18 — 003 §8: the instant the application was submitted; the deadline is judged on it, not on
   * `today` (a re-check of a submitted application).
   */
  submittedAt?: string;
  /** the account trying to submit; when given, the §11 check is included */
  submitterUserId?: string;
  /**
   * R2: the agreement `outline.agreement.registryAgreementId` names, as the registry has it; null
   * when the id names no agreement. Not given when the application names none.
   */
  agreement?: RegistryAgreement | null;
  /**
   * R1: the registry's members of the home and partner consortia on `today`, when the application
   * names consortia of the registry. Declared members the registry does not know are not counted.
   */
  registryMembers?: { home?: RegistryMembers; partner?: RegistryMembers };
}

/**
 * The rules whose checks read the registry through the context (the agreement's signatures and
 * dates, the consortia's members and representatives on the day judged, the agreement's clauses):
 * without the registry, as in the browser, their results are not the real ones.
 */
export const JUDGED_ON_THE_REGISTRY: ReadonlySet<string> = new Set(['R1', 'R2', 'R5', 'R8', 'R16']);

/** Whether a localized text has content in any language. */
export function hasText(t: LocalizedText | undefined): boolean {
  return t !== undefined && Object.values(t).some((v) => typeof v === 'string' && v.trim() !== '');
}

const pass = (rule: RuleId, code: string, params: MessageParams = {}): CheckResult => ({
  ...refusal(`program.${code}`, params, { rule }),
  rule,
  ok: true,
});

const fail = (
  rule: RuleId,
  code: string,
  field: string,
  params: MessageParams = {},
): CheckResult => ({ ...refusal(`program.${code}`, params, { rule, field }), rule, ok: false });

/** A pass that the reader should look at (met on a declaration the registry cannot confirm). */
const flag = (
  rule: RuleId,
  code: string,
  field: string,
  params: MessageParams = {},
): CheckResult => ({
  ...refusal(`program.${code}`, params, { rule, field }),
  rule,
  ok: true,
  warning: true,
});

/** One passing result when there are no problems, else the problems. */
function verdict(
  rule: RuleId,
  problems: CheckResult[],
  okCode: string,
  okParams: MessageParams = {},
): CheckResult[] {
  return problems.length > 0 ? problems : [pass(rule, okCode, okParams)];
}

/** A member's name in every language it has (its id only when it has none). */
function name(m: Member): LocalizedText {
  return hasText(m.name) ? m.name : { en: m.institutionId };
}

/** The name of a member of the application by its institution id. */
function memberName(app: ProjectApplication, id: string): LocalizedText {
  const m = allMembers(app).find((x) => x.institutionId === id);
  return m ? name(m) : { en: id };
}

// ---------------------------------------------------------------- R1 — 003 §2(1), §5(1)

function checkR1(
  rules: ProgramRules,
  app: ProjectApplication,
  registry: CheckContext['registryMembers'] = {},
): CheckResult[] {
  const c = rules.consortium;
  const problems: CheckResult[] = [];
  // A declared member the registry does not know in that consortium on the day is not counted.
  const registered = (side: 'home' | 'partner') => {
    const declared = app.outline.consortia[side];
    const known = registry[side];
    if (!known || known.consortiumId !== declared.consortiumId) return declared;
    const members: Member[] = [];
    for (const m of declared.members) {
      if (known.institutionIds.includes(m.institutionId)) members.push(m);
      else
        problems.push(
          fail('R1', 'member_not_in_consortium', `outline.consortia.${side}.members`, {
            institution: name(m),
            institutionId: m.institutionId,
            consortium: declared.name,
          }),
        );
    }
    return { ...declared, members };
  };
  const home = registered('home');
  const partner = registered('partner');
  const homeUnis = home.members.filter(
    (m) => m.kind === 'university' && m.country === c.homeCountry,
  );
  for (const m of home.members.filter((m) => m.country !== c.homeCountry)) {
    problems.push(
      fail('R1', 'home_member_abroad', 'outline.consortia.home.members', {
        institution: name(m),
        institutionId: m.institutionId,
        country: m.country,
        homeCountry: c.homeCountry,
      }),
    );
  }
  if (homeUnis.length < c.minHomeUniversities) {
    problems.push(
      fail('R1', 'home_too_few', 'outline.consortia.home.members', {
        count: homeUnis.length,
        min: c.minHomeUniversities,
        missing: c.minHomeUniversities - homeUnis.length,
        country: c.homeCountry,
      }),
    );
  }
  const allowed = (country: string) =>
    country !== c.homeCountry &&
    (c.partnerCountries.length === 0 || c.partnerCountries.includes(country));
  for (const m of partner.members.filter((m) => !allowed(m.country))) {
    const params = {
      institution: name(m),
      institutionId: m.institutionId,
      country: m.country,
      homeCountry: c.homeCountry,
    };
    problems.push(
      m.country === c.homeCountry || c.partnerCountries.length === 0
        ? fail('R1', 'partner_member_at_home', 'outline.consortia.partner.members', params)
        : fail('R1', 'partner_country_not_allowed', 'outline.consortia.partner.members', {
            ...params,
            allowed: c.partnerCountries.map(countryText),
          }),
    );
  }
  const partnerUnis = partner.members.filter((m) => m.kind === 'university' && allowed(m.country));
  if (partnerUnis.length < c.minPartnerUniversities) {
    problems.push(
      fail('R1', 'partner_too_few', 'outline.consortia.partner.members', {
        count: partnerUnis.length,
        min: c.minPartnerUniversities,
        missing: c.minPartnerUniversities - partnerUnis.length,
      }),
    );
  }
  return verdict('R1', problems, 'consortia_ok', {
    home: homeUnis.length,
    partner: partnerUnis.length,
    minHome: c.minHomeUniversities,
    minPartner: c.minPartnerUniversities,
  });
}

// ---------------------------------------------------------------- R8 — 003 §5(8), §6(2)

function checkR8(
  rules: ProgramRules,
  app: ProjectApplication,
  registry: CheckContext['registryMembers'] = {},
): CheckResult[] {
  if (!rules.consortium.representativeRequired) return [];
  const problems: CheckResult[] = [];
  for (const side of ['home', 'partner'] as const) {
    const c = app.outline.consortia[side];
    if (!c.members.some((m) => m.institutionId === c.representativeId)) {
      problems.push(
        fail('R8', `${side}_representative_missing`, `outline.consortia.${side}.representativeId`),
      );
      continue;
    }
    // The registry records the consortium's representative: the application may not name another.
    const known = registry[side];
    const registered = known?.consortiumId === c.consortiumId ? known?.representative : null;
    if (registered && registered.id !== c.representativeId) {
      problems.push(
        fail('R8', 'representative_not_registered', `outline.consortia.${side}.representativeId`, {
          institution: memberName(app, c.representativeId),
          institutionId: c.representativeId,
          registered: registered.name,
          consortium: c.name,
        }),
      );
    }
  }
  const rep = app.outline.consortia.home.representativeId;
  if (rules.travel.paidThroughRepresentative && app.liaison.travelOffice.institutionId !== rep) {
    problems.push(
      fail('R8', 'travel_office_not_representative', 'liaison.travelOffice.institutionId', {
        representative: memberName(app, rep),
      }),
    );
  }
  return verdict('R8', problems, 'representatives_ok');
}

// ---------------------------------------------------------------- R2 — 003 §5(2)

function findAttachment(app: ProjectApplication, id: string | undefined): Attachment | undefined {
  return id === undefined ? undefined : app.attachments.find((a) => a.id === id);
}

/**
 * R2: the dates the plan of item 10 covers, from the program's fiscal years: the first planned
 * dispatch (the start of the first planned fiscal year, not before the day after the outcome, R18)
 * and the end of the last planned year (the support period of R10 when item 10 names no years).
 */
export function plannedPeriod(
  rules: ProgramRules,
  app: ProjectApplication,
): { firstDispatch: string; endsOn: string } {
  const afterOutcome = addDays(rules.call.outcomeBy, 1);
  const years = app.outline.numbers
    .map((y) => y.fiscalYear)
    .filter((y): y is number => y !== undefined);
  const first = years.length > 0 ? Math.min(...years) : fiscalYearOf(rules, afterOutcome);
  const last =
    years.length > 0
      ? Math.max(...years)
      : first + Math.max(app.outline.numbers.length, rules.supportPeriod.maxYears) - 1;
  const start = fiscalYearStart(rules, first);
  return {
    firstDispatch: dayNumber(start) < dayNumber(afterOutcome) ? afterOutcome : start,
    endsOn: fiscalYearEnd(rules, last),
  };
}

/** Which side of item 2 a registry party is: the consortium itself or one of its declared members. */
function sideOf(app: ProjectApplication, party: RegistryParty): 'home' | 'partner' | null {
  for (const side of ['home', 'partner'] as const) {
    const c = app.outline.consortia[side];
    if (party.type === 'consortium' && c.consortiumId !== undefined && party.id === c.consortiumId)
      return side;
    if (party.type === 'institution' && c.members.some((m) => m.institutionId === party.id))
      return side;
  }
  return null;
}

/**
 * R2 against the registry: the agreement exists, is not terminated, all its parties signed its
 * version in force by `day`, that version is in force on the first planned dispatch, and its
 * parties are the two consortia of item 2 (or members of them).
 */
function checkR2Registry(
  rules: ProgramRules,
  app: ProjectApplication,
  day: string,
  agreement: RegistryAgreement | null,
): CheckResult[] {
  const field = 'outline.agreement.registryAgreementId';
  if (agreement === null) {
    return [
      fail('R2', 'agreement_not_in_registry', field, {
        agreementId: app.outline.agreement.registryAgreementId ?? '',
      }),
    ];
  }
  const problems: CheckResult[] = [];
  const { A, B } = agreement.parties;
  const sides = [sideOf(app, A), sideOf(app, B)];
  if (!(sides.includes('home') && sides.includes('partner'))) {
    problems.push(
      fail('R2', 'agreement_parties_mismatch', field, {
        partyA: A.name,
        partyB: B.name,
        home: app.outline.consortia.home.name,
        partner: app.outline.consortia.partner.name,
      }),
    );
  }
  if (agreement.status === 'terminated') {
    problems.push(fail('R2', 'agreement_terminated', field));
    return problems;
  }
  // The signatures as they stood on the day judged: a later signature does not count.
  const signedBy = (v: AgreementState['versions'][number]) => ({
    ...v,
    signatures: v.signatures.filter((x) => dayNumber(x.signedOn) <= dayNumber(day)),
  });
  const asOfDay = agreement.versions.map(signedBy);
  const v = versionInForce({ status: agreement.status, versions: asOfDay });
  if (!v) {
    const latest = asOfDay[asOfDay.length - 1];
    const missing = (['A', 'B'] as const).filter(
      (p) => !(latest?.signatures.some((x) => x.party === p) ?? false),
    );
    problems.push(
      fail('R2', 'agreement_not_signed_by_all', field, {
        on: day,
        missing: missing.map((p) => agreement.parties[p].name),
      }),
    );
    return problems;
  }
  const { firstDispatch, endsOn } = plannedPeriod(rules, app);
  const { validFrom, validTo } = v.content;
  const dates = { validFrom, validTo, firstDispatch, planEndsOn: endsOn };
  if (
    dayNumber(validFrom) > dayNumber(firstDispatch) ||
    dayNumber(validTo) < dayNumber(firstDispatch)
  ) {
    problems.push(fail('R2', 'agreement_not_in_force', field, dates));
  }
  if (problems.length > 0) return problems;
  const signedOn =
    v.signatures
      .map((x) => x.signedOn)
      .sort()
      .at(-1) ?? '';
  if (dayNumber(validTo) < dayNumber(endsOn)) {
    return [flag('R2', 'agreement_ends_before_plan', field, { ...dates, signedOn })];
  }
  return [pass('R2', 'agreement_registry_ok', { ...dates, signedOn, title: v.content.title })];
}

function checkR2(
  rules: ProgramRules,
  app: ProjectApplication,
  today: string,
  agreement: RegistryAgreement | null | undefined,
): CheckResult[] {
  if (!rules.requirements.signedAgreement) return [];
  const a = app.outline.agreement;
  const day = localDate(today, rules.call.utcOffset);
  if (a.registryAgreementId !== undefined) {
    return checkR2Registry(rules, app, day, agreement ?? null);
  }
  // No agreement of the registry: the declaration stands only with a stored signed copy, and
  // is flagged as not verified.
  const problems: CheckResult[] = [];
  if (a.signedOn === undefined || dayNumber(a.signedOn) > dayNumber(day)) {
    problems.push(fail('R2', 'agreement_not_signed', 'outline.agreement.signedOn'));
  }
  const { home, partner } = app.outline.consortia;
  for (const rep of [home.representativeId, partner.representativeId]) {
    if (rep !== '' && !a.signatories.includes(rep)) {
      problems.push(
        fail('R2', 'representative_not_signatory', 'outline.agreement.signatories', {
          institution: memberName(app, rep),
          institutionId: rep,
        }),
      );
    }
  }
  const copy = findAttachment(app, a.copyAttachmentId);
  if (!copy || copy.kind !== 'agreement-copy' || !hasStoredFile(copy)) {
    problems.push(fail('R2', 'agreement_copy_missing', 'outline.agreement.copyAttachmentId'));
  }
  if (problems.length > 0) return problems;
  return [
    flag('R2', 'agreement_copy_unverified', 'outline.agreement.registryAgreementId', {
      signedOn: a.signedOn ?? '',
    }),
  ];
}

/** An attachment whose file is stored (its digest is set by the service that stored it). */
export function hasStoredFile(a: Attachment): boolean {
  return a.sha256 !== undefined && a.sha256 !== '';
}

// ---------------------------------------------------------------- R3 — 003 §5(3)

function checkR3(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const problems: CheckResult[] = [];
  const allowed = rules.levels.map(levelText);
  if (app.outline.levels.length === 0) {
    problems.push(fail('R3', 'no_level', 'outline.levels', { allowed }));
  }
  const levels = new Set([
    ...app.outline.levels,
    ...app.outline.implementation.exchangeTypes.flatMap((t) => t.levels),
  ]);
  for (const level of levels) {
    if (!rules.levels.includes(level)) {
      problems.push(
        fail('R3', 'level_not_targeted', 'outline.levels', { level: levelText(level), allowed }),
      );
    }
  }
  return verdict('R3', problems, 'levels_ok', { levels: app.outline.levels.map(levelText) });
}

// ---------------------------------------------------------------- R4, R12, R14 — 003 §5(4), §3(2)2), §4

function checkNumbers(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const out: CheckResult[] = [];
  const tol = rules.balanceTolerance;
  const r4: CheckResult[] = [];
  const r14: CheckResult[] = [];
  const { min, max } = rules.stayMonths;
  for (const y of app.outline.numbers) {
    const field = `outline.numbers.${app.outline.numbers.indexOf(y)}`;
    const ds = Math.abs(y.outbound.students - y.inbound.students);
    const dm = Math.abs(y.outbound.studentMonths - y.inbound.studentMonths);
    if (ds > tol.students || dm > tol.studentMonths) {
      r4.push(
        fail('R4', 'unbalanced', field, {
          year: y.year,
          sentStudents: y.outbound.students,
          sentMonths: y.outbound.studentMonths,
          receivedStudents: y.inbound.students,
          receivedMonths: y.inbound.studentMonths,
          gapStudents: ds,
          gapMonths: dm,
          tolStudents: tol.students,
          tolMonths: tol.studentMonths,
        }),
      );
    }
    if (y.outbound.studentMonths > rules.annualCap.studentMonths) {
      r14.push(
        fail('R14', 'over_cap', field, {
          year: y.year,
          months: y.outbound.studentMonths,
          cap: rules.annualCap.studentMonths,
          students: rules.annualCap.studentsAtFullLength,
          maxMonths: max,
        }),
      );
    }
    for (const dir of ['outbound', 'inbound'] as const) {
      const n = y[dir];
      if (n.students * min > n.studentMonths || n.studentMonths > n.students * max) {
        r14.push(
          fail('R14', `${dir}_months_inconsistent`, `${field}.${dir}`, {
            year: y.year,
            students: n.students,
            months: n.studentMonths,
            min,
            max,
          }),
        );
      }
    }
  }
  out.push(...verdict('R4', r4, 'balance_ok'));
  out.push(...verdict('R14', r14, 'cap_ok', { cap: rules.annualCap.studentMonths }));
  const s = app.outline.schedule.stayMonths;
  const r12: CheckResult[] = [];
  if (s.min < min || s.max > max || s.min > s.max) {
    r12.push(
      fail('R12', 'stay_out_of_range', 'outline.schedule.stayMonths', {
        planMin: s.min,
        planMax: s.max,
        min,
        max,
      }),
    );
  }
  out.push(...verdict('R12', r12, 'stay_ok', { planMin: s.min, planMax: s.max }));
  return out;
}

// ---------------------------------------------------------------- R5, R6, R7 — 003 §5(5)–(7)

function checkR5(
  rules: ProgramRules,
  app: ProjectApplication,
  registry: RegistryAgreement | null | undefined,
): CheckResult[] {
  if (!rules.requirements.tuitionWaiver) return [];
  const t = app.outline.tuitionWaiver;
  const problems: CheckResult[] = [];
  if (!t.stipulated || !hasText(t.clause)) {
    problems.push(fail('R5', 'tuition_waiver_not_stipulated', 'outline.tuitionWaiver.clause'));
  }
  // With an agreement of the registry, its version in force must stipulate the waiver itself.
  const v = registry ? versionInForce(registry) : undefined;
  if (v && !v.content.clauses.tuitionWaiver) {
    problems.push(
      fail('R5', 'tuition_waiver_not_in_agreement', 'outline.agreement.registryAgreementId', {
        title: v.content.title,
      }),
    );
  }
  const copy = findAttachment(app, t.copyAttachmentId);
  if (!copy || (copy.kind !== 'tuition-waiver-agreement' && copy.kind !== 'agreement-copy')) {
    problems.push(
      fail('R5', 'tuition_waiver_copy_missing', 'outline.tuitionWaiver.copyAttachmentId'),
    );
  }
  return verdict('R5', problems, 'tuition_waiver_ok');
}

function checkR6(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.commonScreening) return [];
  const s = app.outline.screening;
  const problems: CheckResult[] = [];
  for (const k of ['qualifications', 'standards', 'methods'] as const) {
    if (!hasText(s[k]))
      problems.push(fail('R6', `screening_${k}_missing`, `outline.screening.${k}`));
  }
  if (!s.commonToBothSides) {
    problems.push(fail('R6', 'screening_not_common', 'outline.screening.commonToBothSides'));
  }
  return verdict('R6', problems, 'screening_ok');
}

function checkR7(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.commonRecognition) return [];
  const r = app.outline.recognition;
  const problems: CheckResult[] = [];
  if (!hasText(r.system)) {
    problems.push(fail('R7', 'recognition_system_missing', 'outline.recognition.system'));
  }
  if (!r.commonToAllMembers) {
    problems.push(fail('R7', 'recognition_not_common', 'outline.recognition.commonToAllMembers'));
  }
  return verdict('R7', problems, 'recognition_ok');
}

// ---------------------------------------------------------------- R16 — 003 §7(2)

/** R16: which of items 9 and 13 a member has agreed on, through the agreement or an attached consent. */
export function memberAgreement(
  app: ProjectApplication,
  institutionId: string,
  registry?: RegistryAgreement | null,
): { screening: boolean; recognition: boolean } {
  const a = app.outline.agreement;
  // With an agreement of the registry, who signed and what it stipulates are the registry's: a
  // consortium's signature binds the members of that side, an institution's only itself.
  const inForceVersion = registry ? versionInForce(registry) : undefined;
  const boundByRegistry = (): boolean => {
    if (!registry || !inForceVersion) return false;
    return (['A', 'B'] as const).some((p) => {
      const party = registry.parties[p];
      if (party.type === 'institution') return party.id === institutionId;
      const side = sideOf(app, party);
      return (
        side !== null &&
        app.outline.consortia[side].members.some((m) => m.institutionId === institutionId)
      );
    });
  };
  const signed =
    a.registryAgreementId !== undefined ? boundByRegistry() : a.signatories.includes(institutionId);
  const stipulatesScreening =
    a.registryAgreementId !== undefined
      ? (inForceVersion?.content.clauses.commonScreening ?? false)
      : a.stipulatesScreening;
  const stipulatesRecognition =
    a.registryAgreementId !== undefined
      ? (inForceVersion?.content.clauses.commonRecognition ?? false)
      : a.stipulatesRecognition;
  const consents = app.attachments.filter(
    (x) => x.kind === 'member-consent' && x.institutionId === institutionId,
  );
  const consented = (item: 'screening' | 'recognition') =>
    consents.some((x) => x.consentsTo?.includes(item) ?? false);
  return {
    screening: (signed && stipulatesScreening) || consented('screening'),
    recognition: (signed && stipulatesRecognition) || consented('recognition'),
  };
}

function checkR16(
  rules: ProgramRules,
  app: ProjectApplication,
  registry: RegistryAgreement | null | undefined,
): CheckResult[] {
  if (!rules.requirements.memberConsents) return [];
  const problems: CheckResult[] = [];
  for (const m of allMembers(app)) {
    const agreed = memberAgreement(app, m.institutionId, registry);
    if (agreed.screening && agreed.recognition) continue;
    const code = agreed.screening
      ? 'recognition_consent_missing'
      : agreed.recognition
        ? 'screening_consent_missing'
        : 'consent_missing';
    problems.push(
      fail('R16', code, 'attachments', { institution: name(m), institutionId: m.institutionId }),
    );
  }
  return verdict('R16', problems, 'consents_ok');
}

// ---------------------------------------------------------------- R17 — 003 §7(3)
// 003 §7(3) reads "Regarding 6 (3), the Japanese translation of materials of participating
// universities should be presented"; R17 (docs/rules.md) reads it as: every material of a foreign
// member (its outline texts of §6(4) and its attachments) comes with a translation.

function checkR17(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const lang = rules.requirements.translationLanguage;
  if (lang === null) return [];
  const problems: CheckResult[] = [];
  const foreign = allMembers(app).filter((m) => m.country !== rules.consortium.homeCountry);
  for (const m of foreign) {
    const untranslated =
      (hasText(m.outline) && !m.outline[lang]?.trim()) ||
      (hasText(m.higherEducationNote) && !m.higherEducationNote[lang]?.trim()) ||
      m.departments.some((d) => hasText(d.outline) && !d.outline[lang]?.trim());
    if (untranslated) {
      problems.push(
        fail('R17', 'texts_untranslated', 'outline.consortia.partner.members', {
          institution: name(m),
          institutionId: m.institutionId,
          language: languageText(lang),
        }),
      );
    }
    for (const a of app.attachments.filter(
      (x) => x.institutionId === m.institutionId && x.language !== lang && x.kind !== 'translation',
    )) {
      const translated = app.attachments.some(
        (t) => t.kind === 'translation' && t.translationOf === a.id && t.language === lang,
      );
      if (!translated) {
        problems.push(
          fail('R17', 'attachment_untranslated', 'attachments', {
            attachment: hasText(a.title) ? a.title : { en: a.id },
            attachmentId: a.id,
            institution: name(m),
            institutionId: m.institutionId,
            original: languageText(a.language),
            language: languageText(lang),
          }),
        );
      }
    }
  }
  return verdict('R17', problems, 'translations_ok', { language: languageText(lang) });
}

// ---------------------------------------------------------------- R18 — 003 §8–9

/** R18: judged on the submission instant once submitted, else on `today`. */
function checkR18(rules: ProgramRules, today: string, submittedAt?: string): CheckResult[] {
  const { applicationDeadline, outcomeBy, utcOffset } = rules.call;
  const params = { deadline: applicationDeadline, outcomeBy, utcOffset };
  if (submittedAt !== undefined) {
    return isPastDeadline(rules, submittedAt)
      ? [fail('R18', 'submitted_late', 'submittedAt', { ...params, submittedAt })]
      : [pass('R18', 'submitted_in_time', { ...params, submittedAt })];
  }
  if (isPastDeadline(rules, today)) return [fail('R18', 'deadline_passed', 'programId', params)];
  return [pass('R18', 'call_open', params)];
}

// ---------------------------------------------------------------- R15 — 003 §6: every item present

/** The sections of §6(2)–(5) besides the 13 items; `programs.sections.<key>` names them. */
export const DOSSIER_SECTIONS = [
  'liaisonOffice',
  'implementationFlow',
  'scholarshipFlow',
  'travelOffice',
  'consultations',
  'evaluation',
  'memberOutlines',
  'personsInCharge',
] as const;
type DossierSection = (typeof DOSSIER_SECTIONS)[number];

function checkR15(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const o = app.outline;
  const filled: Record<(typeof OUTLINE_ITEMS)[number]['key'], boolean> = {
    significance:
      hasText(o.significance.significance) &&
      hasText(o.significance.objective) &&
      o.significance.goals.length > 0,
    consortia: o.consortia.home.members.length > 0 && o.consortia.partner.members.length > 0,
    fields: o.fields.some(hasText),
    levels: o.levels.length > 0,
    curriculum:
      o.curriculum.languages.length > 0 &&
      hasText(o.curriculum.lectures) &&
      hasText(o.curriculum.schoolHours) &&
      hasText(o.curriculum.credits) &&
      hasText(o.curriculum.syllabus),
    administration: hasText(o.administration),
    agreement: hasText(o.agreement.title) || o.agreement.registryAgreementId !== undefined,
    implementation: hasText(o.implementation.summary) && o.implementation.exchangeTypes.length > 0,
    screening:
      hasText(o.screening.qualifications) &&
      hasText(o.screening.standards) &&
      hasText(o.screening.methods),
    numbers: o.numbers.length > 0,
    schedule: hasText(o.schedule.recruitment) && hasText(o.schedule.start),
    tuitionWaiver: hasText(o.tuitionWaiver.clause),
    recognition: hasText(o.recognition.system),
  };
  const problems: CheckResult[] = [];
  for (const item of OUTLINE_ITEMS) {
    if (!filled[item.key]) {
      problems.push(fail('R15', 'item_missing', `outline.${item.key}`, { item: item.no }));
    }
  }
  const l = app.liaison;
  const sections: [boolean, string, DossierSection, string][] = [
    [
      hasText(l.office.department) && hasText(l.office.person.name),
      '§6(2)1)',
      'liaisonOffice',
      'liaison.office',
    ],
    [
      l.implementationFlow.length > 0,
      '§6(2)1)',
      'implementationFlow',
      'liaison.implementationFlow',
    ],
    [
      hasText(l.enrolmentConfirmation) && hasText(l.representativeRole) && hasText(l.memberRole),
      '§6(2)2)',
      'scholarshipFlow',
      'liaison.enrolmentConfirmation',
    ],
    [
      hasText(l.travelOffice.department) && hasText(l.travelOffice.person.name),
      '§6(2)3)',
      'travelOffice',
      'liaison.travelOffice',
    ],
    [app.plan.consultations.length > 0, '§6(3)1)', 'consultations', 'plan.consultations'],
    [
      hasText(app.plan.evaluationDuring) && hasText(app.plan.evaluationAfter),
      '§6(3)2)',
      'evaluation',
      'plan.evaluationDuring',
    ],
    [
      allMembers(app).every(
        (m) =>
          hasText(m.outline) &&
          hasText(m.city) &&
          (m.country === rules.consortium.homeCountry || hasText(m.higherEducationNote)),
      ),
      '§6(4)',
      'memberOutlines',
      'outline.consortia',
    ],
    [app.personsInCharge.length > 0, '§6(5)', 'personsInCharge', 'personsInCharge'],
  ];
  for (const [ok, clause, section, field] of sections) {
    if (!ok) problems.push(fail('R15', 'section_missing', field, { clause, section }));
  }
  return verdict('R15', problems, 'dossier_complete');
}

// ---------------------------------------------------------------- entry points

/**
 * Checks an application against its program's rules. Each rule gives one passing result or one
 * result per problem; the application may be submitted when every result is ok.
 */
export function checkApplication(
  rules: ProgramRules,
  app: ProjectApplication,
  context: CheckContext,
): CheckResult[] {
  const results = [
    ...checkR1(rules, app, context.registryMembers),
    ...checkR2(rules, app, context.today, context.agreement),
    ...checkR3(rules, app),
    ...checkNumbers(rules, app),
    ...checkR5(rules, app, context.agreement),
    ...checkR6(rules, app),
    ...checkR7(rules, app),
    ...checkR8(rules, app, context.registryMembers),
    ...checkR15(rules, app),
    ...checkR16(rules, app, context.agreement),
    ...checkR17(rules, app),
    ...checkR18(rules, context.today, context.submittedAt),
  ];
  if (context.submitterUserId !== undefined)
    results.push(checkSubmitter(app, context.submitterUserId));
  return results;
}

/**
 * 003 §11 (and §6: the head of the representative university of Japan's consortium presents the
 * documents): only the responsible person of the representative university may submit the
 * application and correspond with the funder.
 */
export function checkSubmitter(app: ProjectApplication, userId: string | undefined): CheckResult {
  const rp = app.responsiblePerson;
  const rep = app.outline.consortia.home.representativeId;
  if (rp.institutionId !== rep) {
    return fail('§11', 'responsible_not_at_representative', 'responsiblePerson.institutionId', {
      representative: memberName(app, rep),
    });
  }
  if (userId === undefined || rp.userId === undefined || rp.userId !== userId) {
    return fail('§11', 'not_responsible_person', 'responsiblePerson.userId');
  }
  return pass('§11', 'submitter_ok');
}

export interface SubmissionVerdict {
  ok: boolean;
  results: CheckResult[];
  /** the refusals only */
  refusals: CheckResult[];
}

/** Everything a submission must pass: the program's rules, the §11 submitter, the program id and draft status. */
export function checkSubmission(
  rules: ProgramRules,
  app: ProjectApplication,
  context: CheckContext & { submitterUserId: string | undefined },
): SubmissionVerdict {
  const { submitterUserId, ...judged } = context;
  const results = checkApplication(rules, app, judged);
  results.push(checkSubmitter(app, submitterUserId));
  if (app.programId !== rules.id) {
    results.push(fail('R18', 'wrong_program', 'programId'));
  }
  if (app.status !== 'draft') {
    results.push(fail('R18', 'not_draft', 'status', { status: app.status }));
  }
  const refusals = results.filter((r) => !r.ok);
  return { ok: refusals.length === 0, results, refusals };
}

/** A check result as it travels in a 422: the refusal, without `ok`. */
export function asRefusal(check: CheckResult): Refusal {
  return refusal(check.code, check.params, { rule: check.rule, field: check.field });
}

/** R18: the countdown to the program's deadline at `now` (an ISO instant). */
export function deadlineCountdown(rules: ProgramRules, now: string) {
  return {
    closesAt: applicationClosesAt(rules),
    outcomeBy: rules.call.outcomeBy,
    ...countdown(applicationClosesAt(rules), now),
  };
}

// ---------------------------------------------------------------- amounts (R11 × R14)

export interface YearBudget {
  year: number;
  fiscalYear: number | undefined;
  students: number;
  studentMonths: number;
  /** scholarships requested: student-months × the monthly stipend (R11) */
  scholarshipYen: number;
  /** R14: the program's yearly cap, in student-months and in yen */
  capStudentMonths: number;
  capYen: number;
  withinCap: boolean;
}

/**
 * The scholarships implied by item 10 (outbound students only — R9: only students sent from
 * Japan are supported), year by year, against the cap. Every yen amount comes from the program.
 */
export function projectBudget(
  rules: ProgramRules,
  app: ProjectApplication,
): { years: YearBudget[]; totalYen: number; monthlyStipendYen: number } {
  const monthly = rules.stipend.monthlyAmount;
  const years = app.outline.numbers.map((y) => ({
    year: y.year,
    fiscalYear: y.fiscalYear,
    students: y.outbound.students,
    studentMonths: y.outbound.studentMonths,
    scholarshipYen: y.outbound.studentMonths * monthly,
    capStudentMonths: rules.annualCap.studentMonths,
    capYen: rules.annualCap.studentMonths * monthly,
    withinCap: y.outbound.studentMonths <= rules.annualCap.studentMonths,
  }));
  return {
    years,
    totalYen: years.reduce((s, y) => s + y.scholarshipYen, 0),
    monthlyStipendYen: monthly,
  };
}

// ---------------------------------------------------------------- R10 — 003 §3(1): a selected project's support

export interface SupportPeriod {
  /** fiscal year the support started in */
  firstFiscalYear: number;
  /** last fiscal year of support (first + maxYears − 1) */
  lastFiscalYear: number;
  /** last day of support */
  endsOn: string;
  maxYears: number;
  /** completed fiscal years of support by `today` (0 … maxYears) */
  yearsElapsed: number;
  /** the year of support `today` falls in, 1-based; 0 before the start, maxYears + 1 after the end */
  currentYear: number;
  ended: boolean;
}

/** R10 — 003 §3(1): where a project stands in its support period, counted in fiscal years. */
export function supportPeriod(
  rules: ProgramRules,
  supportStart: string,
  today: string,
): SupportPeriod {
  const day = localDate(today, rules.call.utcOffset);
  const first = fiscalYearOf(rules, supportStart);
  const last = first + rules.supportPeriod.maxYears - 1;
  const endsOn = fiscalYearEnd(rules, last);
  const current =
    dayNumber(day) < dayNumber(supportStart) ? 0 : fiscalYearOf(rules, day) - first + 1;
  const currentYear = Math.min(current, rules.supportPeriod.maxYears + 1);
  return {
    firstFiscalYear: first,
    lastFiscalYear: last,
    endsOn,
    maxYears: rules.supportPeriod.maxYears,
    yearsElapsed: Math.max(0, Math.min(currentYear - 1, rules.supportPeriod.maxYears)),
    currentYear,
    ended: dayNumber(day) > dayNumber(endsOn),
  };
}

export type SupportStatus = 'active' | 'suspended' | 'ended';

export interface SupportState {
  status: SupportStatus;
  /** ISO date the support started */
  startedOn: string;
  /** ISO date of the last change */
  since: string;
  reason?: string;
  history: SupportHistoryEntry[];
}

/** Who recorded a change and when (an instant), kept with the change itself. */
export interface Recorded {
  by?: string;
  recordedAt?: string;
}

export interface SupportHistoryEntry extends Recorded {
  status: SupportStatus;
  /** The date the change takes effect (may be dated back within the period). */
  on: string;
  reason?: string;
}

export type SupportEvent = Recorded &
  (
    | { type: 'suspend'; on: string; reason: string }
    | { type: 'reinstate'; on: string; reason?: string }
    | { type: 'end'; on: string; reason?: string }
  );

export type SupportTransition =
  { ok: true; state: SupportState } | { ok: false; refusal: Refusal & { rule: 'R10' } };

/** R10: the state of a project selected on `startedOn`. */
export function startSupport(startedOn: string, recorded: Recorded = {}): SupportState {
  dayNumber(startedOn);
  return {
    status: 'active',
    startedOn,
    since: startedOn,
    history: [{ status: 'active', on: startedOn, ...recorded }],
  };
}

/**
 * R10 — 003 §3(1) note: support may be suspended (with a reason) and reinstated within the
 * support period; it ends at the latest at the end of the period. Returns the next state or why not.
 */
export function transitionSupport(
  rules: ProgramRules,
  state: SupportState,
  event: SupportEvent,
): SupportTransition {
  const refuse = (code: string, params: MessageParams = {}, field?: string): SupportTransition => ({
    ok: false,
    refusal: { ...refusal(`program.${code}`, params, { rule: 'R10', field }), rule: 'R10' },
  });
  if (dayNumber(event.on) < dayNumber(state.since)) {
    return refuse('support_change_before_last', { on: event.on, since: state.since }, 'body.on');
  }
  const period = supportPeriod(rules, state.startedOn, event.on);
  const to = (status: SupportStatus, reason?: string): SupportTransition => {
    const recorded: Recorded = {};
    if (event.by !== undefined) recorded.by = event.by;
    if (event.recordedAt !== undefined) recorded.recordedAt = event.recordedAt;
    const entry: SupportHistoryEntry =
      reason !== undefined
        ? { status, on: event.on, reason, ...recorded }
        : { status, on: event.on, ...recorded };
    const next: SupportState = {
      ...state,
      status,
      since: event.on,
      history: [...state.history, entry],
    };
    if (reason !== undefined) next.reason = reason;
    else delete next.reason;
    return { ok: true, state: next };
  };
  switch (event.type) {
    case 'suspend':
      if (!rules.supportPeriod.maySuspend) return refuse('suspension_not_allowed');
      if (state.status !== 'active') return refuse('support_not_active', { status: state.status });
      if (event.reason.trim() === '')
        return refuse('suspension_reason_required', {}, 'body.reason');
      return to('suspended', event.reason);
    case 'reinstate':
      if (state.status !== 'suspended')
        return refuse('support_not_suspended', { status: state.status });
      if (period.ended) return refuse('support_period_over', { endsOn: period.endsOn }, 'body.on');
      return to('active', event.reason);
    case 'end':
      if (state.status === 'ended') return refuse('support_already_ended');
      return to('ended', event.reason);
  }
}
