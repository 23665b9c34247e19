/**
 * The world of the source documents 000–004, as the demo data: their organisations, cities and
 * coordinates. People are invented and marked so.
 */
import type { PersonNames } from '../../domain/shared/names.ts';
import type { Language } from '../../domain/shared/refusal.ts';
import type { Names } from '../schema.ts';

export interface DemoInstitution {
  id: string;
  name: string;
  names: Names;
  type: 'university' | 'academy_branch' | 'company' | 'ministry';
  country: string;
  city: string;
  latitude: number;
  longitude: number;
  website: string;
}

const inst = (
  id: string,
  type: DemoInstitution['type'],
  name: string,
  other: Names,
  country: string,
  city: string,
  latitude: number,
  longitude: number,
): DemoInstitution => ({
  id,
  type,
  name,
  names: { en: name, ...other },
  country,
  city,
  latitude,
  longitude,
  website: `https://www.${id}/`,
});

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  inst(
    'mext.go.jp',
    'ministry',
    'Ministry of Education, Culture, Sports, Science and Technology (MEXT)',
    {
      ja: '文部科学省',
      ru: 'Министерство образования, культуры, спорта, науки и технологий Японии',
      fr: 'Ministère de l’Éducation, de la Culture, des Sports, des Sciences et de la Technologie (MEXT)',
    },
    'JP',
    'Tokyo',
    35.67,
    139.75,
  ),
  inst(
    'tohoku.ac.jp',
    'university',
    'Tohoku University',
    { ja: '東北大学', ru: 'Университет Тохоку' },
    'JP',
    'Sendai',
    38.25,
    140.87,
  ),
  inst(
    'msu.ru',
    'university',
    'Lomonosov Moscow State University',
    { ru: 'Московский государственный университет имени М. В. Ломоносова', ja: 'モスクワ大学' },
    'RU',
    'Moscow',
    55.7,
    37.53,
  ),
  inst(
    'nsu.ru',
    'university',
    'Novosibirsk State University',
    { ru: 'Новосибирский государственный университет', ja: 'ノボシビルスク国立大学' },
    'RU',
    'Novosibirsk',
    54.84,
    83.09,
  ),
  inst(
    'sbras.ru',
    'academy_branch',
    'Siberian Branch of the Russian Academy of Sciences',
    { ru: 'Сибирское отделение Российской академии наук', ja: 'ロシア科学アカデミーシベリア支部' },
    'RU',
    'Novosibirsk',
    54.85,
    83.11,
  ),
  inst(
    'dvfu.ru',
    'university',
    'Far Eastern Federal University',
    { ru: 'Дальневосточный федеральный университет', ja: '極東連邦大学' },
    'RU',
    'Vladivostok',
    43.02,
    131.89,
  ),
  inst(
    'febras.ru',
    'academy_branch',
    'Far Eastern Branch of the Russian Academy of Sciences',
    {
      ru: 'Дальневосточное отделение Российской академии наук',
      ja: 'ロシア科学アカデミー極東支部',
    },
    'RU',
    'Vladivostok',
    43.12,
    131.89,
  ),
  inst(
    'rosnou.ru',
    'university',
    'Russian New University',
    { ru: 'Российский новый университет', ja: 'ロシア新大学' },
    'RU',
    'Moscow',
    55.8,
    37.7,
  ),
  inst(
    'hokudai.ac.jp',
    'university',
    'Hokkaido University',
    { ja: '北海道大学', ru: 'Университет Хоккайдо' },
    'JP',
    'Sapporo',
    43.07,
    141.35,
  ),
  inst(
    'asu.ru',
    'university',
    'Altai State University',
    { ru: 'Алтайский государственный университет', ja: 'アルタイ国立大学' },
    'RU',
    'Barnaul',
    53.35,
    83.77,
  ),
  inst(
    'niigata-u.ac.jp',
    'university',
    'Niigata University',
    { ja: '新潟大学', ru: 'Университет Ниигаты' },
    'JP',
    'Niigata',
    37.87,
    138.94,
  ),
  inst(
    'kanazawa-u.ac.jp',
    'university',
    'Kanazawa University',
    { ja: '金沢大学', ru: 'Университет Канадзавы' },
    'JP',
    'Kanazawa',
    36.54,
    136.71,
  ),
  inst(
    'kpfu.ru',
    'university',
    'Kazan Federal University',
    { ru: 'Казанский федеральный университет', ja: 'カザン連邦大学' },
    'RU',
    'Kazan',
    55.79,
    49.12,
  ),
  inst(
    'krasgmu.ru',
    'university',
    'Krasnoyarsk State Medical University',
    {
      ru: 'Красноярский государственный медицинский университет',
      ja: 'クラスノヤルスク国立医科大学',
    },
    'RU',
    'Krasnoyarsk',
    56.02,
    92.83,
  ),
  inst(
    '1spbgmu.ru',
    'university',
    'Pavlov First Saint Petersburg State Medical University',
    {
      ru: 'Первый Санкт-Петербургский государственный медицинский университет имени академика И. П. Павлова',
      ja: 'パブロフ記念第一サンクトペテルブルク国立医科大学',
    },
    'RU',
    'Saint Petersburg',
    59.97,
    30.32,
  ),
  inst(
    'isu.ru',
    'university',
    'Irkutsk State University',
    { ru: 'Иркутский государственный университет', ja: 'イルクーツク国立大学' },
    'RU',
    'Irkutsk',
    52.28,
    104.28,
  ),
  inst(
    'tsukuba.ac.jp',
    'university',
    'University of Tsukuba',
    { ja: '筑波大学', fr: 'Université de Tsukuba' },
    'JP',
    'Tsukuba',
    36.11,
    140.1,
  ),
  inst(
    'univ-grenoble-alpes.fr',
    'university',
    'Université Grenoble Alpes',
    { fr: 'Université Grenoble Alpes', ja: 'グルノーブル・アルプ大学' },
    'FR',
    'Grenoble',
    45.19,
    5.77,
  ),
  inst(
    'airliquide.com',
    'company',
    'Air Liquide',
    { fr: 'Air Liquide', ja: 'エア・リキード' },
    'FR',
    'Paris',
    48.87,
    2.31,
  ),
];

