/**
 * Checks of a project application against its program's rules, with reasons (R1–R18), the 003 §11
 * submitter rule, the budget the numbers imply (R11 × R14), and the support period of a selected
 * project (R10). Pure: `today`/`now` are passed in.
 *
 * Every result names its rule, carries a stable `code` (for the UI to translate, with
 * `params`), an English `message`, and for a refusal a `fix` and the `field` to fix.
 */
import type { Attachment, Member, ProjectApplication } from './application.ts';
import { allMembers, OUTLINE_ITEMS } from './application.ts';
import {
  applicationClosesAt,
  countdown,
  dayNumber,
  fiscalYearEnd,
  fiscalYearOf,
  isPastDeadline,
  localDate,
} from './calendar.ts';
import type { LocalizedText, ProgramRules } from './rules.ts';

export type RuleId =
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'R5'
  | 'R6'
  | 'R7'
  | 'R8'
  | 'R10'
  | 'R12'
  | 'R14'
  | 'R15'
  | 'R16'
  | 'R17'
  | 'R18'
  /** 003 §11: only the responsible person of the representative university submits */
  | '§11';

export interface CheckResult {
  rule: RuleId;
  ok: boolean;
  /** stable, e.g. `R1.home-too-few`; the UI translates it with `params` */
  code: string;
  message: string;
  /** what to do, for a refusal */
  fix?: string;
  /** dotted path of the field to fix, e.g. `outline.consortia.home.members` */
  field?: string;
  params?: Record<string, string | number>;
}

export interface CheckContext {
  /** today, as an ISO date (read in the funder's time zone) or an ISO instant */
  today: string;
  /** the account trying to submit; when given, the §11 check is included */
  submitterUserId?: string;
}

/** Whether a localized text has content in any language. */
export function hasText(t: LocalizedText | undefined): boolean {
  return t !== undefined && Object.values(t).some((v) => typeof v === 'string' && v.trim() !== '');
}

const pass = (
  rule: RuleId,
  code: string,
  message: string,
  params?: CheckResult['params'],
): CheckResult =>
  params ? { rule, ok: true, code, message, params } : { rule, ok: true, code, message };

const fail = (
  rule: RuleId,
  code: string,
  message: string,
  fix: string,
  field: string,
  params?: CheckResult['params'],
): CheckResult =>
  params
    ? { rule, ok: false, code, message, fix, field, params }
    : { rule, ok: false, code, message, fix, field };

/** One passing result when there are no problems, else the problems. */
function verdict(
  rule: RuleId,
  problems: CheckResult[],
  okCode: string,
  okMessage: string,
): CheckResult[] {
  return problems.length > 0 ? problems : [pass(rule, okCode, okMessage)];
}

function name(m: Member): string {
  return m.name.en ?? m.name.ja ?? m.name.ru ?? m.institutionId;
}

// ---------------------------------------------------------------- R1 — 003 §2(1), §5(1)

