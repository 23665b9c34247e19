/**
 * The demo world's partnerships: the University of Tsukuba and the Université Grenoble Alpes
 * (source document 004) — cooperation since 1997, its five themes, the joint strategic plan
 * 2021–2024 in preparation, the dual Master's degree in Nanoscience and Materials (Phitem and
 * Polytech), the laboratory shared with Air Liquide funded through the Grenoble Unit program and
 * its 2019 extension (€250,000 for April 2020–March 2023), 14 jointly supervised doctorates since
 * 2018 in progress or defended, visits at Tsukuba Global Science Week, teaching by a UGA research
 * professor at Tsukuba and the "Risk" Graduate School in the R2EC consortium; and Tohoku's
 * Russian-Japanese Inter-University Education Board (000), which plans double or joint degrees.
 *
 * What the sources give is kept as given. Everything else — days within a year, the split and the
 * cohorts, the first funding period and amount, people's names, theses, the board's members and
 * its meeting — is invented and marked (`invented`, "(invented)").
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreements,
  cotutelles,
  degreeCohorts,
  degreePaths,
  degreeProgrammes,
  educationBoards,
  eventMinutes,
  eventSessions,
  events,
  jointLabs,
  mobilities,
  partnerships,
  staffVisits,
  strategicPlans,
  users,
} from '../schema.ts';
import type { CotutelleStatus } from '../../domain/partnership/kinds.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';

const TSUKUBA = 'tsukuba.ac.jp';
const UGA = 'univ-grenoble-alpes.fr';
const AIR_LIQUIDE = 'airliquide.com';

/** The five themes of collaboration (004), keyed as publications are tagged. */
export const TSUKUBA_UGA_THEMES = [
  {
    key: 'smart-cities',
    label: {
      en: 'Smart cities',
      fr: 'Villes intelligentes',
      ja: 'スマートシティ',
      ru: 'Умные города',
    },
  },
  {
    key: 'art-and-architecture',
    label: {
      en: 'Art and architecture',
      fr: 'Art et architecture',
      ja: '芸術と建築',
      ru: 'Искусство и архитектура',
    },
  },
  {
    key: 'chemistry-and-physics',
    label: {
      en: 'Chemistry and Physics',
      fr: 'Chimie et physique',
      ja: '化学と物理学',
      ru: 'Химия и физика',
    },
  },
  { key: 'energy', label: { en: 'Energy', fr: 'Énergie', ja: 'エネルギー', ru: 'Энергетика' } },
  {
    key: 'risk-and-resilience',
    label: {
      en: 'Risk and Resilience',
      fr: 'Risques et résilience',
      ja: 'リスクとレジリエンス',
      ru: 'Риски и устойчивость',
    },
  },
];

/** 14 theses since 2018, in progress or defended (004); every detail below is invented. */
const COTUTELLES: {
  name: string;
  title: LocalizedText;
  startsOn: string;
  status: CotutelleStatus;
  defenceOn?: string;
}[] = [
  ['Aiko Morita', 'Hydrogen storage in porous carbon materials', '2018-04-01', '2021-03-19'],
  ['Lucas Bernard', 'Thin-film perovskites for photovoltaics', '2018-04-01', '2021-06-25'],
  ['Haruto Kimura', 'Seismic resilience of urban networks', '2018-10-01', '2021-07-09'],
  ['Chloé Petit', 'Nanostructured catalysts for low-carbon chemistry', '2018-10-01', '2021-05-28'],
  ['Yui Fujita', 'Sensors for smart buildings', '2018-10-01', '2021-08-06'],
  ['Maxime Laurent', 'Spin transport in two-dimensional materials', '2019-04-01'],
  ['Sota Hayashi', 'Flood risk perception in mountain cities', '2019-04-01'],
  ['Emma Girard', 'Gas separation membranes', '2019-10-01'],
  ['Riko Matsuda', 'Japanese and Alpine vernacular architecture compared', '2019-10-01'],
  ['Hugo Fontaine', 'Power electronics for renewable grids', '2020-04-01'],
  ['Mei Ishikawa', 'Urban data platforms for smart cities', '2020-10-01'],
  ['Louis Mercier', 'Cryogenic hydrogen handling', '2020-10-01'],
  ['Kaito Ogawa', 'Landslide early warning with machine learning', '2021-04-01'],
  ['Léa Rousseau', 'Quantum dots for energy conversion', '2021-04-01'],
].map(([name, title, startsOn, defenceOn]) => ({
  name: `${name} (invented)`,
  title: { en: `${title} (invented)` },
  startsOn: startsOn!,
  status: defenceOn ? 'defended' : 'in_progress',
  ...(defenceOn ? { defenceOn } : {}),
}));

