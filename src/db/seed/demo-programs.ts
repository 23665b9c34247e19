/**
 * The two demo programs as data (the only place where the numbers of R1–R20 are written).
 * Ids match src/db/seed/demo-world.ts (`mext-pilot-2003`, `mext-iep-2014`).
 */
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { programRulesSchema } from '#src/domain/program/rules.ts';

/**
 * MEXT's Advanced Student Exchange Pilot Project Support Program — source document 003, with its
 * 2003 dates. Every value cites its clause; the few the document does not give are marked
 * ASSUMPTION.
 */
export const PILOT_PROGRAM_2003: ProgramRules = programRulesSchema.parse({
  id: 'mext-pilot-2003',
  version: 1,
  funderId: 'mext.go.jp',
  name: {
    en: 'Advanced Student Exchange Pilot Project Support Program',
    ja: '先導的留学生交流プログラム支援制度',
  },
  source: {
    ja: '先導的留学生交流プログラム支援制度 実施要項（文部科学省）',
    ru: 'Положение о программе поддержки пилотных проектов студенческого обмена (MEXT)',
    en: 'Advanced Student Exchange Pilot Project Support Program: implementation rules (MEXT)',
    fr: 'Règlement du programme de soutien aux projets pilotes d’échange d’étudiants (MEXT)',
  },
  stipend: {
    currency: 'JPY',
    monthlyAmount: 100_000, // 003 §3(2)1)
    // ASSUMPTION: 003 §3(2) is silent on part months; only completed months are paid.
    partialMonth: { kind: 'whole-months' },
  },
  stayMonths: { min: 3, max: 12 }, // 003 §3(2)2): "three months or more and not more than one year"
  supportPeriod: { maxYears: 3, mayChangeWithBudget: true, maySuspend: true }, // 003 §3(1)
  annualCap: { studentMonths: 360, studentsAtFullLength: 30 }, // 003 §4: up to 30 if sent for 12 months
  projectsSupported: 1, // 003 §4: "One project"
  consortium: {
    homeCountry: 'JP',
    minHomeUniversities: 3, // 003 §2(1), §5(1)
    minPartnerUniversities: 3, // 003 §2(1), §5(1)
    partnerCountries: [], // 003 names no country
    representativeRequired: true, // 003 §5(8)
  },
  levels: ['bachelor', 'master', 'doctor'], // 003 §5(3)
  eligibility: {
    dispatchedFromCountry: 'JP', // 003 §2(2)
    excludedResidenceStatuses: ['student'], // 003 §2(2) note: Table 1 of the Immigration Control Act
  },
  travel: {
    ticketsPerStay: 1, // 003 §3(3): "a round-trip economy class air ticket"
    journey: 'round-trip',
    cabinClass: 'economy',
    between: 'nearest-international-airports',
    paidThroughRepresentative: true, // 003 §6(2)3)
  },
  // ASSUMPTION: 003 §5(4) asks for balance without a figure; the officer may set a tolerance.
  balanceTolerance: { students: 0, studentMonths: 0 },
  requirements: {
    signedAgreement: true, // 003 §5(2)
    tuitionWaiver: true, // 003 §5(5)
    commonScreening: true, // 003 §5(6)
    commonRecognition: true, // 003 §5(7)
    memberConsents: true, // 003 §7(2)
    translationLanguage: 'ja', // 003 §7(3)
  },
  dossier: { paperSize: 'A4' }, // 003 §6
  fiscalYearStartMonth: 4, // Japan's fiscal year (R20)
  call: {
    applicationDeadline: '2003-05-30', // 003 §8: "May 30, 2003, Friday"
    outcomeBy: '2003-06-30', // 003 §9: "until the end June 2003"
    utcOffset: '+09:00', // ASSUMPTION: the deadline is read in Tokyo time
  },
  reporting: { due: 'end-of-fiscal-year', annual: true }, // 003 §10(2), §3(1) note
  safetySuspension: true, // 003 §10(1)
  notes: [
    'Part-month scholarship and balance tolerance are not in source document 003: assumptions, editable.',
    'The Japanese name is our rendering; source document 003 gives only the English text.',
  ],
});