function checkR1(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const { home, partner } = app.outline.consortia;
  const c = rules.consortium;
  const problems: CheckResult[] = [];
  const homeUnis = home.members.filter(
    (m) => m.kind === 'university' && m.country === c.homeCountry,
  );
  const strangers = home.members.filter((m) => m.country !== c.homeCountry);
  for (const m of strangers) {
    problems.push(
      fail(
        'R1',
        'R1.home-member-abroad',
        `${name(m)} (${m.country}) is in the home consortium, which may only hold institutions in ${c.homeCountry}.`,
        `Move ${name(m)} to the partner consortium (item 2).`,
        'outline.consortia.home.members',
        { institution: m.institutionId, country: m.country, homeCountry: c.homeCountry },
      ),
    );
  }
  if (homeUnis.length < c.minHomeUniversities) {
    const missing = c.minHomeUniversities - homeUnis.length;
    problems.push(
      fail(
        'R1',
        'R1.home-too-few',
        `The home consortium has ${homeUnis.length} universit${homeUnis.length === 1 ? 'y' : 'ies'} in ${c.homeCountry}; the program requires at least ${c.minHomeUniversities}.`,
        `Add ${missing} more universit${missing === 1 ? 'y' : 'ies'} in ${c.homeCountry} to the home consortium (item 2).`,
        'outline.consortia.home.members',
        { count: homeUnis.length, min: c.minHomeUniversities, country: c.homeCountry },
      ),
    );
  }
  const allowed = (country: string) =>
    country !== c.homeCountry &&
    (c.partnerCountries.length === 0 || c.partnerCountries.includes(country));
  for (const m of partner.members.filter((m) => !allowed(m.country))) {
    const where =
      c.partnerCountries.length > 0
        ? c.partnerCountries.join(', ')
        : `a country other than ${c.homeCountry}`;
    problems.push(
      fail(
        'R1',
        'R1.partner-country',
        `${name(m)} (${m.country}) cannot be in the partner consortium: this program's partners are in ${where}.`,
        `Remove ${name(m)} from the partner consortium, or move it to the home consortium (item 2).`,
        'outline.consortia.partner.members',
        { institution: m.institutionId, country: m.country, allowed: where },
      ),
    );
  }
  const partnerUnis = partner.members.filter((m) => m.kind === 'university' && allowed(m.country));
  if (partnerUnis.length < c.minPartnerUniversities) {
    const missing = c.minPartnerUniversities - partnerUnis.length;
    problems.push(
      fail(
        'R1',
        'R1.partner-too-few',
        `The partner consortium has ${partnerUnis.length} foreign universit${partnerUnis.length === 1 ? 'y' : 'ies'}; the program requires at least ${c.minPartnerUniversities}.`,
        `Add ${missing} more foreign universit${missing === 1 ? 'y' : 'ies'} to the partner consortium (item 2); academies of sciences do not count.`,
        'outline.consortia.partner.members',
        { count: partnerUnis.length, min: c.minPartnerUniversities },
      ),
    );
  }
  return verdict(
    'R1',
    problems,
    'R1.ok',
    `${homeUnis.length} home and ${partnerUnis.length} partner universities (at least ${c.minHomeUniversities} and ${c.minPartnerUniversities} required).`,
  );
}

// ---------------------------------------------------------------- R8 — 003 §5(8), §6(2)

function checkR8(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.consortium.representativeRequired) return [];
  const problems: CheckResult[] = [];
  for (const side of ['home', 'partner'] as const) {
    const c = app.outline.consortia[side];
    if (!c.members.some((m) => m.institutionId === c.representativeId)) {
      problems.push(
        fail(
          'R8',
          'R8.representative-missing',
          `The ${side} consortium has no representative university among its members.`,
          `Designate one member of the ${side} consortium as its representative university (item 2).`,
          `outline.consortia.${side}.representativeId`,
          { side },
        ),
      );
    }
  }
  const rep = app.outline.consortia.home.representativeId;
  if (rules.travel.paidThroughRepresentative && app.liaison.travelOffice.institutionId !== rep) {
    problems.push(
      fail(
        'R8',
        'R8.travel-office-not-representative',
        'Travel expenses are paid through the representative university, but the travel liaison office is elsewhere.',
        'Name a department and person of the representative university as the travel liaison office (§6(2)3)).',
        'liaison.travelOffice.institutionId',
      ),
    );
  }
  return verdict('R8', problems, 'R8.ok', 'Both consortia designate a representative university.');
}

// ---------------------------------------------------------------- R2 — 003 §5(2)

function findAttachment(app: ProjectApplication, id: string | undefined): Attachment | undefined {
  return id === undefined ? undefined : app.attachments.find((a) => a.id === id);
}

function checkR2(rules: ProgramRules, app: ProjectApplication, today: string): CheckResult[] {
  if (!rules.requirements.signedAgreement) return [];
  const a = app.outline.agreement;
  const problems: CheckResult[] = [];
  const day = localDate(today, rules.call.utcOffset);
  if (a.signedOn === undefined || dayNumber(a.signedOn) > dayNumber(day)) {
    problems.push(
      fail(
        'R2',
        'R2.not-signed',
        'The exchange agreement between the consortia is not signed yet.',
        'Sign the agreement between the consortia and enter its date of signature (item 7).',
        'outline.agreement.signedOn',
      ),
    );
  }
  const { home, partner } = app.outline.consortia;
  for (const rep of [home.representativeId, partner.representativeId]) {
    if (rep !== '' && !a.signatories.includes(rep)) {
      problems.push(
        fail(
          'R2',
          'R2.representative-not-signatory',
          `The representative university ${rep} is not among the signatories of the agreement.`,
          `Add ${rep} to the signatories of the agreement (item 7).`,
          'outline.agreement.signatories',
          { institution: rep },
        ),
      );
    }
  }
  const copy = findAttachment(app, a.copyAttachmentId);
  if (!copy || copy.kind !== 'agreement-copy') {
    problems.push(
      fail(
        'R2',
        'R2.copy-missing',
        'No copy of the agreement is attached.',
        'Attach a copy of the signed agreement (item 7).',
        'outline.agreement.copyAttachmentId',
      ),
    );
  }
  return verdict(
    'R2',
    problems,
    'R2.ok',
    `The agreement was signed on ${a.signedOn ?? ''} and a copy is attached.`,
  );
}

