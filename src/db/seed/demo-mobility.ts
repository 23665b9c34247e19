/**
 * Demo mobility data: course catalogues (Tohoku, Moscow State, Novosibirsk State) with titles in
 * Japanese, English and Russian; the Campus-in-Campus alliance's Course Jukebox (source document
 * 004: online courses of Tsukuba and Grenoble Alpes); the invented student of the demo world with
 * one mobility whose learning agreement is signed (Tohoku → NSU) and an earlier one with a
 * transcript and recognition decisions (Tohoku → MSU: one full, one partial with a reason, one
 * still to decide). Every person here is invented; course codes and titles are illustrative.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { demoAgreementId, type DemoAgreementIds } from './demo-agreement-ids.ts';
import {
  auditLog,
  courses,
  equivalences,
  learningAgreements,
  mobilities,
  mobilityEvents,
  recognitionDecisions,
  roleAssignments,
  studentProfiles,
  transcripts,
  users,
} from '../schema.ts';
import type { MobilityState, RecordedDate } from '#src/domain/mobility/mobility-workflow.ts';
import type { CreditSystemId } from '#src/domain/recognition/credit-systems.ts';
import {
  approveVersion,
  draftLearningAgreement,
  proposeChanges,
  type LaComponent,
  type LaParty,
  type LearningAgreement,
} from '#src/domain/recognition/learning-agreement.ts';
import {
  addToEquivalenceTable,
  decideRecognition,
  type RecognitionDecision,
  type TranscriptEntry,
} from '#src/domain/recognition/recognition.ts';
import { defineRecognitionSystem } from '#src/domain/recognition/recognition-system.ts';
import type { LocalizedText } from '#src/domain/recognition/types.ts';

type DemoCourse = {
  code: string;
  title: LocalizedText;
  level: 'bachelor' | 'master' | 'doctor';
  credits: number;
  term: string;
  language: string;
  online?: boolean;
  jukebox?: boolean;
};

const SYSTEM: Record<string, CreditSystemId> = {
  'tohoku.ac.jp': 'jp-tan-i',
  'tsukuba.ac.jp': 'jp-tan-i',
  'msu.ru': 'ru-ze',
  'nsu.ru': 'ru-ze',
  'univ-grenoble-alpes.fr': 'ects',
};

export const DEMO_COURSES: Record<string, DemoCourse[]> = {
  'tohoku.ac.jp': [
    {
      code: 'TOH-RU201',
      title: {
        ja: 'ロシア語（中級）',
        en: 'Russian Language (intermediate)',
        ru: 'Русский язык (средний уровень)',
      },
      level: 'bachelor',
      credits: 3,
      term: '2026-1',
      language: 'ja',
    },
    {
      code: 'TOH-RU301',
      title: {
        ja: 'ロシア語（上級）',
        en: 'Russian Language (advanced)',
        ru: 'Русский язык (продвинутый уровень)',
      },
      level: 'bachelor',
      credits: 3,
      term: '2026-2',
      language: 'ja',
    },
    {
      code: 'TOH-HI210',
      title: { ja: 'ユーラシア史', en: 'History of Eurasia', ru: 'История Евразии' },
      level: 'bachelor',
      credits: 2,
      term: '2026-1',
      language: 'ja',
    },
    {
      code: 'TOH-EC310',
      title: {
        ja: '北東アジア経済論',
        en: 'Economics of Northeast Asia',
        ru: 'Экономика Северо-Восточной Азии',
      },
      level: 'bachelor',
      credits: 2,
      term: '2026-2',
      language: 'en',
    },
    {
      code: 'TOH-AS310',
      title: {
        ja: '地域研究：シベリア',
        en: 'Area Studies: Siberia',
        ru: 'Регионоведение: Сибирь',
      },
      level: 'bachelor',
      credits: 2,
      term: '2026-2',
      language: 'ja',
    },
  ],
  'msu.ru': [
    {
      code: 'MSU-RUS120',
      title: {
        ru: 'Русский язык как иностранный',
        en: 'Russian as a Foreign Language',
        ja: '外国語としてのロシア語',
      },
      level: 'bachelor',
      credits: 5,
      term: '2024/2025-1',
      language: 'ru',
    },
    {
      code: 'MSU-HIS210',
      title: { ru: 'История России', en: 'History of Russia', ja: 'ロシア史' },
      level: 'bachelor',
      credits: 4,
      term: '2024/2025-1',
      language: 'ru',
    },
    {
      code: 'MSU-POL250',
      title: {
        ru: 'Политическая система России',
        en: 'Russian Political System',
        ja: 'ロシアの政治体制',
      },
      level: 'bachelor',
      credits: 4,
      term: '2024/2025-1',
      language: 'ru',
    },
    {
      code: 'MSU-ECO330',
      title: {
        ru: 'Экономика переходного периода',
        en: 'Economics of Transition',
        ja: '移行経済論',
      },
      level: 'bachelor',
      credits: 3,
      term: '2024/2025-1',
      language: 'en',
    },
  ],
  'nsu.ru': [
    {
      code: 'NSU-RUS110',
      title: {
        ru: 'Русский язык как иностранный (интенсив)',
        en: 'Russian as a Foreign Language (intensive)',
        ja: '外国語としてのロシア語（集中）',
      },
      level: 'bachelor',
      credits: 5,
      term: '2026/2027-1',
      language: 'ru',
    },
    {
      code: 'NSU-SIB300',
      title: { ru: 'Сибирское регионоведение', en: 'Siberian Studies', ja: 'シベリア地域研究' },
      level: 'bachelor',
      credits: 3,
      term: '2026/2027-1',
      language: 'en',
    },
    {
      code: 'NSU-DS240',
      title: { ru: 'Анализ данных', en: 'Data Analysis', ja: 'データ分析' },
      level: 'bachelor',
      credits: 4,
      term: '2026/2027-1',
      language: 'en',
    },
    {
      code: 'NSU-PHY201',
      title: { ru: 'Физика сплошных сред', en: 'Physics of Continuous Media', ja: '連続体物理学' },
      level: 'master',
      credits: 5,
      term: '2026/2027-1',
      language: 'ru',
    },
  ],
  // Source document 004: the CiC Course Jukebox shares members' online courses.
  'tsukuba.ac.jp': [
    {
      code: 'TSK-OL101',
      title: {
        ja: '日本文化入門（オンライン）',
        en: 'Introduction to Japanese Culture (online)',
        fr: 'Introduction à la culture japonaise (en ligne)',
      },
      level: 'bachelor',
      credits: 2,
      term: '2026-1',
      language: 'en',
      online: true,
      jukebox: true,
    },
    {
      code: 'TSK-OL220',
      title: {
        ja: '防災科学（オンライン）',
        en: 'Disaster Science (online)',
        fr: 'Science des catastrophes (en ligne)',
      },
      level: 'bachelor',
      credits: 1,
      term: '2026-1',
      language: 'en',
      online: true,
      jukebox: true,
    },
  ],
  'univ-grenoble-alpes.fr': [
    {
      code: 'UGA-OL-CLIM',
      title: {
        fr: 'Changement climatique et milieux de montagne (en ligne)',
        en: 'Climate Change and Mountain Environments (online)',
        ja: '気候変動と山岳環境（オンライン）',
      },
      level: 'bachelor',
      credits: 3,
      term: '2026-S1',
      language: 'en',
      online: true,
      jukebox: true,
    },
    {
      code: 'UGA-OL-FLE',
      title: {
        fr: 'Français langue étrangère A2 (en ligne)',
        en: 'French as a Foreign Language A2 (online)',
        ja: 'フランス語A2（オンライン）',
      },
      level: 'bachelor',
      credits: 4,
      term: '2026-S1',
      language: 'fr',
      online: true,
      jukebox: true,
    },
  ],
};

/**
 * Invented accounts for the Course Jukebox (source document 004): a Tsukuba student and two
 * coordinators.
 */
