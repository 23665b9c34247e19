/**
 * Demo calls under the MEXT program (003 §8–9) and Tohoku's Japan–Russia agreement (source document
 * 000), student profiles, invented applicants with reviews on the common rubric (R6; the agreement
 * stipulates common screening, so the R16 consent is present), and the panel of reviewers. Every
 * person here is invented and marked so.
 */
import type { StoredRubric } from '#src/domain/calls/call-content.ts';
import type { CallHost } from '#src/domain/eligibility/index.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { demoAgreementId, type DemoAgreementIds } from './demo-agreement-ids.ts';
import {
  callApplications,
  calls,
  reviews,
  roleAssignments,
  studentProfiles,
  users,
} from '../schema.ts';
import { DEFAULT_GRADE_SCALES } from '#src/domain/screening/grade-scales.ts';

const DOMAIN = 'demo.kakehashi.example';

/** Places per host and level; the Russian side teaches in Russian or English. */
const HOSTS = [
  { institutionId: 'msu.ru', places: { bachelor: 2, master: 1, doctor: 1 } },
  { institutionId: 'nsu.ru', places: { bachelor: 1, master: 2, doctor: 1 } },
  { institutionId: 'dvfu.ru', places: { bachelor: 2, master: 1, doctor: 0 } },
].map((h): CallHost => ({
  institutionId: h.institutionId,
  consortiumId: 'tohoku-jr-russia',
  places: (['bachelor', 'master', 'doctor'] as const).map((level) => ({
    level,
    count: h.places[level],
  })),
  languageRequirements: [
    { language: 'ru', minLevel: 'B1' },
    { language: 'en', minLevel: 'B2' },
  ],
}));

const DOCUMENTS = [
  { kind: 'transcript', required: true },
  { kind: 'language_certificate', required: true },
  { kind: 'motivation_letter', required: false },
];

/** The common rubric's criteria, named in the four languages of both consortia's readers. */
const CRITERION_LABELS = {
  motivation: {
    ja: '志望動機・学修計画',
    ru: 'Мотивация и учебный план',
    en: 'Motivation and study plan',
    fr: 'Motivation et projet d’études',
  },
  language: {
    ja: '語学力',
    ru: 'Языковая подготовка',
    en: 'Language readiness',
    fr: 'Niveau de langue',
  },
  grade: {
    ja: '学業成績（換算後）',
    ru: 'Успеваемость (приведённая оценка)',
    en: 'Academic record (normalised grade)',
    fr: 'Dossier académique (note normalisée)',
  },
};

function rubric(
  agreementId: string,
  panel: { userId: string; institutionIds: string[] }[],
): StoredRubric {
  return {
    id: 'tohoku-jr-common-rubric',
    agreementId,
    consortia: ['tohoku-jr-japan', 'tohoku-jr-russia'],
    scoreScale: { min: 0, max: 10 },
    criteria: [
      { id: 'motivation', label: CRITERION_LABELS.motivation, weight: 2, source: 'reviewer' },
      { id: 'language', label: CRITERION_LABELS.language, weight: 1, source: 'reviewer' },
      { id: 'grade', label: CRITERION_LABELS.grade, weight: 2, source: 'grade' },
    ],
    gradeScales: DEFAULT_GRADE_SCALES.map((s) => ({ ...s, anchors: s.anchors.map((a) => [...a]) })),
    minReviewers: 2,
    passMark: 50,
    panel,
  };
}

/** Invented applicants of the 2015 call, all at Tohoku; two tie on the score (ties explained). */
const APPLICANTS_2015 = [
  {
    key: 'applicant1',
    name: 'Haruto Aoyama (invented)',
    level: 'bachelor',
    grade: 3.5,
    ranking: ['msu.ru', 'nsu.ru', 'dvfu.ru'],
    months: 10,
    submittedAt: '2015-02-02T10:00:00+09:00',
    scores: [
      { motivation: 8, language: 7 },
      { motivation: 9, language: 7 },
    ],
  },
  {
    key: 'applicant2',
    name: 'Yui Sasaki (invented)',
    level: 'master',
    grade: 3.2,
    ranking: ['nsu.ru', 'msu.ru'],
    months: 6,
    submittedAt: '2015-02-05T15:30:00+09:00',
    scores: [
      { motivation: 7, language: 8 },
      { motivation: 7, language: 8 },
    ],
  },
  {
    key: 'applicant3',
    name: 'Sota Kimura (invented)',
    level: 'master',
    grade: 3.2,
    ranking: ['dvfu.ru', 'nsu.ru'],
    months: 12,
    submittedAt: '2015-02-09T09:15:00+09:00',
    scores: [
      { motivation: 7, language: 8 },
      { motivation: 7, language: 8 },
    ],
  },
  {
    key: 'applicant4',
    name: 'Mei Tanaka (invented)',
    level: 'bachelor',
    grade: 2.4,
    ranking: ['dvfu.ru', 'msu.ru', 'nsu.ru'],
    months: 5,
    submittedAt: '2015-02-20T17:45:00+09:00',
    scores: [{ motivation: 6, language: 6 }],
  },
];