// ---------------------------------------------------------------- R3 — 003 §5(3)

function checkR3(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  const problems: CheckResult[] = [];
  const allowed = rules.levels.join(', ');
  if (app.outline.levels.length === 0) {
    problems.push(
      fail(
        'R3',
        'R3.no-level',
        'No targeted level of study is given.',
        `Choose the targeted students among ${allowed} (item 4).`,
        'outline.levels',
        { allowed },
      ),
    );
  }
  const levels = new Set([
    ...app.outline.levels,
    ...app.outline.implementation.exchangeTypes.flatMap((t) => t.levels),
  ]);
  for (const level of levels) {
    if (!rules.levels.includes(level)) {
      problems.push(
        fail(
          'R3',
          'R3.level-not-targeted',
          `The program does not support ${level} students (it targets ${allowed}).`,
          `Remove ${level} from the targeted students (items 4 and 8).`,
          'outline.levels',
          { level, allowed },
        ),
      );
    }
  }
  return verdict('R3', problems, 'R3.ok', `Targeted students: ${app.outline.levels.join(', ')}.`);
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
        fail(
          'R4',
          'R4.unbalanced',
          `Year ${y.year}: ${y.outbound.students} students / ${y.outbound.studentMonths} months sent against ${y.inbound.students} / ${y.inbound.studentMonths} received; the program allows a gap of ${tol.students} students and ${tol.studentMonths} months.`,
          `Balance the numbers of students and months of year ${y.year} between the consortia (item 10).`,
          field,
          {
            year: y.year,
            gapStudents: ds,
            gapMonths: dm,
            tolStudents: tol.students,
            tolMonths: tol.studentMonths,
          },
        ),
      );
    }
    if (y.outbound.studentMonths > rules.annualCap.studentMonths) {
      r14.push(
        fail(
          'R14',
          'R14.over-cap',
          `Year ${y.year}: ${y.outbound.studentMonths} student-months sent; the program supports at most ${rules.annualCap.studentMonths} a year (${rules.annualCap.studentsAtFullLength} students at ${max} months).`,
          `Reduce the students or months sent in year ${y.year} (item 10).`,
          field,
          { year: y.year, months: y.outbound.studentMonths, cap: rules.annualCap.studentMonths },
        ),
      );
    }
    for (const dir of ['outbound', 'inbound'] as const) {
      const n = y[dir];
      if (n.students * min > n.studentMonths || n.studentMonths > n.students * max) {
        r14.push(
          fail(
            'R14',
            'R14.months-inconsistent',
            `Year ${y.year} (${dir}): ${n.studentMonths} months for ${n.students} students is outside ${min}–${max} months per student.`,
            `Correct the students or months of year ${y.year} (item 10).`,
            `${field}.${dir}`,
            { year: y.year, direction: dir, min, max },
          ),
        );
      }
    }
  }
  out.push(
    ...verdict('R4', r4, 'R4.ok', 'Students and months are balanced between the consortia.'),
  );
  out.push(
    ...verdict(
      'R14',
      r14,
      'R14.ok',
      `Every year is within ${rules.annualCap.studentMonths} student-months.`,
    ),
  );
  const s = app.outline.schedule.stayMonths;
  const r12: CheckResult[] = [];
  if (s.min < min || s.max > max || s.min > s.max) {
    r12.push(
      fail(
        'R12',
        'R12.stay-out-of-range',
        `Stays of ${s.min}–${s.max} months are planned; the program supports ${min} to ${max} months.`,
        `Plan stays between ${min} and ${max} months (item 11).`,
        'outline.schedule.stayMonths',
        { planMin: s.min, planMax: s.max, min, max },
      ),
    );
  }
  out.push(...verdict('R12', r12, 'R12.ok', `Stays of ${s.min}–${s.max} months.`));
  return out;
}

// ---------------------------------------------------------------- R5, R6, R7 — 003 §5(5)–(7)