export const JUKEBOX_USERS = [
  {
    email: 'student.tsukuba@demo.kakehashi.example',
    displayName: 'Taro Tsukuba (invented)',
    language: 'ja' as const,
    names: { latin: 'Taro Tsukuba', kanji: '筑波 太郎', kana: 'つくば たろう' },
    role: 'student',
    scopeId: 'self',
  },
  {
    email: 'coordinator.tsukuba@demo.kakehashi.example',
    displayName: 'Tomoko Coordinator (invented)',
    language: 'ja' as const,
    names: { latin: 'Tomoko Coordinator', kanji: '調整 智子', kana: 'ちょうせい ともこ' },
    role: 'coordinator',
    scopeId: 'tsukuba.ac.jp',
  },
  {
    email: 'coordinator.uga@demo.kakehashi.example',
    displayName: 'Camille Coordinatrice (invented)',
    language: 'fr' as const,
    names: { latin: 'Camille Coordinatrice' },
    role: 'coordinator',
    scopeId: 'univ-grenoble-alpes.fr',
  },
];

const course = (institutionId: string, code: string) => {
  const c = DEMO_COURSES[institutionId]?.find((x) => x.code === code);
  if (!c) throw new Error(`demo course ${institutionId} ${code}`);
  return c;
};

function component(
  id: string,
  host: [string, string],
  home: [string, string] | null,
  homeCredits: number,
  homeTitle?: LocalizedText,
): LaComponent {
  const h = course(host[0], host[1]);
  const m = home ? course(home[0], home[1]) : null;
  return {
    id,
    host: {
      code: h.code,
      title: h.title,
      credits: { value: h.credits, system: SYSTEM[host[0]]! },
      term: h.term,
      online: h.online ?? false,
    },
    home: {
      code: m?.code ?? null,
      title: m?.title ?? homeTitle ?? h.title,
      credits: { value: homeCredits, system: SYSTEM[home?.[0] ?? 'tohoku.ac.jp']! },
    },
  };
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; refusal: { message: string } }): T {
  if (!r.ok) throw new Error(`demo-mobility: ${r.refusal.message}`);
  return r.value;
}