/**
 * The tri-district model of source document 000. It names MSU (Europe/Russia), NSU with SB RAS
 * (Siberia) and FEFU with FEB RAS (Far East); the other Russian members of the source documents are
 * placed by geography.
 */
export const DEMO_DISTRICTS = [
  {
    id: 'district-europe-russia',
    name: 'Europe/Russia district',
    names: {
      en: 'Europe/Russia district',
      ja: '欧州ロシア地区',
      ru: 'Европейская часть России',
      fr: 'District Europe/Russie',
    },
    members: ['msu.ru', 'rosnou.ru', 'kpfu.ru', '1spbgmu.ru'],
  },
  {
    id: 'district-siberia',
    name: 'Siberia district',
    names: { en: 'Siberia district', ja: 'シベリア地区', ru: 'Сибирь', fr: 'District de Sibérie' },
    members: ['nsu.ru', 'sbras.ru', 'asu.ru', 'krasgmu.ru', 'isu.ru'],
  },
  {
    id: 'district-far-east',
    name: 'Far East district',
    names: {
      en: 'Far East district',
      ja: '極東地区',
      ru: 'Дальний Восток',
      fr: 'District de l’Extrême-Orient',
    },
    members: ['dvfu.ru', 'febras.ru'],
  },
];

export interface DemoConsortium {
  id: string;
  name: string;
  names: Names;
  kind: 'consortium' | 'association' | 'alliance';
  side: string | null;
  representativeId: string | null;
  foundedOn: string | null;
  description: string;
  invented: boolean;
  responsiblePerson?: string;
  members: { id: string; joinedOn: string }[];
}