function checkR5(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.tuitionWaiver) return [];
  const t = app.outline.tuitionWaiver;
  const problems: CheckResult[] = [];
  if (!t.stipulated || !hasText(t.clause)) {
    problems.push(
      fail(
        'R5',
        'R5.not-stipulated',
        'The agreement does not say that students paying tuition at home pay none at the host.',
        'Stipulate the tuition waiver in the agreement between the consortia and give the clause (item 12).',
        'outline.tuitionWaiver.clause',
      ),
    );
  }
  const copy = findAttachment(app, t.copyAttachmentId);
  if (!copy || (copy.kind !== 'tuition-waiver-agreement' && copy.kind !== 'agreement-copy')) {
    problems.push(
      fail(
        'R5',
        'R5.copy-missing',
        'No copy of the agreement on tuition is attached.',
        'Attach the agreement that waives additional tuition at the host (item 12).',
        'outline.tuitionWaiver.copyAttachmentId',
      ),
    );
  }
  return verdict('R5', problems, 'R5.ok', 'No additional tuition is paid to the host.');
}

function checkR6(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.commonScreening) return [];
  const s = app.outline.screening;
  const problems: CheckResult[] = [];
  const missing = (['qualifications', 'standards', 'methods'] as const).filter(
    (k) => !hasText(s[k]),
  );
  if (missing.length > 0) {
    problems.push(
      fail(
        'R6',
        'R6.incomplete',
        `The screening is not described: ${missing.join(', ')} missing.`,
        `Describe the ${missing.join(', ')} of screening (item 9).`,
        `outline.screening.${missing[0] ?? 'qualifications'}`,
        { missing: missing.join(',') },
      ),
    );
  }
  if (!s.commonToBothSides) {
    problems.push(
      fail(
        'R6',
        'R6.not-common',
        'Qualifications, standards and methods of screening are not common to both consortia.',
        'Agree one set of qualifications, screening standards and methods for both consortia (item 9).',
        'outline.screening.commonToBothSides',
      ),
    );
  }
  return verdict('R6', problems, 'R6.ok', 'Screening is common to both consortia.');
}

function checkR7(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.commonRecognition) return [];
  const r = app.outline.recognition;
  const problems: CheckResult[] = [];
  if (!hasText(r.system)) {
    problems.push(
      fail(
        'R7',
        'R7.no-system',
        'The credit recognition system is not described.',
        'Describe how credits earned at the host are recognised at home (item 13).',
        'outline.recognition.system',
      ),
    );
  }
  if (!r.commonToAllMembers) {
    problems.push(
      fail(
        'R7',
        'R7.not-common',
        'The recognition system is not common to all participating universities.',
        'Establish one recognition system common to all members (item 13).',
        'outline.recognition.commonToAllMembers',
      ),
    );
  }
  return verdict('R7', problems, 'R7.ok', 'One recognition system is common to all members.');
}

// ---------------------------------------------------------------- R16 — 003 §7(2)

/** R16: which of items 9 and 13 a member has agreed on, through the agreement or an attached consent. */
export function memberAgreement(
  app: ProjectApplication,
  institutionId: string,
): { screening: boolean; recognition: boolean } {
  const a = app.outline.agreement;
  const signed = a.signatories.includes(institutionId);
  const consents = app.attachments.filter(
    (x) => x.kind === 'member-consent' && x.institutionId === institutionId,
  );
  const consented = (item: 'screening' | 'recognition') =>
    consents.some((x) => x.consentsTo?.includes(item) ?? false);
  return {
    screening: (signed && a.stipulatesScreening) || consented('screening'),
    recognition: (signed && a.stipulatesRecognition) || consented('recognition'),
  };
}