export async function seedCalls(
  tx: Db,
  userIds: Map<string, string>,
  agreementIds: DemoAgreementIds,
): Promise<void> {
  const id = (email: string) => {
    const v = userIds.get(email);
    if (!v) throw new Error(`demo user ${email} is missing`);
    return v;
  };
  // Each call runs under the agreement in force for its stays (R2): 2015 under the first one,
  // the open call under its renewal.
  const first = demoAgreementId(agreementIds, 'tohoku-jr');
  const renewal = demoAgreementId(agreementIds, 'tohoku-jr-renewal');
  const [admin] = await tx
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, `admin@${DOMAIN}`));
  if (!admin) throw new Error('the demo admin is missing');

  const newStudent = async (email: string, displayName: string) => {
    const [row] = await tx
      .insert(users)
      .values({ email, displayName, passwordHash: admin.hash, invented: true })
      .returning({ id: users.id });
    if (!row) throw new Error(`could not create ${email}`);
    await tx
      .insert(roleAssignments)
      .values({ userId: row.id, role: 'student', scopeType: 'self', scopeId: row.id });
    return row.id;
  };

  const reviewer = id(`reviewer@${DOMAIN}`);
  const nsu = id(`coordinator.nsu@${DOMAIN}`);
  // The panel: the demo reviewer is an (invented) member of Moscow State University's faculty,
  // so R6 lets them score Tohoku's applicants; coordinators carry their institution role.
  const panel = [{ userId: reviewer, institutionIds: ['msu.ru'] }];
  // The open call asks two reviews per applicant (minReviewers): a second invented reviewer of the
  // other side, of Far Eastern Federal University's faculty, sits on its panel so that its
  // screening can be completed by reviewers alone.
  const [second] = await tx
    .insert(users)
    .values({
      email: `reviewer2@${DOMAIN}`,
      displayName: 'Dmitri Reviewerov (invented)',
      names: { latin: 'Dmitri Reviewerov', cyrillic: 'Дмитрий Рецензентов' },
      language: 'ru',
      passwordHash: admin.hash,
      invented: true,
    })
    .returning({ id: users.id });
  if (!second) throw new Error('could not create the second demo reviewer');
  const openPanel = [...panel, { userId: second.id, institutionIds: ['dvfu.ru'] }];

  const common = {
    programId: 'mext-iep-2014',
    agreementId: first,
    sendingConsortiumIds: ['tohoku-jr-japan'],
    hosts: HOSTS,
    stayMonthsMin: 3,
    stayMonthsMax: 12,
    maxRankedHosts: 3,
    documents: DOCUMENTS,
    rubric: rubric(first, panel),
    status: 'published',
    createdBy: id(`rep.tohoku@${DOMAIN}`),
  };
  await tx.insert(calls).values([
    {
      ...common,
      id: 'tohoku-jr-2015',
      title: {
        en: 'Japan–Russia innovative leaders: exchange call 2015–16',
        ja: '日露新時代を拓く人材育成：2015年度派遣学生募集',
        ru: 'Лидеры новых японско-российских отношений: конкурс обмена 2015–16',
        fr: 'Leaders innovants Japon–Russie : appel à mobilité 2015-2016',
      },
      description: {
        en: 'Tohoku University students apply for a semester or a year at Moscow, Novosibirsk or Vladivostok. Dates are illustrative.',
        ja: '東北大学の学生がモスクワ・ノヴォシビルスク・ウラジオストクへ半年または1年間留学します。日程は例示です。',
        ru: 'Студенты Университета Тохоку подают заявки на семестр или год в Москве, Новосибирске или Владивостоке. Даты условны.',
        fr: 'Les étudiants de l’université du Tohoku candidatent pour un semestre ou une année à Moscou, Novossibirsk ou Vladivostok. Dates indicatives.',
      },
      opens: '2015-01-15',
      closes: '2015-02-27',
      nominationDeadline: '2015-03-31',
      departureFrom: '2015-09-01',
      departureTo: '2015-10-15',
      invented: true,
    },
    {
      // Invented to make the demo usable: a call open today, so that a student can apply.
      ...common,
      agreementId: renewal,
      rubric: rubric(renewal, openPanel),
      id: 'tohoku-jr-2027',
      title: {
        en: 'Japan–Russia innovative leaders: exchange call 2028 (invented demo call)',
        ja: '日露新時代を拓く人材育成：2028年度派遣学生募集（デモ用の架空公募）',
        ru: 'Лидеры новых японско-российских отношений: конкурс обмена 2028 (вымышленный демонстрационный)',
        fr: 'Leaders innovants Japon–Russie : appel à mobilité 2028 (appel fictif de démonstration)',
      },
      description: {
        en: 'An invented call, open now, for trying the student portal: rank up to three hosts.',
        ja: '学生ポータルを試すための架空の公募です。受入大学を最大3校まで順位付けできます。',
        ru: 'Вымышленный открытый конкурс для знакомства с порталом: выберите до трёх принимающих вузов.',
        fr: 'Un appel fictif, ouvert, pour essayer le portail étudiant : classez jusqu’à trois hôtes.',
      },
      opens: '2026-01-01',
      closes: '2027-12-31',
      nominationDeadline: '2028-01-31',
      departureFrom: '2028-04-01',
      departureTo: '2028-04-30',
      invented: true,
    },
  ]);
  // The demo reviewer reviews the invented open call too (the e2e scores there).
  await tx.insert(roleAssignments).values([
    { userId: reviewer, role: 'reviewer', scopeType: 'call', scopeId: 'tohoku-jr-2027' },
    { userId: second.id, role: 'reviewer', scopeType: 'call', scopeId: 'tohoku-jr-2027' },
  ]);

  // Student profiles: Sakura, a Japanese bachelor student at Tohoku (B2 English), and an invented
  // foreign student at Tohoku on the residence status 留学 ("student"), whom R9 refuses.
  const foreign = await newStudent(`student.foreign@${DOMAIN}`, 'Lin Foreign (invented)');
  await tx.insert(studentProfiles).values([
    {
      userId: id(`student.tohoku@${DOMAIN}`),
      homeId: 'tohoku.ac.jp',
      level: 'bachelor',
      enrolmentStatus: 'enrolled',
      enrolmentUntil: '2030-03-31',
      residenceStatus: null,
      nationality: 'JP',
      languages: [
        { language: 'en', level: 'B2' },
        { language: 'ru', level: 'A2' },
      ],
      grade: { scale: 'jp-gpa-4', value: 3.3 },
      invented: true,
    },
    {
      userId: foreign,
      homeId: 'tohoku.ac.jp',
      level: 'master',
      enrolmentStatus: 'enrolled',
      enrolmentUntil: '2030-03-31',
      residenceStatus: 'student',
      nationality: 'CN',
      languages: [
        { language: 'en', level: 'C1' },
        { language: 'ja', level: 'B2' },
      ],
      grade: { scale: 'jp-gpa-4', value: 3.6 },
      invented: true,
    },
  ]);

  for (const a of APPLICANTS_2015) {
    const userId = await newStudent(`${a.key}@${DOMAIN}`, a.name);
    const grade = { scale: 'jp-gpa-4', value: a.grade };
    await tx.insert(studentProfiles).values({
      userId,
      homeId: 'tohoku.ac.jp',
      level: a.level,
      enrolmentUntil: '2018-03-31',
      nationality: 'JP',
      languages: [{ language: 'en', level: 'B2' }],
      grade,
      invented: true,
    });
    const [app] = await tx
      .insert(callApplications)
      .values({
        callId: 'tohoku-jr-2015',
        studentUserId: userId,
        homeId: 'tohoku.ac.jp',
        ranking: a.ranking,
        requestedMonths: a.months,
        status: a.scores.length >= 2 ? 'scored' : 'in_screening',
        eligibility: {
          checkedOn: a.submittedAt.slice(0, 10),
          eligibleHosts: a.ranking,
          hosts: a.ranking.map((host) => ({ host, eligible: true, reasons: [] })),
          funding: { entitled: true, reasons: [] },
          grade,
          level: a.level,
        },
        submittedAt: new Date(a.submittedAt),
      })
      .returning({ id: callApplications.id });
    if (!app) throw new Error(`could not create the application of ${a.key}`);
    const scorers = [
      { userId: reviewer, institution: 'msu.ru' },
      { userId: nsu, institution: 'nsu.ru' },
    ];
    await tx.insert(reviews).values(
      a.scores.map((scores, i) => ({
        applicationId: app.id,
        reviewerUserId: scorers[i]?.userId ?? reviewer,
        reviewerInstitutionId: scorers[i]?.institution ?? 'msu.ru',
        scores,
        createdAt: new Date('2015-03-10T10:00:00+09:00'),
      })),
    );
  }
}
