/**
 * Demo applications.
 *
 * 1. Tohoku University's project "Creation of innovative leaders for new Japan–Russia relations",
 *    adopted under the Inter-University Exchange Project in FY2014 (source document 000). What
 *    that document says is quoted or closely paraphrased (the comments say where; the dossier's
 *    own texts carry no source markers, as an official document would not); everything else —
 *    numbers, dates, people, offices, clauses, curricula — is INVENTED for the demo and marked so.
 * 2. An INVENTED draft under the 2003 pilot program (source document 003) with only two Japanese
 *    universities, which fails R1 (003 §2(1), §5(1)).
 *
 * The responsible persons are the demo accounts of src/db/seed/demo-world.ts (by e-mail); the
 * seeding code sets `responsiblePerson.userId` to the account's id.
 */
import type { Member, Person, ProjectApplication } from '#src/domain/program/application.ts';
import { projectApplicationSchema } from '#src/domain/program/application.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';

const t = (en: string, ja: string, ru?: string): LocalizedText =>
  ru === undefined ? { en, ja } : { en, ja, ru };

const person = (
  en: string,
  ja: string,
  positionEn: string,
  positionJa: string,
  extra: Partial<Person> = {},
): Person => ({
  name: t(en, ja),
  position: t(positionEn, positionJa),
  ...extra,
});

const RU_HEI_NOTE = t(
  'A higher education institution of the Russian Federation (federal state university).',
  'ロシア連邦の高等教育機関（連邦国立大学）である。',
  'Образовательная организация высшего образования Российской Федерации.',
);
const RAS_NOTE = t(
  'A regional branch of the Russian Academy of Sciences, which runs graduate (aspirantura) education in the Russian Federation.',
  'ロシア科学アカデミーの地域支部であり、ロシア連邦において大学院（アスピラントゥーラ）教育を行う機関である。',
  'Региональное отделение Российской академии наук, ведущее подготовку в аспирантуре.',
);

const member = (
  institutionId: string,
  kind: Member['kind'],
  name: LocalizedText,
  country: string,
  city: LocalizedText,
  outline: LocalizedText,
  departments: Member['departments'],
  district?: LocalizedText,
): Member => ({
  institutionId,
  kind,
  name,
  country,
  city,
  ...(district ? { district } : {}),
  higherEducationNote: country === 'JP' ? {} : kind === 'university' ? RU_HEI_NOTE : RAS_NOTE,
  outline,
  departments,
});

// Source document 000: the tri-district model — Europe/Russia, Siberia, Far East.
const EUROPE = t('Europe/Russia district', 'ヨーロッパ・ロシア地区', 'Европейская часть России');
const SIBERIA = t('Siberia district', 'シベリア地区', 'Сибирь');
const FAR_EAST = t('Far East district', '極東地区', 'Дальний Восток');

const grad = (en: string, ja: string, ru: string): Member['departments'][number] => ({
  name: t(en, ja, ru),
  levels: ['master', 'doctor'],
  outline: t(
    'INVENTED: participating graduate programme.',
    '（架空）参加する大学院課程。',
    'ВЫМЫШЛЕНО: участвующая программа.',
  ),
});