function checkR16(rules: ProgramRules, app: ProjectApplication): CheckResult[] {
  if (!rules.requirements.memberConsents) return [];
  const problems: CheckResult[] = [];
  for (const m of allMembers(app)) {
    const agreed = memberAgreement(app, m.institutionId);
    const missing = [
      ...(agreed.screening ? [] : ['screening (item 9)']),
      ...(agreed.recognition ? [] : ['recognition (item 13)']),
    ];
    if (missing.length > 0) {
      problems.push(
        fail(
          'R16',
          'R16.consent-missing',
          `${name(m)} has not agreed on ${missing.join(' and ')}.`,
          `Have ${name(m)} sign an agreement that stipulates it, or attach its signed consent.`,
          'attachments',
          { institution: m.institutionId, missing: missing.join(',') },
        ),
      );
    }
  }
  return verdict(
    'R16',
    problems,
    'R16.ok',
    'Every member has agreed on screening and recognition.',
  );
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
    const untranslated = [
      ...(hasText(m.outline) && !m.outline[lang]?.trim() ? ['outline'] : []),
      ...(hasText(m.higherEducationNote) && !m.higherEducationNote[lang]?.trim()
        ? ['higher education note']
        : []),
      ...m.departments
        .filter((d) => hasText(d.outline) && !d.outline[lang]?.trim())
        .map(() => 'department outline'),
    ];
    if (untranslated.length > 0) {
      problems.push(
        fail(
          'R17',
          'R17.text-untranslated',
          `${name(m)}: ${[...new Set(untranslated)].join(', ')} without a translation into ${lang}.`,
          `Add the ${lang} translation of ${name(m)}'s texts (§6(4)).`,
          `outline.consortia.partner.members`,
          { institution: m.institutionId, lang },
        ),
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
          fail(
            'R17',
            'R17.attachment-untranslated',
            `The attachment "${a.title.en ?? a.id}" of ${name(m)} (in ${a.language}) has no translation into ${lang}.`,
            `Attach a ${lang} translation of "${a.title.en ?? a.id}".`,
            'attachments',
            { attachment: a.id, institution: m.institutionId, lang },
          ),
        );
      }
    }
  }
  return verdict(
    'R17',
    problems,
    'R17.ok',
    `Foreign members' materials come with a translation into ${lang}.`,
  );
}

// ---------------------------------------------------------------- R18 — 003 §8–9

function checkR18(rules: ProgramRules, today: string): CheckResult[] {
  const { applicationDeadline, outcomeBy, utcOffset } = rules.call;
  const params = { deadline: applicationDeadline, outcomeBy, utcOffset };
  if (isPastDeadline(rules, today)) {
    return [
      fail(
        'R18',
        'R18.deadline-passed',
        `The deadline for applications was ${applicationDeadline} (UTC${utcOffset}); nothing can be submitted after it.`,
        'No fix: the call is closed. Apply to a later call of the program.',
        'programId',
        params,
      ),
    ];
  }
  return [
    pass(
      'R18',
      'R18.open',
      `Open until the end of ${applicationDeadline} (UTC${utcOffset}); the outcome is notified by ${outcomeBy}.`,
      params,
    ),
  ];
}