async function userId(tx: Db, email: string): Promise<string | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

/**
 * Students exchanged under the Tsukuba–UGA mobility agreement (004: "incoming and outgoing student
 * mobility programs"), all invented: stays starting in the agreement's quota years, within its
 * quotas of 4 students and 24 months per direction and year, completed before today.
 */
const EXCHANGES: {
  from: 'T' | 'U';
  start: string;
  months: number;
  level: 'bachelor' | 'master';
}[] = (
  [
    ['2021', 5, 'bachelor'],
    ['2021', 10, 'master'],
    ['2022', 5, 'bachelor'],
    ['2022', 5, 'bachelor'],
    ['2022', 10, 'master'],
    ['2023', 10, 'master'],
    ['2023', 5, 'bachelor'],
    ['2024', 5, 'bachelor'],
  ] as const
).flatMap(([year, months, level]) => [
  // Each year as many students and months each way: the exchange stays balanced.
  { from: 'T' as const, start: `${year}-09-01`, months, level },
  { from: 'U' as const, start: `${year}-10-01`, months, level },
]);

async function seedExchanges(tx: Db): Promise<void> {
  const [agreement] = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      sql`${agreements.partyAId} = 'tsukuba.ac.jp' AND ${agreements.partyBId} = 'univ-grenoble-alpes.fr'`,
    );
  if (!agreement) throw new Error('the Tsukuba–UGA agreement is missing');
  await tx.insert(mobilities).values(
    EXCHANGES.map((x, i) => ({
      agreementId: agreement.id,
      homeId: x.from === 'T' ? 'tsukuba.ac.jp' : 'univ-grenoble-alpes.fr',
      hostId: x.from === 'T' ? 'univ-grenoble-alpes.fr' : 'tsukuba.ac.jp',
      studentName:
        x.from === 'T'
          ? `Tsukuba student ${i + 1} (invented)`
          : `Étudiant·e UGA ${i + 1} (invented)`,
      level: x.level,
      startDate: x.start,
      months: x.months,
      funded: false,
      status: 'completed',
      invented: true,
    })),
  );
}