export const DEMO_CONSORTIA: DemoConsortium[] = [
  {
    id: 'tohoku-jr-japan',
    name: 'Japan–Russia innovative leaders: Japanese side',
    names: {
      en: 'Japan–Russia innovative leaders: Japanese side',
      ja: '日露新時代を拓く人材育成：日本側',
      ru: 'Лидеры новых японско-российских отношений: японская сторона',
      fr: 'Leaders innovants Japon–Russie : côté japonais',
    },
    kind: 'consortium',
    side: 'JP',
    representativeId: 'tohoku.ac.jp',
    responsiblePerson: 'Reiko Representative (invented)',
    foundedOn: '2014-04-01',
    description:
      'Source document 000: Tohoku University’s project adopted under the Inter-University Exchange Project in FY2014.',
    invented: false,
    members: [{ id: 'tohoku.ac.jp', joinedOn: '2014-04-01' }],
  },
  {
    id: 'tohoku-jr-russia',
    name: 'Japan–Russia innovative leaders: Russian side',
    names: {
      en: 'Japan–Russia innovative leaders: Russian side',
      ja: '日露新時代を拓く人材育成：ロシア側',
      ru: 'Лидеры новых японско-российских отношений: российская сторона',
      fr: 'Leaders innovants Japon–Russie : côté russe',
    },
    kind: 'consortium',
    side: 'RU',
    representativeId: 'msu.ru',
    foundedOn: '2014-04-01',
    description:
      'Source document 000: Moscow State University; Novosibirsk State University with the Siberian Branch of the RAS; Far Eastern Federal University with the Far Eastern Branch of the RAS.',
    invented: false,
    members: ['msu.ru', 'nsu.ru', 'sbras.ru', 'dvfu.ru', 'febras.ru'].map((id) => ({
      id,
      joinedOn: '2014-04-01',
    })),
  },
  {
    id: 'ajru',
    name: 'Association of Japanese and Russian Universities',
    names: {
      en: 'Association of Japanese and Russian Universities',
      ja: '日露大学協会',
      ru: 'Ассоциация японских и российских университетов',
      fr: 'Association des universités japonaises et russes',
    },
    kind: 'association',
    side: null,
    representativeId: null,
    foundedOn: null,
    description:
      'Source document 001: 21 members per side at its founding, 27 per side by October 2019. Members the source documents name are listed by name; the others are invented examples, marked so, so that the counts match. Congresses alternate between the countries: the first in Sapporo (May 2018), the second in Moscow (September 2019), the next expected in Niigata.',
    invented: false,
    // Members over time, with placeholders for those the seed does not name: demo-exchanges.ts.
    members: [],
  },
  {
    id: 'rjilt',
    name: 'Russia-Japan Innovative Leaders of Tomorrow',
    names: {
      en: 'Russia-Japan Innovative Leaders of Tomorrow',
      ja: '日露の明日を担う革新的リーダー',
      ru: 'Инновационные лидеры России и Японии завтрашнего дня',
      fr: 'Leaders innovants Russie-Japon de demain',
    },
    kind: 'consortium',
    side: null,
    representativeId: 'kanazawa-u.ac.jp',
    foundedOn: null,
    description:
      'Source document 002: Kanazawa University’s inter-university project and its three programs; members as of Russian Week 2021.',
    invented: false,
    members: ['kanazawa-u.ac.jp', 'kpfu.ru', 'krasgmu.ru', '1spbgmu.ru', 'isu.ru'].map((id) => ({
      id,
      joinedOn: '2021-09-29',
    })),
  },
  {
    id: 'cic',
    name: 'Campus-in-Campus alliance',
    names: {
      en: 'Campus-in-Campus alliance',
      ja: 'キャンパス・イン・キャンパス',
      ru: 'Альянс «Кампус в кампусе»',
      fr: 'Alliance Campus-in-Campus',
    },
    kind: 'alliance',
    side: null,
    representativeId: 'tsukuba.ac.jp',
    foundedOn: '2017-01-01',
    description:
      'Source document 004: created in 2017 by the University of Tsukuba, Université Grenoble Alpes and about a dozen leading universities; runs the Course Jukebox.',
    invented: false,
    members: ['tsukuba.ac.jp', 'univ-grenoble-alpes.fr'].map((id) => ({
      id,
      joinedOn: '2017-01-01',
    })),
  },
  {
    id: 'sea-of-japan-rim-jp',
    name: 'Sea of Japan rim consortium (Japan) — invented',
    names: {
      en: 'Sea of Japan rim consortium (Japan) — invented',
      ja: '（架空）環日本海コンソーシアム（日本）',
      ru: 'Консорциум стран Японского моря (Япония) — вымышлен',
      fr: 'Consortium de la mer du Japon (Japon) — fictif',
    },
    kind: 'consortium',
    side: 'JP',
    representativeId: 'hokudai.ac.jp',
    foundedOn: '2003-04-01',
    description:
      'Invented for the demo: a draft application that fails R1 (two Japanese universities).',
    invented: true,
    responsiblePerson: 'Hana Hokkaido (invented)',
    members: ['hokudai.ac.jp', 'niigata-u.ac.jp'].map((id) => ({ id, joinedOn: '2003-04-01' })),
  },
];