export const TOHOKU_JAPAN_RUSSIA: ProjectApplication = projectApplicationSchema.parse({
  id: 'tohoku-jr-2014',
  programId: 'mext-iep-2014',
  programVersion: 1,
  status: 'selected',
  title: t(
    'Creation of innovative leaders for new Japan–Russia relations',
    '日露の新時代を拓く革新的リーダーの創出',
    'Подготовка инновационных лидеров новых японско-российских отношений',
  ),
  notes: [
    'Source document 000 gives the title, the goal, the three exchange types, the partners, the tri-district model and the Education Board.',
    'INVENTED: the Japanese title wording, numbers, dates, people, offices, clauses, curricula and attachments.',
  ],
  responsiblePerson: {
    ...person(
      'Reiko Representative (INVENTED)',
      '代表 玲子（架空）',
      'Director, Office of International Strategy',
      '国際戦略室長',
    ),
    email: 'rep.tohoku@demo.kakehashi.example',
    institutionId: 'tohoku.ac.jp',
  },
  outline: {
    // 1) source document 000: "Summary of Project", "Global Human Resource on the project"
    significance: {
      significance: t(
        'To make use of our deep ties with Russian universities and the Russian Academy of Sciences, and to foster those who build bridges between Japan and Russia through education, research, culture and industry.',
        'ロシアの大学およびロシア科学アカデミーとの深い結びつきを生かし、教育・研究・文化・産業の交流を通じて日露の架け橋となる人材を育成する。',
      ),
      objective: t(
        'Human resources with a high level of skills that will lead to new innovations between Japan and Russia.',
        '日露間の新たなイノベーションを牽引する高度な能力を持つ人材の育成。',
      ),
      goals: [
        t(
          '(1) Short-term exchange programs to increase mutual cultural awareness and knowledge.',
          '（1）相互の文化理解と知識を深める短期交流プログラム',
        ),
        t(
          '(2) Student exchange programs with mutually recognised credit transfer.',
          '（2）単位の相互認定を伴う学生交流プログラム',
        ),
        t(
          '(3) Graduate-level joint education programs built on the high-level research of both countries.',
          '（3）両国の高度な研究を生かした大学院レベルの共同教育プログラム',
        ),
        t(
          'Establish a Russian-Japanese Inter-University Education Board to seek double or joint degree programs and to plan and run exchanges (2) and (3).',
          '日露大学間教育評議会を設置し、ダブル・ジョイントディグリーの可能性を探るとともに、（2）（3）の交流を企画・運営する。',
        ),
      ],
    },
    // 2) source document 000: the partners, grouped in the tri-district model
    consortia: {
      home: {
        consortiumId: 'tohoku-jr-japan',
        name: t(
          'Japan–Russia innovative leaders: Japanese side',
          '日露新時代を拓く人材育成：日本側',
        ),
        representativeId: 'tohoku.ac.jp',
        members: [
          member(
            'tohoku.ac.jp',
            'university',
            t('Tohoku University', '東北大学', 'Университет Тохоку'),
            'JP',
            t('Sendai', '仙台市', 'Сендай'),
            t(
              'A national university in Sendai; the representative university of the project.',
              '仙台市にある国立大学。本事業の代表大学。',
            ),
            [
              {
                name: t('Graduate School of Science (INVENTED)', '理学研究科（架空）'),
                levels: ['master', 'doctor'],
                outline: t(
                  'INVENTED: joint research with the RAS branches.',
                  '（架空）ロシア科学アカデミー支部との共同研究。',
                ),
              },
              {
                name: t('School of Letters (INVENTED)', '文学部（架空）'),
                levels: ['bachelor'],
                outline: t(
                  'INVENTED: Russian language and culture.',
                  '（架空）ロシア語・ロシア文化。',
                ),
              },
            ],
          ),
        ],
      },
      partner: {
        consortiumId: 'tohoku-jr-russia',
        name: t(
          'Japan–Russia innovative leaders: Russian side',
          '日露新時代を拓く人材育成：ロシア側',
          'Лидеры новых японско-российских отношений: российская сторона',
        ),
        representativeId: 'msu.ru',
        members: [
          member(
            'msu.ru',
            'university',
            t(
              'Lomonosov Moscow State University',
              'モスクワ大学',
              'Московский государственный университет имени М. В. Ломоносова',
            ),
            'RU',
            t('Moscow', 'モスクワ', 'Москва'),
            t(
              'Partner of the Europe/Russia district.',
              'ヨーロッパ・ロシア地区のパートナー。',
              'Партнёр европейской части России.',
            ),
            [grad('Faculty of Physics (INVENTED)', '物理学部（架空）', 'Физический факультет')],
            EUROPE,
          ),
          member(
            'nsu.ru',
            'university',
            t(
              'Novosibirsk State University',
              'ノボシビルスク国立大学',
              'Новосибирский государственный университет',
            ),
            'RU',
            t('Novosibirsk', 'ノボシビルスク', 'Новосибирск'),
            t(
              'Partner of the Siberia district, with the Siberian Branch of the RAS.',
              'ロシア科学アカデミーシベリア支部とともにシベリア地区のパートナー。',
              'Партнёр сибирского округа вместе с СО РАН.',
            ),
            [
              grad(
                'Faculty of Natural Sciences (INVENTED)',
                '自然科学部（架空）',
                'Факультет естественных наук',
              ),
            ],
            SIBERIA,
          ),
          member(
            'sbras.ru',
            'academy_of_sciences',
            t(
              'Siberian Branch of the Russian Academy of Sciences',
              'ロシア科学アカデミーシベリア支部',
              'Сибирское отделение Российской академии наук',
            ),
            'RU',
            t('Novosibirsk', 'ノボシビルスク', 'Новосибирск'),
            t(
              'Research institutes hosting graduate joint education.',
              '大学院共同教育を受け入れる研究所群。',
              'Институты, принимающие аспирантов.',
            ),
            [],
            SIBERIA,
          ),
          member(
            'dvfu.ru',
            'university',
            t(
              'Far Eastern Federal University',
              '極東連邦大学',
              'Дальневосточный федеральный университет',
            ),
            'RU',
            t('Vladivostok', 'ウラジオストク', 'Владивосток'),
            t(
              'Partner of the Far East district, with the Far Eastern Branch of the RAS.',
              'ロシア科学アカデミー極東支部とともに極東地区のパートナー。',
              'Партнёр дальневосточного округа вместе с ДВО РАН.',
            ),
            [
              grad(
                'School of Regional and International Studies (INVENTED)',
                '地域国際学部（架空）',
                'Школа региональных и международных исследований',
              ),
            ],
            FAR_EAST,
          ),
          member(
            'febras.ru',
            'academy_of_sciences',
            t(
              'Far Eastern Branch of the Russian Academy of Sciences',
              'ロシア科学アカデミー極東支部',
              'Дальневосточное отделение Российской академии наук',
            ),
            'RU',
            t('Vladivostok', 'ウラジオストク', 'Владивосток'),
            t(
              'Research institutes hosting graduate joint education.',
              '大学院共同教育を受け入れる研究所群。',
              'Институты, принимающие аспирантов.',
            ),
            [],
            FAR_EAST,
          ),
        ],
      },
    },
    fields: [
      t('Natural sciences and engineering (INVENTED)', '自然科学・工学（架空）'),
      t(
        'Russian and Japanese studies, humanities and social sciences (INVENTED)',
        'ロシア・日本研究、人文社会科学（架空）',
      ),
    ],
    levels: ['bachelor', 'master', 'doctor'],
    curriculum: {
      languages: ['ja', 'ru', 'en'],
      lectures: t(
        'INVENTED: Russian/Japanese language courses; lectures in English at the graduate level.',
        '（架空）ロシア語・日本語科目、大学院では英語による講義。',
      ),
      schoolHours: t(
        'INVENTED: 90-minute periods; 15 weeks a term.',
        '（架空）1コマ90分、1学期15週。',
      ),
      credits: t('INVENTED: 2 credits per 15 periods.', '（架空）15コマで2単位。'),
      syllabus: t(
        'INVENTED: published in Japanese, Russian and English.',
        '（架空）日本語・ロシア語・英語で公開。',
      ),
    },
    // 6) source document 000: the Russian-Japanese Inter-University Education Board
    administration: t(
      'The Russian-Japanese Inter-University Education Board plans and runs the credit-transfer and graduate exchanges; INVENTED: it meets twice a year and reports to the Executive Vice President for international affairs.',
      '日露大学間教育評議会が単位互換交流と大学院交流を企画・運営する。（架空）年2回開催し、国際担当理事に報告する。',
    ),
    agreement: {
      title: t(
        'INVENTED: Agreement on Student Exchange between the Japanese and Russian Consortia',
        '（架空）日露コンソーシアム間学生交流協定',
        'ВЫМЫШЛЕНО: Соглашение о студенческом обмене между японским и российским консорциумами',
      ),
      signedOn: '2014-04-25', // INVENTED
      signatories: ['tohoku.ac.jp', 'msu.ru', 'nsu.ru', 'dvfu.ru'],
      copyAttachmentId: 'att-agreement',
      stipulatesScreening: true,
      stipulatesRecognition: true,
    },
    // 8) source document 000: the three exchange types
    implementation: {
      summary: t(
        'Three kinds of exchange, in the tri-district model of universities and academies of sciences.',
        '大学と科学アカデミーからなる3地区モデルにおける3種類の交流。',
      ),
      exchangeTypes: [
        {
          name: t('Short-term cultural exchange', '短期文化交流'),
          description: t(
            'To increase mutual cultural awareness and knowledge.',
            '相互の文化理解と知識を深める。',
          ),
          levels: ['bachelor'],
        },
        {
          name: t('Credit-transfer exchange', '単位互換交流'),
          description: t(
            'Student exchange with mutually recognised credit transfer.',
            '単位の相互認定を伴う学生交流。',
          ),
          levels: ['bachelor', 'master'],
        },
        {
          name: t('Graduate joint education', '大学院共同教育'),
          description: t(
            'Using the high-level research of both countries; a step towards double or joint degrees.',
            '両国の高度な研究を活用し、ダブル・ジョイントディグリーを目指す。',
          ),
          levels: ['master', 'doctor'],
        },
      ],
    },
    screening: {
      qualifications: t(
        'INVENTED: enrolled students with GPA ≥ 2.5 and language level B1.',
        '（架空）GPA2.5以上、語学力B1以上の在籍学生。',
      ),
      standards: t(
        'INVENTED: one common rubric (academic record, plan, language).',
        '（架空）共通評価基準（成績・計画・語学）。',
      ),
      methods: t(
        'INVENTED: documents and a joint online interview.',
        '（架空）書類審査と合同オンライン面接。',
      ),
      commonToBothSides: true,
    },
    // 10) INVENTED numbers, balanced both ways (short-term cultural visits are not counted)
    numbers: [
      {
        year: 1,
        fiscalYear: 2014,
        outbound: { students: 8, studentMonths: 48 },
        inbound: { students: 8, studentMonths: 48 },
      },
      {
        year: 2,
        fiscalYear: 2015,
        outbound: { students: 14, studentMonths: 96 },
        inbound: { students: 13, studentMonths: 90 },
      },
      {
        year: 3,
        fiscalYear: 2016,
        outbound: { students: 20, studentMonths: 150 },
        inbound: { students: 20, studentMonths: 144 },
      },
    ],
    schedule: {
      recruitment: t('INVENTED: calls in October and April.', '（架空）10月と4月に募集。'),
      start: t('INVENTED: departures in September and February.', '（架空）9月と2月に派遣開始。'),
      stayMonths: { min: 3, max: 12 },
      milestones: [
        { when: '2014-10', what: t('INVENTED: first call', '（架空）第1回募集') },
        { when: '2015-02', what: t('INVENTED: first departures', '（架空）初回派遣') },
      ],
    },
    tuitionWaiver: {
      stipulated: true,
      clause: t('INVENTED: Article 6 of the agreement', '（架空）協定第6条'),
      copyAttachmentId: 'att-agreement',
    },
    recognition: {
      system: t(
        'INVENTED: a common conversion table between Japanese credits, ECTS and Russian credit units, approved by the Education Board.',
        '（架空）日本の単位、ECTS、ロシアの単位の共通換算表を教育評議会が承認する。',
      ),
      commonToAllMembers: true,
    },
  },
  liaison: {
    office: {
      institutionId: 'tohoku.ac.jp',
      department: t(
        'INVENTED: Russia Exchange Office, International Affairs Division',
        '（架空）国際部ロシア交流室',
      ),
      person: person(
        'Kenji Coordinator (INVENTED)',
        'コーディネーター 健二（架空）',
        'Exchange coordinator',
        '交流コーディネーター',
        {
          email: 'coordinator.tohoku@demo.kakehashi.example',
        },
      ),
    },
    implementationFlow: [
      t('Call and common screening', '募集・共通選考'),
      t('Nomination to the host', '受入大学への推薦'),
      t('Learning agreement', '学習計画の合意'),
      t('Enrolment at the host', '受入大学での在籍'),
      t('Credit recognition at home', '在籍大学での単位認定'),
    ],
    enrolmentConfirmation: t(
      'INVENTED: the host’s international office confirms enrolment to the liaison office within 7 days of arrival.',
      '（架空）受入大学の国際室が到着後7日以内に在籍を連絡事務局に確認する。',
    ),
    representativeRole: t(
      'Receives the funds, checks enrolment, pays scholarships and tickets, keeps the ledger.',
      '資金を受け、在籍を確認し、奨学金と航空券を支払い、台帳を管理する。',
    ),
    memberRole: t(
      'Nominate students and forward enrolment confirmations.',
      '学生を推薦し、在籍確認を取り次ぐ。',
    ),
    travelOffice: {
      institutionId: 'tohoku.ac.jp',
      department: t('INVENTED: Finance Division, Travel Expenses Section', '（架空）財務部旅費係'),
      person: person('Taro Travel (INVENTED)', '旅費 太郎（架空）', 'Section chief', '係長'),
    },
  },
  plan: {
    consultations: [
      {
        when: '2014-09',
        where: t('Sendai', '仙台'),
        what: t('INVENTED: Education Board, first meeting', '（架空）教育評議会 第1回'),
      },
      {
        when: '2015-03',
        where: t('Novosibirsk', 'ノボシビルスク'),
        what: t('INVENTED: Education Board, second meeting', '（架空）教育評議会 第2回'),
      },
    ],
    evaluationDuring: t(
      'INVENTED: yearly self-evaluation and student surveys.',
      '（架空）毎年の自己評価と学生アンケート。',
    ),
    evaluationAfter: t(
      'INVENTED: external review in the final year.',
      '（架空）最終年度に外部評価。',
    ),
  },
  personsInCharge: [
    {
      ...person(
        'Hiroshi Head (INVENTED)',
        '責任 博（架空）',
        'Executive Vice President',
        '理事・副学長',
      ),
      institutionId: 'tohoku.ac.jp',
      role: t('Head of the project', '事業責任者'),
    },
    {
      ...person(
        'Ivan Otvetstvenny (INVENTED)',
        'イワン・オトヴェトストヴェンヌイ（架空）',
        'Vice-Rector for International Affairs',
        '国際担当副学長',
      ),
      name: t(
        'Ivan Otvetstvenny (INVENTED)',
        'イワン・オトヴェトストヴェンヌイ（架空）',
        'Иван Ответственный (вымышлен)',
      ),
      institutionId: 'msu.ru',
      role: t('Head on the Russian side', 'ロシア側責任者'),
    },
  ],
  attachments: [
    {
      id: 'att-agreement',
      kind: 'agreement-copy',
      title: t('Agreement (copy), INVENTED', '協定書（写し）（架空）'),
      language: 'en',
    },
    {
      id: 'att-sbras-consent',
      kind: 'member-consent',
      title: t(
        'SB RAS consent on screening and recognition (INVENTED)',
        'シベリア支部の同意書（架空）',
        'Согласие СО РАН',
      ),
      institutionId: 'sbras.ru',
      language: 'ru',
      consentsTo: ['screening', 'recognition'],
    },
    {
      id: 'att-sbras-consent-ja',
      kind: 'translation',
      title: t(
        'SB RAS consent, Japanese translation (INVENTED)',
        'シベリア支部の同意書 和訳（架空）',
      ),
      institutionId: 'sbras.ru',
      language: 'ja',
      translationOf: 'att-sbras-consent',
    },
    {
      id: 'att-febras-consent',
      kind: 'member-consent',
      title: t(
        'FEB RAS consent on screening and recognition (INVENTED)',
        '極東支部の同意書（架空）',
        'Согласие ДВО РАН',
      ),
      institutionId: 'febras.ru',
      language: 'ru',
      consentsTo: ['screening', 'recognition'],
    },
    {
      id: 'att-febras-consent-ja',
      kind: 'translation',
      title: t('FEB RAS consent, Japanese translation (INVENTED)', '極東支部の同意書 和訳（架空）'),
      institutionId: 'febras.ru',
      language: 'ja',
      translationOf: 'att-febras-consent',
    },
  ],
  submittedAt: '2014-05-20T10:00:00+09:00', // INVENTED
});