export async function seedPartnership(tx: Db): Promise<void> {
  await seedExchanges(tx);
  const coordinatorTsukuba = await userId(tx, 'coordinator.tsukuba@demo.kakehashi.example');
  const studentTsukuba = await userId(tx, 'student.tsukuba@demo.kakehashi.example');
  const coordinatorTohoku = await userId(tx, 'coordinator.tohoku@demo.kakehashi.example');

  // ------------------------------------------------------------- Tsukuba–UGA partnership (004)
  const [partnership] = await tx
    .insert(partnerships)
    .values({
      title: {
        en: 'University of Tsukuba – Université Grenoble Alpes',
        fr: 'Université de Tsukuba – Université Grenoble Alpes',
        ja: '筑波大学 – グルノーブル・アルプ大学',
        ru: 'Университет Цукубы – Университет Гренобль-Альпы',
      },
      institutionIds: [TSUKUBA, UGA],
      // The year is the source's (an agreement on student mobility in 1997); the day is invented.
      since: '1997-04-01',
      themes: TSUKUBA_UGA_THEMES,
      notes: {
        en: 'Cooperation started in 1997 with an agreement on student mobility (004 §1); strategic partner under the IDEX project. The day of the start is invented.',
      },
      createdBy: coordinatorTsukuba,
      invented: false,
    })
    .returning({ id: partnerships.id });
  const partnershipId = partnership!.id;
  await tx.insert(strategicPlans).values({
    partnershipId,
    title: {
      en: 'Joint strategic plan 2021–2024',
      fr: 'Plan stratégique commun 2021-2024',
      ja: '共同戦略計画 2021–2024',
      ru: 'Совместный стратегический план на 2021–2024 годы',
    },
    status: 'in_preparation',
    // The years are the source's; the first and last days are invented.
    startsOn: '2021-01-01',
    endsOn: '2024-12-31',
    fileUrl: null,
    createdBy: coordinatorTsukuba,
    invented: false,
  });

  // The dual Master's degree (004 §3); its start, split and cohorts are invented.
  const [master] = await tx
    .insert(degreeProgrammes)
    .values({
      kind: 'dual',
      title: {
        en: 'Dual Master’s degree in Nanoscience and Materials (Phitem and Polytech)',
        fr: 'Double diplôme de master Nanosciences et matériaux (Phitem et Polytech)',
        ja: 'ナノサイエンス・材料ダブルディグリー修士課程（Phitem・Polytech）',
        ru: 'Двойная магистратура «Нанонауки и материалы» (Phitem и Polytech)',
      },
      partners: [
        {
          institutionId: TSUKUBA,
          role: 'partner',
          degree: { en: 'Master of Science (invented wording)', ja: '修士（理学）' },
        },
        {
          institutionId: UGA,
          role: 'coordinating',
          degree: {
            fr: 'Master Nanosciences et nanotechnologies (Phitem, Polytech) (intitulé inventé)',
          },
        },
      ],
      institutionIds: [TSUKUBA, UGA],
      field: '0588',
      level: 'master',
      split: [
        { institutionId: UGA, semesters: [1, 2], credits: 60 },
        { institutionId: TSUKUBA, semesters: [3, 4], credits: 30 },
      ],
      languages: ['en', 'fr'],
      startsOn: '2016-09-01',
      endsOn: null,
      status: 'active',
      partnershipId,
      createdBy: coordinatorTsukuba,
      invented: true,
    })
    .returning({ id: degreeProgrammes.id });
  const cohorts = await tx
    .insert(degreeCohorts)
    .values(
      [
        { programmeId: master!.id, intakeYear: 2019, graduated: 4, enrolledWithoutAccount: 5 },
        { programmeId: master!.id, intakeYear: 2020, graduated: 3, enrolledWithoutAccount: 3 },
        { programmeId: master!.id, intakeYear: 2021, graduated: 0, enrolledWithoutAccount: 4 },
      ].map((c) => ({ ...c, createdBy: coordinatorTsukuba, invented: true })),
    )
    .returning({ id: degreeCohorts.id, intakeYear: degreeCohorts.intakeYear });
  const cohort2021 = cohorts.find((c) => c.intakeYear === 2021);
  if (cohort2021 && studentTsukuba)
    await tx.insert(degreePaths).values({
      cohortId: cohort2021.id,
      userId: studentTsukuba,
      mobilityIds: [],
      createdBy: coordinatorTsukuba,
      invented: true,
    });

  // The laboratory shared with Air Liquide (004 §4): the 2019 extension is the source's; the
  // first period and amount and the day of the decision are invented.
  await tx.insert(jointLabs).values({
    kind: 'laboratory',
    title: {
      en: 'Research laboratory in Tsukuba shared by the University of Tsukuba, UGA and Air Liquide',
      fr: 'Laboratoire de recherche à Tsukuba partagé par l’Université de Tsukuba, l’UGA et Air Liquide',
      ja: '筑波大学・グルノーブル・アルプ大学・エア・リキードの筑波共同研究室',
      ru: 'Совместная лаборатория в Цукубе (Университет Цукубы, UGA, Air Liquide)',
    },
    description: {
      en: 'Funded through the Grenoble Unit program, extended in 2019 with €250,000 for April 2020–March 2023 (004 §4). The first period and its amount are invented.',
    },
    institutionIds: [TSUKUBA, UGA, AIR_LIQUIDE],
    fundingInstrument: 'Grenoble Unit program',
    amountMinor: 20_000_000,
    currency: 'EUR',
    startsOn: '2017-04-01',
    endsOn: '2020-03-31',
    extensions: [
      {
        amountMinor: 25_000_000,
        currency: 'EUR',
        decidedOn: '2019-07-01',
        startsOn: '2020-04-01',
        endsOn: '2023-03-31',
        note: {
          en: 'The 2019 extension (004 §4); the day of the decision is invented.',
        },
      },
    ],
    themes: ['chemistry-and-physics', 'energy'],
    people: [
      { guestName: 'Prof. Kenta Arai (invented)', institutionId: TSUKUBA, role: 'co-director' },
      { guestName: 'Prof. Julie Moreau (invented)', institutionId: UGA, role: 'co-director' },
      {
        guestName: 'Dr. Paul Lefèvre (invented)',
        institutionId: AIR_LIQUIDE,
        role: 'industrial lead',
      },
    ],
    partnershipId,
    createdBy: coordinatorTsukuba,
    invented: false,
  });
  // UGA's "Risk" Graduate School in Tsukuba's R2EC (004 §3); its start is invented.
  await tx.insert(jointLabs).values({
    kind: 'project',
    title: {
      en: 'UGA “Risk” Graduate School in the Resilience Research and Education Promotion Consortium (R2EC)',
      fr: 'L’École universitaire de recherche « Risques » de l’UGA dans le consortium R2EC de Tsukuba',
      ja: '筑波大学レジリエンス研究教育推進コンソーシアム（R2EC）へのUGA「リスク」大学院の参加',
      ru: 'Участие школы «Риски» UGA в консорциуме R2EC Университета Цукубы',
    },
    description: { en: 'Participation as the source tells it; the start date is invented.' },
    institutionIds: [TSUKUBA, UGA],
    fundingInstrument: null,
    startsOn: '2019-04-01',
    themes: ['risk-and-resilience'],
    partnershipId,
    createdBy: coordinatorTsukuba,
    invented: false,
  });

  // 14 cotutelles since 2018 (004 §4): 5 defended, 9 in progress; names and theses invented.
  await tx.insert(cotutelles).values(
    COTUTELLES.map((c, i) => ({
      candidateName: c.name,
      thesisTitle: c.title,
      supervisors: [
        { institutionId: TSUKUBA, guestName: `Tsukuba supervisor ${i + 1} (invented)` },
        { institutionId: UGA, guestName: `UGA supervisor ${i + 1} (invented)` },
      ],
      institutionIds: [TSUKUBA, UGA],
      startsOn: c.startsOn,
      defenceOn: c.defenceOn ?? null,
      status: c.status,
      degreesFrom: c.status === 'defended' ? [TSUKUBA, UGA] : [],
      createdBy: coordinatorTsukuba,
      invented: true,
    })),
  );

  // Visits (004 §5): presidents and vice-presidents at Tsukuba Global Science Week (whose dates
  // are invented in the events), a UGA research professor teaching at Tsukuba; names invented.
  const [tgsw] = await tx
    .select({ id: events.id, startsOn: events.startsOn, endsOn: events.endsOn })
    .from(events)
    .where(sql`${events.title}->>'en' LIKE 'Tsukuba Global Science Week%'`);
  const week = tgsw ?? { id: null, startsOn: '2023-09-25', endsOn: '2023-09-27' };
  await tx.insert(staffVisits).values([
    {
      guestName: 'President of UGA (invented name)',
      role: 'president',
      fromId: UGA,
      toId: TSUKUBA,
      startsOn: week.startsOn,
      endsOn: week.endsOn,
      purpose: 'conference',
      eventId: week.id,
      createdBy: coordinatorTsukuba,
      invented: true,
    },
    {
      guestName: 'Vice-president for international relations of UGA (invented name)',
      role: 'vice_president',
      fromId: UGA,
      toId: TSUKUBA,
      startsOn: week.startsOn,
      endsOn: week.endsOn,
      purpose: 'conference',
      eventId: week.id,
      createdBy: coordinatorTsukuba,
      invented: true,
    },
    {
      guestName: 'Prof. Claire Dumas (invented)',
      role: 'professor',
      fromId: UGA,
      toId: TSUKUBA,
      startsOn: '2022-10-03',
      endsOn: '2022-10-28',
      purpose: 'teaching',
      courses: [
        { title: { en: 'Characterisation of nanomaterials (invented)' }, credits: 1, hours: 15 },
        { title: { en: 'Thin films and surfaces (invented)' }, credits: 1, hours: 15 },
      ],
      createdBy: coordinatorTsukuba,
      invented: true,
    },
    {
      guestName: 'International office staff member of Tsukuba (invented)',
      role: 'staff',
      fromId: TSUKUBA,
      toId: UGA,
      startsOn: '2019-06-10',
      endsOn: '2019-06-14',
      purpose: 'governance',
      createdBy: coordinatorTsukuba,
      invented: true,
    },
  ]);

  // ------------------------------------------------- Tohoku's Education Board (000), invented
  const boardInstitutions = ['tohoku.ac.jp', 'msu.ru', 'nsu.ru', 'dvfu.ru'];
  const [meeting] = await tx
    .insert(events)
    .values({
      kind: 'workshop',
      title: {
        en: 'Russian-Japanese Inter-University Education Board: first meeting (invented)',
        ja: '日露大学間教育委員会 第1回会合（架空）',
        ru: 'Российско-японский межвузовский образовательный совет: первое заседание (вымышленное)',
        fr: 'Conseil interuniversitaire russo-japonais d’éducation : première réunion (inventée)',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2015-03-10',
      endsOn: '2015-03-10',
      mode: 'hybrid',
      city: 'Sendai',
      country: 'JP',
      organisers: boardInstitutions.map((id) => ({ type: 'institution' as const, id })),
      hosts: [{ type: 'institution' as const, id: 'tohoku.ac.jp' }],
      visibility: 'members',
      createdBy: coordinatorTohoku,
      invented: true,
    })
    .returning({ id: events.id });
  const [session] = await tx
    .insert(eventSessions)
    .values({
      eventId: meeting!.id,
      day: '2015-03-10',
      startsAt: new Date('2015-03-10T05:00:00Z'),
      endsAt: new Date('2015-03-10T07:00:00Z'),
      room: 'Board room (invented)',
      title: { en: 'Board meeting', ja: '委員会', ru: 'Заседание совета', fr: 'Séance du conseil' },
      invented: true,
    })
    .returning({ id: eventSessions.id });
  await tx.insert(eventMinutes).values({
    sessionId: session!.id,
    version: 1,
    text: {
      en: 'The board agreed to study a joint Master’s degree with Moscow State University and to plan the credit-transfer exchanges. (invented minutes)',
      ja: 'モスクワ大学とのジョイント修士学位の検討および単位互換交流の計画に合意した。（架空の議事録）',
      ru: 'Совет решил изучить возможность совместной магистратуры с МГУ и спланировать обмены с взаимным зачётом кредитов. (вымышленный протокол)',
      fr: 'Le conseil a décidé d’étudier un master conjoint avec l’Université d’État de Moscou et de planifier les échanges avec transfert de crédits. (compte rendu inventé)',
    },
    createdBy: coordinatorTohoku,
    createdAt: new Date('2015-03-12T03:00:00Z'),
    approvedAt: new Date('2015-03-20T03:00:00Z'),
    approvedBy: coordinatorTohoku,
  });
  const [board] = await tx
    .insert(educationBoards)
    .values({
      name: {
        en: 'Russian-Japanese Inter-University Education Board',
        ja: '日露大学間教育委員会',
        ru: 'Российско-японский межвузовский образовательный совет',
        fr: 'Conseil interuniversitaire russo-japonais d’éducation',
      },
      purpose: {
        en: 'Seeks to create double or joint degree programmes and plans the exchanges with credit transfer and the graduate-level joint education (000).',
      },
      institutionIds: boardInstitutions,
      members: [
        { institutionId: 'tohoku.ac.jp', role: 'chair', guestName: 'Prof. Ichiro Sato (invented)' },
        ...(coordinatorTohoku
          ? [
              {
                institutionId: 'tohoku.ac.jp',
                role: 'secretary' as const,
                userId: coordinatorTohoku,
              },
            ]
          : []),
        { institutionId: 'msu.ru', role: 'co_chair', guestName: 'Prof. Anna Ivanova (invented)' },
        { institutionId: 'nsu.ru', role: 'member', guestName: 'Prof. Pavel Sokolov (invented)' },
        { institutionId: 'dvfu.ru', role: 'member', guestName: 'Prof. Olga Kuznetsova (invented)' },
      ],
      meetingEventIds: [meeting!.id],
      createdBy: coordinatorTohoku,
      invented: true,
    })
    .returning({ id: educationBoards.id });
  await tx.insert(degreeProgrammes).values({
    kind: 'joint',
    title: {
      en: 'Joint Master’s degree in Japan–Russia studies (planned; invented)',
      ja: '日露研究ジョイント修士学位（計画中・架空）',
      ru: 'Совместная магистратура по японско-российским исследованиям (планируется; вымышленная)',
      fr: 'Master conjoint en études Japon–Russie (prévu ; inventé)',
    },
    partners: [
      { institutionId: 'tohoku.ac.jp', role: 'coordinating', degree: {} },
      { institutionId: 'msu.ru', role: 'partner', degree: {} },
    ],
    institutionIds: ['tohoku.ac.jp', 'msu.ru'],
    field: '0388',
    level: 'master',
    split: [
      { institutionId: 'tohoku.ac.jp', semesters: [1, 2], credits: 30 },
      { institutionId: 'msu.ru', semesters: [3, 4], credits: 60 },
    ],
    languages: ['en', 'ja', 'ru'],
    startsOn: '2027-04-01',
    status: 'planned',
    boardId: board!.id,
    createdBy: coordinatorTohoku,
    invented: true,
  });
}