export const DEMO_PROGRAMS = [
  {
    id: 'mext-pilot-2003',
    name: 'Advanced Student Exchange Pilot Project Support Program',
    names: {
      en: 'Advanced Student Exchange Pilot Project Support Program',
      ja: '先導的留学生交流プログラム支援制度',
    },
    funderId: 'mext.go.jp',
  },
  {
    id: 'mext-iep-2014',
    name: 'Inter-University Exchange Project (FY2014: Russia and India)',
    names: {
      en: 'Inter-University Exchange Project (FY2014: Russia and India)',
      ja: '大学の世界展開力強化事業（平成26年度：ロシア、インド）',
    },
    funderId: 'mext.go.jp',
  },
];

/** Demo accounts, one per role. All invented. `self` scopes are filled with the user's own id. */
export const DEMO_USERS: {
  email: string;
  displayName: string;
  /** the language their notifications and e-mails are in */
  language: Language;
  /** the name in the scripts the person writes it in */
  names: PersonNames;
  platformAdmin?: boolean;
  roles: { role: string; scopeType: string; scopeId: string | 'self' }[];
}[] = [
  {
    email: 'admin@demo.kakehashi.example',
    displayName: 'Aiko Admin',
    language: 'en',
    names: { latin: 'Aiko Admin', kanji: '管理 愛子', kana: 'かんり あいこ' },
    platformAdmin: true,
    roles: [],
  },
  {
    email: 'funder@demo.kakehashi.example',
    displayName: 'Fumio Funder',
    language: 'ja',
    names: { latin: 'Fumio Funder', kanji: '資金 文雄', kana: 'しきん ふみお' },
    roles: [
      { role: 'funder_officer', scopeType: 'program', scopeId: 'mext-iep-2014' },
      { role: 'funder_officer', scopeType: 'program', scopeId: 'mext-pilot-2003' },
    ],
  },
  {
    email: 'rep.tohoku@demo.kakehashi.example',
    displayName: 'Reiko Representative',
    language: 'ja',
    names: { latin: 'Reiko Representative', kanji: '代表 玲子', kana: 'だいひょう れいこ' },
    roles: [{ role: 'rep_officer', scopeType: 'consortium', scopeId: 'tohoku-jr-japan' }],
  },
  {
    email: 'coordinator.tohoku@demo.kakehashi.example',
    displayName: 'Kenji Coordinator',
    language: 'ja',
    names: { latin: 'Kenji Coordinator', kanji: '調整 健二', kana: 'ちょうせい けんじ' },
    roles: [{ role: 'coordinator', scopeType: 'institution', scopeId: 'tohoku.ac.jp' }],
  },
  {
    email: 'coordinator.nsu@demo.kakehashi.example',
    displayName: 'Natalia Koordinatorova',
    language: 'ru',
    names: { latin: 'Natalia Koordinatorova', cyrillic: 'Наталья Координаторова' },
    roles: [{ role: 'coordinator', scopeType: 'institution', scopeId: 'nsu.ru' }],
  },
  {
    email: 'reviewer@demo.kakehashi.example',
    displayName: 'Ryo Reviewer',
    language: 'ja',
    names: { latin: 'Ryo Reviewer', kanji: '審査 亮', kana: 'しんさ りょう' },
    roles: [{ role: 'reviewer', scopeType: 'call', scopeId: 'tohoku-jr-2015' }],
  },
  {
    email: 'student.tohoku@demo.kakehashi.example',
    displayName: 'Sakura Student',
    language: 'ja',
    names: { latin: 'Sakura Student', kanji: '学生 さくら', kana: 'がくせい さくら' },
    roles: [{ role: 'student', scopeType: 'self', scopeId: 'self' }],
  },
  {
    email: 'rep.hokudai@demo.kakehashi.example',
    displayName: 'Hana Hokkaido',
    language: 'ja',
    names: { latin: 'Hana Hokkaido', kanji: '北海道 花', kana: 'ほっかいどう はな' },
    roles: [
      { role: 'rep_officer', scopeType: 'consortium', scopeId: 'sea-of-japan-rim-jp' },
      { role: 'coordinator', scopeType: 'institution', scopeId: 'hokudai.ac.jp' },
    ],
  },
  {
    email: 'secretariat@demo.kakehashi.example',
    displayName: 'Sergei Secretariat',
    language: 'ru',
    names: { latin: 'Sergei Secretariat', cyrillic: 'Сергей Секретариатов' },
    roles: [{ role: 'secretariat', scopeType: 'association', scopeId: 'ajru' }],
  },
];