// ---------------------------------------------------------------- R15 — 003 §6: every item present

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
    agreement: hasText(o.agreement.title),
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
      problems.push(
        fail(
          'R15',
          'R15.item-missing',
          `Item ${item.no} of §6(1) (${item.title}) is incomplete.`,
          `Fill in item ${item.no}: ${item.title}.`,
          `outline.${item.key}`,
          { item: item.no },
        ),
      );
    }
  }
  const l = app.liaison;
  const sections: [boolean, string, string, string][] = [
    [
      hasText(l.office.department) && hasText(l.office.person.name),
      '§6(2)1)',
      'the liaison office (department and person)',
      'liaison.office',
    ],
    [
      l.implementationFlow.length > 0,
      '§6(2)1)',
      'the flow of implementation',
      'liaison.implementationFlow',
    ],
    [
      hasText(l.enrolmentConfirmation) && hasText(l.representativeRole) && hasText(l.memberRole),
      '§6(2)2)',
      'the scholarship flow (enrolment confirmation and roles)',
      'liaison.enrolmentConfirmation',
    ],
    [
      hasText(l.travelOffice.department) && hasText(l.travelOffice.person.name),
      '§6(2)3)',
      'the travel liaison office',
      'liaison.travelOffice',
    ],
    [
      app.plan.consultations.length > 0,
      '§6(3)1)',
      'the schedule of consultations',
      'plan.consultations',
    ],
    [
      hasText(app.plan.evaluationDuring) && hasText(app.plan.evaluationAfter),
      '§6(3)2)',
      'the inspection and evaluation plans',
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
      'the outlines of member universities (with city and, abroad, the note on higher education)',
      'outline.consortia',
    ],
    [app.personsInCharge.length > 0, '§6(5)', 'the persons in charge', 'personsInCharge'],
  ];
  for (const [ok, clause, what, field] of sections) {
    if (!ok) {
      problems.push(
        fail(
          'R15',
          'R15.section-missing',
          `${clause}: ${what} is incomplete.`,
          `Fill in ${what} (${clause}).`,
          field,
          { clause },
        ),
      );
    }
  }
  return verdict('R15', problems, 'R15.ok', 'Every item of §6 is filled in.');
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
    ...checkR1(rules, app),
    ...checkR2(rules, app, context.today),
    ...checkR3(rules, app),
    ...checkNumbers(rules, app),
    ...checkR5(rules, app),
    ...checkR6(rules, app),
    ...checkR7(rules, app),
    ...checkR8(rules, app),
    ...checkR15(rules, app),
    ...checkR16(rules, app),
    ...checkR17(rules, app),
    ...checkR18(rules, context.today),
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
    return fail(
      '§11',
      '§11.responsible-not-at-representative',
      'The responsible person is not at the representative university of the home consortium.',
      'Name a responsible person of the representative university.',
      'responsiblePerson.institutionId',
      { representative: rep },
    );
  }
  if (userId === undefined || rp.userId === undefined || rp.userId !== userId) {
    return fail(
      '§11',
      '§11.not-responsible-person',
      'Only the person at the representative university responsible for the application may submit it and correspond with the funder.',
      'Ask the responsible person of the representative university to submit.',
      'responsiblePerson.userId',
    );
  }
  return pass(
    '§11',
    '§11.ok',
    'Submitted by the responsible person of the representative university.',
  );
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
  const results = checkApplication(rules, app, { today: context.today });
  results.push(checkSubmitter(app, context.submitterUserId));
  if (app.programId !== rules.id) {
    results.push(
      fail(
        'R18',
        'R18.wrong-program',
        `The application is for ${app.programId}, not ${rules.id}.`,
        'Submit it to its own program.',
        'programId',
      ),
    );
  }
  if (app.status !== 'draft') {
    results.push(
      fail(
        'R18',
        'R18.not-draft',
        `The application is ${app.status}; only a draft can be submitted.`,
        'Nothing to do: it was already submitted.',
        'status',
        {
          status: app.status,
        },
      ),
    );
  }
  const refusals = results.filter((r) => !r.ok);
  return { ok: refusals.length === 0, results, refusals };
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
  history: { status: SupportStatus; on: string; reason?: string }[];
}

export type SupportEvent =
  | { type: 'suspend'; on: string; reason: string }
  | { type: 'reinstate'; on: string; reason?: string }
  | { type: 'end'; on: string; reason?: string };

export type SupportTransition =
  { ok: true; state: SupportState } | { ok: false; rule: 'R10'; code: string; message: string };

/** R10: the state of a project selected on `startedOn`. */
export function startSupport(startedOn: string): SupportState {
  dayNumber(startedOn);
  return {
    status: 'active',
    startedOn,
    since: startedOn,
    history: [{ status: 'active', on: startedOn }],
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
  const refuse = (code: string, message: string): SupportTransition => ({
    ok: false,
    rule: 'R10',
    code,
    message,
  });
  if (dayNumber(event.on) < dayNumber(state.since)) {
    return refuse(
      'R10.before-last-change',
      `The ${event.type} on ${event.on} is before the last change (${state.since}).`,
    );
  }
  const period = supportPeriod(rules, state.startedOn, event.on);
  const to = (status: SupportStatus, reason?: string): SupportTransition => {
    const entry =
      reason !== undefined ? { status, on: event.on, reason } : { status, on: event.on };
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
      if (!rules.supportPeriod.maySuspend)
        return refuse(
          'R10.suspension-not-allowed',
          'This program does not provide for suspension.',
        );
      if (state.status !== 'active')
        return refuse(
          'R10.not-active',
          `Only active support can be suspended; it is ${state.status}.`,
        );
      if (event.reason.trim() === '')
        return refuse('R10.reason-required', 'A suspension needs a reason.');
      return to('suspended', event.reason);
    case 'reinstate':
      if (state.status !== 'suspended')
        return refuse(
          'R10.not-suspended',
          `Only suspended support can be reinstated; it is ${state.status}.`,
        );
      if (period.ended)
        return refuse(
          'R10.period-over',
          `The support period ended on ${period.endsOn}; it cannot be reinstated.`,
        );
      return to('active', event.reason);
    case 'end':
      if (state.status === 'ended')
        return refuse('R10.already-ended', 'The support has already ended.');
      return to('ended', event.reason);
  }
}