/**
 * INVENTED: a draft under the 2003 pilot program with only two Japanese universities, so it fails
 * R1 (003 §2(1), §5(1): three or more on each side). Otherwise complete, so R1 is what the checks show.
 */
export const DRAFT_FAILING_R1: ProjectApplication = projectApplicationSchema.parse({
  ...TOHOKU_JAPAN_RUSSIA,
  id: 'draft-hokkaido-niigata-2003',
  programId: 'mext-pilot-2003',
  status: 'draft',
  invented: true,
  title: t(
    'INVENTED: Sea of Japan rim student exchange (draft)',
    '（架空）環日本海学生交流（草案）',
    'ВЫМЫШЛЕНО: Студенческий обмен стран Японского моря (черновик)',
  ),
  notes: [
    'INVENTED for the demo: fails R1 with two Japanese universities (three required by 003 §5(1)).',
  ],
  responsiblePerson: {
    ...person(
      'Hana Hokkaido (INVENTED)',
      '北海 花（架空）',
      'Director, International Office',
      '国際部長',
    ),
    institutionId: 'hokudai.ac.jp',
  },
  outline: {
    ...TOHOKU_JAPAN_RUSSIA.outline,
    significance: {
      significance: t(
        'INVENTED: student exchange around the Sea of Japan.',
        '（架空）環日本海地域の学生交流。',
      ),
      objective: t(
        'INVENTED: regional experts for Japan and the Russian Far East and Siberia.',
        '（架空）日本とロシア極東・シベリアの地域専門家の育成。',
      ),
      goals: [t('INVENTED: 30 students a year each way.', '（架空）毎年双方向30名。')],
    },
    consortia: {
      home: {
        name: t(
          'INVENTED: Sea of Japan rim consortium (Japan)',
          '（架空）環日本海コンソーシアム（日本）',
        ),
        representativeId: 'hokudai.ac.jp',
        members: [
          member(
            'hokudai.ac.jp',
            'university',
            t('Hokkaido University', '北海道大学'),
            'JP',
            t('Sapporo', '札幌市'),
            t('INVENTED outline.', '（架空）概要。'),
            [],
          ),
          member(
            'niigata-u.ac.jp',
            'university',
            t('Niigata University', '新潟大学'),
            'JP',
            t('Niigata', '新潟市'),
            t('INVENTED outline.', '（架空）概要。'),
            [],
          ),
        ],
      },
      partner: {
        name: t(
          'INVENTED: Sea of Japan rim consortium (Russia)',
          '（架空）環日本海コンソーシアム（ロシア）',
        ),
        representativeId: 'dvfu.ru',
        members: [
          member(
            'dvfu.ru',
            'university',
            t(
              'Far Eastern Federal University',
              '極東連邦大学',
              'Дальневосточный федеральный университет',
            ),
            'RU',
            t('Vladivostok', 'ウラジオストク'),
            t('INVENTED outline.', '（架空）概要。'),
            [],
          ),
          member(
            'isu.ru',
            'university',
            t(
              'Irkutsk State University',
              'イルクーツク国立大学',
              'Иркутский государственный университет',
            ),
            'RU',
            t('Irkutsk', 'イルクーツク'),
            t('INVENTED outline.', '（架空）概要。'),
            [],
          ),
          member(
            'asu.ru',
            'university',
            t(
              'Altai State University',
              'アルタイ国立大学',
              'Алтайский государственный университет',
            ),
            'RU',
            t('Barnaul', 'バルナウル'),
            t('INVENTED outline.', '（架空）概要。'),
            [],
          ),
        ],
      },
    },
    agreement: {
      title: t('INVENTED: Sea of Japan rim exchange agreement', '（架空）環日本海交流協定'),
      signedOn: '2003-04-15',
      signatories: ['hokudai.ac.jp', 'niigata-u.ac.jp', 'dvfu.ru', 'isu.ru', 'asu.ru'],
      copyAttachmentId: 'att-agreement',
      stipulatesScreening: true,
      stipulatesRecognition: true,
    },
    numbers: [
      {
        year: 1,
        fiscalYear: 2003,
        outbound: { students: 10, studentMonths: 60 },
        inbound: { students: 10, studentMonths: 60 },
      },
      {
        year: 2,
        fiscalYear: 2004,
        outbound: { students: 20, studentMonths: 180 },
        inbound: { students: 20, studentMonths: 180 },
      },
      {
        year: 3,
        fiscalYear: 2005,
        outbound: { students: 30, studentMonths: 360 },
        inbound: { students: 30, studentMonths: 360 },
      },
    ],
  },
  liaison: {
    ...TOHOKU_JAPAN_RUSSIA.liaison,
    office: { ...TOHOKU_JAPAN_RUSSIA.liaison.office, institutionId: 'hokudai.ac.jp' },
    travelOffice: { ...TOHOKU_JAPAN_RUSSIA.liaison.travelOffice, institutionId: 'hokudai.ac.jp' },
  },
  personsInCharge: [
    {
      ...person(
        'Hana Hokkaido (INVENTED)',
        '北海 花（架空）',
        'Director, International Office',
        '国際部長',
      ),
      institutionId: 'hokudai.ac.jp',
      role: t('Head of the project', '事業責任者'),
    },
  ],
  attachments: [
    {
      id: 'att-agreement',
      kind: 'agreement-copy',
      title: t('Agreement (copy), INVENTED', '協定書（写し）（架空）'),
      language: 'en',
    },
  ],
  submittedAt: undefined,
});

export const DEMO_APPLICATIONS: readonly ProjectApplication[] = [
  TOHOKU_JAPAN_RUSSIA,
  DRAFT_FAILING_R1,
];