function signAll(
  la: LearningAgreement,
  version: number,
  at: string,
  signers: Record<LaParty, { name: string; id?: string | undefined }>,
): LearningAgreement {
  let out = la;
  for (const party of ['student', 'home', 'host'] as const) {
    out = unwrap(
      approveVersion(out, version, {
        party,
        signerName: signers[party].name,
        signedAt: at,
        actorId: signers[party].id,
      }),
    ).agreement;
  }
  return out;
}

type Step = {
  action: string;
  from: MobilityState;
  to: MobilityState;
  at: string;
  actorId: string | null;
  date?: string;
  recorded?: RecordedDate;
  transcriptRef?: string;
  learningAgreementVersion?: number;
};

/** The history of a demo mobility: events and their audit entries (dates live in the audit). */
async function recordSteps(tx: Db, mobilityId: string, steps: Step[]) {
  let version = 1;
  for (const s of steps) {
    version += 1;
    await tx.insert(mobilityEvents).values({
      mobilityId,
      action: s.action,
      fromState: s.from,
      toState: s.to,
      actorId: s.actorId,
      at: new Date(s.at),
    });
    await tx.insert(auditLog).values({
      at: new Date(s.at),
      actorId: s.actorId,
      action: 'mobility.transition',
      resourceType: 'mobility',
      resourceId: mobilityId,
      details: {
        event: `mobility.${s.to}`,
        action: s.action,
        from: s.from,
        to: s.to,
        date: s.date ?? null,
        recorded: s.recorded ?? null,
        version,
        transcriptRef: s.transcriptRef ?? null,
        learningAgreementVersion: s.learningAgreementVersion ?? null,
        demo: true,
      },
    });
  }
}