/**
 * MEXT's Inter-University Exchange Project, FY2014 call for Russia and India — source document 000,
 * which gives only the program's aim, its start (2011) and the FY2014 countries; every figure below
 * is an ASSUMPTION carried over from the pilot program (003) unless noted.
 */
export const IEP_RUSSIA_INDIA_2014: ProgramRules = programRulesSchema.parse({
  id: 'mext-iep-2014',
  version: 1,
  funderId: 'mext.go.jp',
  name: {
    en: 'Inter-University Exchange Project (FY2014: Russia and India)',
    ja: '大学の世界展開力強化事業（平成26年度：ロシア、インド）',
  },
  source: {
    ja: '東北大学「大学の世界展開力強化事業」（金額は先導的留学生交流プログラム支援制度による想定）',
    ru: 'Университет Тохоку, «Проект межуниверситетского обмена» (суммы приняты по программе пилотных проектов обмена)',
    en: 'Tohoku University, “Inter-University Exchange Project” (amounts assumed from the pilot exchange program)',
    fr: 'Université du Tohoku, « Inter-University Exchange Project » (montants repris du programme pilote d’échange)',
  },
  stipend: { currency: 'JPY', monthlyAmount: 100_000, partialMonth: { kind: 'whole-months' } }, // ASSUMPTION
  stayMonths: { min: 3, max: 12 }, // ASSUMPTION
  supportPeriod: { maxYears: 5, mayChangeWithBudget: true, maySuspend: true }, // ASSUMPTION: five years
  annualCap: { studentMonths: 360, studentsAtFullLength: 30 }, // ASSUMPTION
  projectsSupported: 10, // ASSUMPTION: source document 000 does not say how many projects were adopted
  consortium: {
    homeCountry: 'JP',
    // ASSUMPTION: source document 000 names Tohoku alone on the Japanese side, so one university
    // may apply.
    minHomeUniversities: 1,
    minPartnerUniversities: 1, // ASSUMPTION
    partnerCountries: ['RU', 'IN'], // source document 000: "Russian and Indian universities"
    representativeRequired: true,
  },
  levels: ['bachelor', 'master', 'doctor'], // source document 000: graduate-level joint education among others
  eligibility: { dispatchedFromCountry: 'JP', excludedResidenceStatuses: ['student'] }, // ASSUMPTION
  travel: {
    ticketsPerStay: 1,
    journey: 'round-trip',
    cabinClass: 'economy',
    between: 'nearest-international-airports',
    paidThroughRepresentative: true,
  }, // ASSUMPTION
  // source document 000: "the strategic acceptance of foreign students" — exchanges both ways;
  // ASSUMPTION: tolerance.
  balanceTolerance: { students: 2, studentMonths: 24 },
  requirements: {
    signedAgreement: true,
    tuitionWaiver: true,
    commonScreening: true,
    // source document 000: "mechanisms for the mutual recognition of credits"
    commonRecognition: true,
    memberConsents: true,
    translationLanguage: 'ja',
  }, // ASSUMPTION except recognition
  dossier: { paperSize: 'A4' },
  fiscalYearStartMonth: 4, // Japan's fiscal year
  call: {
    applicationDeadline: '2014-05-23', // ASSUMPTION: not in the source documents
    outcomeBy: '2014-08-29', // ASSUMPTION: not in the source documents
    utcOffset: '+09:00',
  },
  reporting: { due: 'end-of-fiscal-year', annual: true }, // ASSUMPTION
  safetySuspension: true,
  notes: [
    'Source document 000 gives the program’s aim, its launch in 2011 and the FY2014 focus on Russia and India.',
    'All figures and both call dates are assumptions carried over from source document 003 or invented; edit them.',
  ],
});

export const DEMO_PROGRAM_RULES: readonly ProgramRules[] = [
  PILOT_PROGRAM_2003,
  IEP_RUSSIA_INDIA_2014,
];