export async function seedMobility(
  tx: Db,
  userIds: Map<string, string>,
  agreementIds: DemoAgreementIds,
): Promise<void> {
  // Catalogues and the Course Jukebox.
  for (const [institutionId, list] of Object.entries(DEMO_COURSES)) {
    await tx.insert(courses).values(
      list.map((c) => ({
        institutionId,
        code: c.code,
        title: c.title,
        level: c.level,
        credits: c.credits,
        creditSystem: SYSTEM[institutionId]!,
        term: c.term,
        language: c.language,
        online: c.online ?? false,
        jukeboxAllianceId: c.jukebox ? 'cic' : null,
      })),
    );
  }

  const studentId = userIds.get('student.tohoku@demo.kakehashi.example');
  const tohokuId = userIds.get('coordinator.tohoku@demo.kakehashi.example') ?? null;
  const nsuId = userIds.get('coordinator.nsu@demo.kakehashi.example') ?? null;
  if (!studentId) return;
  const [student] = await tx.select().from(users).where(eq(users.id, studentId));
  if (!student) return;

  // Invented Course Jukebox accounts, with the demo password of the other accounts.
  const ids = new Map<string, string>();
  for (const u of JUKEBOX_USERS) {
    const [row] = await tx
      .insert(users)
      .values({
        email: u.email,
        displayName: u.displayName,
        language: u.language,
        names: u.names,
        passwordHash: student.passwordHash,
        invented: true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error(`could not create ${u.email}`);
    ids.set(u.email, row.id);
    await tx.insert(roleAssignments).values({
      userId: row.id,
      role: u.role,
      scopeType: u.role === 'student' ? 'self' : 'institution',
      scopeId: u.scopeId === 'self' ? row.id : u.scopeId,
    });
  }
  await tx.insert(studentProfiles).values({
    userId: ids.get('student.tsukuba@demo.kakehashi.example')!,
    homeId: 'tsukuba.ac.jp',
    level: 'bachelor',
    enrolmentStatus: 'enrolled',
    nationality: 'JP',
    languages: [
      { language: 'ja', level: 'C2' },
      { language: 'en', level: 'B2' },
      { language: 'fr', level: 'A2' },
    ],
    invented: true,
  });

  // Today's stays run under the renewed agreement, in force for their whole stay (R2).
  const agreementId = demoAgreementId(agreementIds, 'tohoku-jr-renewal');
  const studentName = `${student.displayName} (invented)`;
  const signers = {
    student: { name: studentName, id: studentId },
    home: { name: 'Kenji Coordinator (invented)', id: tohokuId ?? undefined },
    host: { name: 'Host coordinator (invented)', id: nsuId ?? undefined },
  };

  // 1. Tohoku → NSU, learning agreement signed by all three (state la_signed).
  const [current] = await tx
    .insert(mobilities)
    .values({
      agreementId,
      homeId: 'tohoku.ac.jp',
      hostId: 'nsu.ru',
      studentName,
      studentUserId: studentId,
      level: 'bachelor',
      startDate: '2026-09-01',
      months: 10,
      status: 'la_signed',
      invented: true,
    })
    .returning({ id: mobilities.id });
  if (!current) throw new Error('demo mobility');
  let la = unwrap(
    draftLearningAgreement({
      id: `la-${current.id}`,
      mobilityId: current.id,
      homeInstitutionId: 'tohoku.ac.jp',
      hostInstitutionId: 'nsu.ru',
      homeCreditSystem: 'jp-tan-i',
      hostCreditSystem: 'ru-ze',
      components: [
        // The next Russian course: TOH-RU201 was credited on the student's MSU exchange (R7).
        component('c1', ['nsu.ru', 'NSU-RUS110'], ['tohoku.ac.jp', 'TOH-RU301'], 3),
        component('c2', ['nsu.ru', 'NSU-SIB300'], ['tohoku.ac.jp', 'TOH-AS310'], 2),
        // 4 з.е. × 27 h = 108 h ÷ 45 h = 2.4 → 2.5 単位, as free elective credits.
        component('c3', ['nsu.ru', 'NSU-DS240'], null, 2.5),
      ],
      proposedBy: 'student',
      at: '2026-05-10T09:00:00.000Z',
    }),
  ).agreement;
  la = signAll(la, 1, '2026-05-20T09:00:00.000Z', signers);
  await tx.insert(learningAgreements).values({
    mobilityId: current.id,
    document: la,
    currentVersion: 1,
  });
  await recordSteps(tx, current.id, [
    {
      action: 'accept',
      from: 'nominated',
      to: 'accepted',
      at: '2026-04-20T09:00:00.000Z',
      actorId: nsuId,
    },
    {
      action: 'confirm_learning_agreement',
      from: 'accepted',
      to: 'la_signed',
      at: '2026-05-21T09:00:00.000Z',
      actorId: tohokuId,
      learningAgreementVersion: 1,
    },
  ]);

  // 2. Tohoku → MSU (2024/2025), completed with a transcript: one full, one partial, one to decide.
  const [past] = await tx
    .insert(mobilities)
    .values({
      agreementId,
      homeId: 'tohoku.ac.jp',
      hostId: 'msu.ru',
      studentName,
      studentUserId: studentId,
      level: 'bachelor',
      startDate: '2024-09-01',
      months: 5,
      status: 'transcript_issued',
      invented: true,
    })
    .returning({ id: mobilities.id });
  if (!past) throw new Error('demo mobility');
  const msuSigners = { ...signers, host: { name: 'MSU coordinator (invented)' } };
  let pastLa = unwrap(
    draftLearningAgreement({
      id: `la-${past.id}`,
      mobilityId: past.id,
      homeInstitutionId: 'tohoku.ac.jp',
      hostInstitutionId: 'msu.ru',
      homeCreditSystem: 'jp-tan-i',
      hostCreditSystem: 'ru-ze',
      components: [
        component('c1', ['msu.ru', 'MSU-RUS120'], ['tohoku.ac.jp', 'TOH-RU201'], 3),
        component('c2', ['msu.ru', 'MSU-POL250'], ['tohoku.ac.jp', 'TOH-HI210'], 2),
        component('c3', ['msu.ru', 'MSU-ECO330'], ['tohoku.ac.jp', 'TOH-EC310'], 2),
      ],
      proposedBy: 'student',
      at: '2024-05-10T09:00:00.000Z',
    }),
  ).agreement;
  pastLa = signAll(pastLa, 1, '2024-05-20T09:00:00.000Z', msuSigners);
  // Most learning agreements change after signing — the politics course was not given.
  pastLa = unwrap(
    proposeChanges(pastLa, {
      baseVersion: 1,
      proposedBy: 'student',
      at: '2024-09-10T09:00:00.000Z',
      changes: [
        {
          kind: 'update',
          reason: 'not-available',
          component: component('c2', ['msu.ru', 'MSU-HIS210'], ['tohoku.ac.jp', 'TOH-HI210'], 2),
        },
      ],
    }),
  ).agreement;
  pastLa = signAll(pastLa, 2, '2024-09-15T09:00:00.000Z', msuSigners);
  await tx.insert(learningAgreements).values({
    mobilityId: past.id,
    document: pastLa,
    currentVersion: 2,
  });
  const entries: TranscriptEntry[] = [
    {
      componentId: 'c1',
      hostCourseCode: 'MSU-RUS120',
      status: 'passed',
      grade: '5',
      gradeScaleId: 'ru-5',
      credits: { value: 5, system: 'ru-ze' },
    },
    {
      componentId: 'c2',
      hostCourseCode: 'MSU-HIS210',
      status: 'passed',
      grade: '4',
      gradeScaleId: 'ru-5',
      credits: { value: 3, system: 'ru-ze' },
    },
    {
      componentId: 'c3',
      hostCourseCode: 'MSU-ECO330',
      status: 'passed',
      grade: '4',
      gradeScaleId: 'ru-5',
      credits: { value: 3, system: 'ru-ze' },
    },
  ];
  await tx.insert(transcripts).values({ mobilityId: past.id, entries, issuedOn: '2025-02-14' });
  const transcriptRef = `tor:${past.id}:2025-02-14`;
  await recordSteps(tx, past.id, [
    {
      action: 'accept',
      from: 'nominated',
      to: 'accepted',
      at: '2024-04-20T09:00:00.000Z',
      actorId: null,
    },
    {
      action: 'confirm_learning_agreement',
      from: 'accepted',
      to: 'la_signed',
      at: '2024-05-21T09:00:00.000Z',
      actorId: tohokuId,
      learningAgreementVersion: 1,
    },
    {
      action: 'depart',
      from: 'la_signed',
      to: 'departed',
      at: '2024-08-30T09:00:00.000Z',
      actorId: studentId,
      date: '2024-08-30',
      recorded: 'departedOn',
    },
    {
      action: 'confirm_arrival',
      from: 'departed',
      to: 'arrived',
      at: '2024-09-02T09:00:00.000Z',
      actorId: null,
      date: '2024-09-02',
      recorded: 'arrivedOn',
    },
    {
      action: 'complete',
      from: 'arrived',
      to: 'completed',
      at: '2025-01-31T09:00:00.000Z',
      actorId: null,
      date: '2025-01-31',
      recorded: 'completedOn',
    },
    {
      action: 'issue_transcript',
      from: 'completed',
      to: 'transcript_issued',
      at: '2025-02-14T09:00:00.000Z',
      actorId: null,
      transcriptRef,
    },
  ]);

  // R7, R16: the agreement's common-recognition clause binds Tohoku and MSU.
  const system = defineRecognitionSystem({
    id: `agreement:${agreementId}`,
    name: { en: 'Common recognition system of the agreement' },
    description: { en: 'Dossier item 13 (003 §6(1) 13))' },
    gradeScaleIds: ['jp-sabcf', 'ru-5'],
    consents: ['tohoku.ac.jp', 'msu.ru'].map((institutionId) => ({
      institutionId,
      via: 'agreement-clause' as const,
      documentRef: `agreement:${agreementId}#clauses.commonRecognition`,
      agreedOn: '2024-02-27', // the renewed agreement's second signature
    })),
  });
  const version = pastLa.versions[1]!;
  const decide = (
    id: string,
    outcome: 'full' | 'partial',
    at: string,
    extra: { credits?: number; reason?: string } = {},
  ): RecognitionDecision =>
    unwrap(
      decideRecognition({
        subject: { kind: 'learning-agreement', id: pastLa.id, version: 2 },
        component: version.components.find((c) => c.id === id)!,
        homeInstitutionId: 'tohoku.ac.jp',
        hostInstitutionId: 'msu.ru',
        system,
        transcript: entries.find((e) => e.componentId === id)!,
        outcome,
        homeGradeScaleId: 'jp-sabcf',
        decidedBy: tohokuId ?? 'demo',
        at,
        ...extra,
      }),
    );
  const decisions = [
    decide('c1', 'full', '2025-03-01T09:00:00.000Z'),
    decide('c2', 'partial', '2025-03-01T09:05:00.000Z', {
      credits: 1.5,
      reason:
        'The host awarded 3 of the 4 credit units agreed (the seminar part was not completed): 1.5 of 2 credits recognised.',
    }),
  ];
  // Another (invented) student of the same cohort, decided a little earlier, for the third pair,
  // so the suggestion shows.
  const earlier: RecognitionDecision = {
    ...decide('c3', 'full', '2025-02-20T09:00:00.000Z'),
    subject: { kind: 'learning-agreement', id: 'la-earlier-invented-student', version: 1 },
  };
  let table = addToEquivalenceTable([], earlier);
  for (const d of decisions) {
    await tx.insert(recognitionDecisions).values({
      mobilityId: past.id,
      componentId: d.componentId,
      decision: d,
      decidedBy: tohokuId,
      decidedAt: new Date(d.decidedAt),
      // R7: what the database holds once per student (recognition_home_course_once).
      studentUserId: studentId,
      homeInstitutionId: d.homeInstitutionId,
      homeCourseCode: d.homeCourseCode ?? null,
    });
    table = addToEquivalenceTable(table, d);
  }
  for (const entry of table) {
    await tx.insert(equivalences).values({
      hostCourseKey: `${entry.hostInstitutionId}|${entry.hostCourseCode}`,
      homeCourseKey: `${entry.homeInstitutionId}|${entry.homeCourseCode ?? '*'}`,
      entry,
    });
  }
}
