/**
 * Demo exchanges: the association's membership over time (source document 001), agreements (source
 * documents 000 and 004), the Irkutsk liaison office (source document 002) and synthetic mobilities
 * for the ledger. Dates the source documents do not give are marked as assumptions; invented
 * records carry `invented`.
 */
import type { AgreementContent } from '../../domain/agreement/agreement.ts';
import type { DemoInstitution } from './demo-world.ts';

/** Source document 001: 21 members per side at the founding, 27 per side by October 2019. */
export const AJRU_FOUNDING = '2017-01-01'; // assumption: the seed gives no founding date
export const AJRU_GROWTH = '2019-06-01'; // assumption: "by October 2019"
export const AJRU_NAMED = {
  JP: ['hokudai.ac.jp', 'niigata-u.ac.jp'],
  RU: ['rosnou.ru', 'asu.ru'],
};
export const AJRU_FOUNDING_PER_SIDE = 21;
export const AJRU_OCTOBER_2019_PER_SIDE = 27;

interface InventedMember {
  side: 'JP' | 'RU';
  slug: string;
  city: string;
  latitude: number;
  longitude: number;
  names: { ja: string; en: string; ru: string; fr: string };
}

/** Invented examples for the members source document 001 counts but does not name (25 per side). */
export const AJRU_INVENTED_MEMBERS: InventedMember[] = [
  {
    side: 'JP',
    slug: 'hakodate-minato',
    city: 'Hakodate',
    latitude: 41.77,
    longitude: 140.73,
    names: {
      ja: '函館みなと大学',
      en: 'Hakodate Minato University',
      ru: 'Университет Минато (Хакодатэ)',
      fr: 'Université Minato de Hakodate',
    },
  },
  {
    side: 'JP',
    slug: 'kushiro-shiokaze',
    city: 'Kushiro',
    latitude: 42.98,
    longitude: 144.38,
    names: {
      ja: '釧路しおかぜ大学',
      en: 'Kushiro Shiokaze University',
      ru: 'Университет Сиокадзэ (Кусиро)',
      fr: 'Université Shiokaze de Kushiro',
    },
  },
  {
    side: 'JP',
    slug: 'aomori-aoba',
    city: 'Aomori',
    latitude: 40.82,
    longitude: 140.74,
    names: {
      ja: '青森あおば大学',
      en: 'Aomori Aoba University',
      ru: 'Университет Аоба (Аомори)',
      fr: 'Université Aoba d’Aomori',
    },
  },
  {
    side: 'JP',
    slug: 'akita-kagayaki',
    city: 'Akita',
    latitude: 39.72,
    longitude: 140.1,
    names: {
      ja: '秋田かがやき大学',
      en: 'Akita Kagayaki University',
      ru: 'Университет Кагаяки (Акита)',
      fr: 'Université Kagayaki d’Akita',
    },
  },
  {
    side: 'JP',
    slug: 'morioka-hikari',
    city: 'Morioka',
    latitude: 39.7,
    longitude: 141.15,
    names: {
      ja: '盛岡ひかり大学',
      en: 'Morioka Hikari University',
      ru: 'Университет Хикари (Мориока)',
      fr: 'Université Hikari de Morioka',
    },
  },
  {
    side: 'JP',
    slug: 'yamagata-sakuranbo',
    city: 'Yamagata',
    latitude: 38.24,
    longitude: 140.36,
    names: {
      ja: '山形さくらんぼ大学',
      en: 'Yamagata Sakuranbo University',
      ru: 'Университет Сакуранбо (Ямагата)',
      fr: 'Université Sakuranbo de Yamagata',
    },
  },
  {
    side: 'JP',
    slug: 'fukushima-asaka',
    city: 'Fukushima',
    latitude: 37.75,
    longitude: 140.47,
    names: {
      ja: '福島あさか大学',
      en: 'Fukushima Asaka University',
      ru: 'Университет Асака (Фукусима)',
      fr: 'Université Asaka de Fukushima',
    },
  },
  {
    side: 'JP',
    slug: 'toyama-tateyama',
    city: 'Toyama',
    latitude: 36.7,
    longitude: 137.21,
    names: {
      ja: '富山たてやま大学',
      en: 'Toyama Tateyama University',
      ru: 'Университет Татэяма (Тояма)',
      fr: 'Université Tateyama de Toyama',
    },
  },
  {
    side: 'JP',
    slug: 'fukui-echizen',
    city: 'Fukui',
    latitude: 36.06,
    longitude: 136.22,
    names: {
      ja: '福井えちぜん大学',
      en: 'Fukui Echizen University',
      ru: 'Университет Эчидзэн (Фукуи)',
      fr: 'Université Echizen de Fukui',
    },
  },
  {
    side: 'JP',
    slug: 'tottori-sunaoka',
    city: 'Tottori',
    latitude: 35.5,
    longitude: 134.24,
    names: {
      ja: '鳥取すなおか大学',
      en: 'Tottori Sunaoka University',
      ru: 'Университет Сунаока (Тоттори)',
      fr: 'Université Sunaoka de Tottori',
    },
  },
  {
    side: 'JP',
    slug: 'matsue-shinjiko',
    city: 'Matsue',
    latitude: 35.47,
    longitude: 133.05,
    names: {
      ja: '松江しんじ湖大学',
      en: 'Matsue Shinjiko University',
      ru: 'Университет Синдзико (Мацуэ)',
      fr: 'Université Shinjiko de Matsue',
    },
  },
  {
    side: 'JP',
    slug: 'sendai-miyagino',
    city: 'Sendai',
    latitude: 38.27,
    longitude: 140.87,
    names: {
      ja: '仙台みやぎの大学',
      en: 'Sendai Miyagino University',
      ru: 'Университет Мияги-но (Сендай)',
      fr: 'Université Miyagino de Sendai',
    },
  },
  {
    side: 'JP',
    slug: 'sapporo-hokko',
    city: 'Sapporo',
    latitude: 43.06,
    longitude: 141.35,
    names: {
      ja: '札幌ほっこう大学',
      en: 'Sapporo Hokko University',
      ru: 'Университет Хокко (Саппоро)',
      fr: 'Université Hokko de Sapporo',
    },
  },
  {
    side: 'JP',
    slug: 'asahikawa-daisetsu',
    city: 'Asahikawa',
    latitude: 43.77,
    longitude: 142.36,
    names: {
      ja: '旭川だいせつ大学',
      en: 'Asahikawa Daisetsu University',
      ru: 'Университет Дайсэцу (Асахикава)',
      fr: 'Université Daisetsu d’Asahikawa',
    },
  },
  {
    side: 'JP',
    slug: 'obihiro-tokachino',
    city: 'Obihiro',
    latitude: 42.92,
    longitude: 143.2,
    names: {
      ja: '帯広とかち野大学',
      en: 'Obihiro Tokachino University',
      ru: 'Университет Токатино (Обихиро)',
      fr: 'Université Tokachino d’Obihiro',
    },
  },
  {
    side: 'JP',
    slug: 'nagaoka-yukiguni',
    city: 'Nagaoka',
    latitude: 37.45,
    longitude: 138.85,
    names: {
      ja: '長岡ゆきぐに大学',
      en: 'Nagaoka Yukiguni University',
      ru: 'Университет Юкигуни (Нагаока)',
      fr: 'Université Yukiguni de Nagaoka',
    },
  },
  {
    side: 'JP',
    slug: 'joetsu-hamanasu',
    city: 'Joetsu',
    latitude: 37.15,
    longitude: 138.24,
    names: {
      ja: '上越はまなす大学',
      en: 'Joetsu Hamanasu University',
      ru: 'Университет Хаманасу (Дзёэцу)',
      fr: 'Université Hamanasu de Joetsu',
    },
  },
  {
    side: 'JP',
    slug: 'tsuruoka-dewa',
    city: 'Tsuruoka',
    latitude: 38.73,
    longitude: 139.83,
    names: {
      ja: '鶴岡でわ大学',
      en: 'Tsuruoka Dewa University',
      ru: 'Университет Дэва (Цуруока)',
      fr: 'Université Dewa de Tsuruoka',
    },
  },
  {
    side: 'JP',
    slug: 'sakata-mogami',
    city: 'Sakata',
    latitude: 38.91,
    longitude: 139.84,
    names: {
      ja: '酒田もがみ大学',
      en: 'Sakata Mogami University',
      ru: 'Университет Могами (Саката)',
      fr: 'Université Mogami de Sakata',
    },
  },
  {
    side: 'JP',
    slug: 'maizuru-wakasa',
    city: 'Maizuru',
    latitude: 35.47,
    longitude: 135.39,
    names: {
      ja: '舞鶴わかさ大学',
      en: 'Maizuru Wakasa University',
      ru: 'Университет Вакаса (Майдзуру)',
      fr: 'Université Wakasa de Maizuru',
    },
  },
  {
    side: 'JP',
    slug: 'hirosaki-ringo',
    city: 'Hirosaki',
    latitude: 40.6,
    longitude: 140.46,
    names: {
      ja: '弘前りんご大学',
      en: 'Hirosaki Ringo University',
      ru: 'Университет Ринго (Хиросаки)',
      fr: 'Université Ringo de Hirosaki',
    },
  },
  {
    side: 'JP',
    slug: 'otaru-unga',
    city: 'Otaru',
    latitude: 43.19,
    longitude: 141.0,
    names: {
      ja: '小樽うんが大学',
      en: 'Otaru Unga University',
      ru: 'Университет Унга (Отару)',
      fr: 'Université Unga d’Otaru',
    },
  },
  {
    side: 'JP',
    slug: 'wakkanai-soya',
    city: 'Wakkanai',
    latitude: 45.42,
    longitude: 141.67,
    names: {
      ja: '稚内そうや大学',
      en: 'Wakkanai Soya University',
      ru: 'Университет Соя (Вакканай)',
      fr: 'Université Soya de Wakkanai',
    },
  },
  {
    side: 'JP',
    slug: 'noshiro-shirakami',
    city: 'Noshiro',
    latitude: 40.21,
    longitude: 140.03,
    names: {
      ja: '能代しらかみ大学',
      en: 'Noshiro Shirakami University',
      ru: 'Университет Сираками (Носиро)',
      fr: 'Université Shirakami de Noshiro',
    },
  },
  {
    side: 'JP',
    slug: 'nanao-noto',
    city: 'Nanao',
    latitude: 37.04,
    longitude: 136.97,
    names: {
      ja: '七尾のと大学',
      en: 'Nanao Noto University',
      ru: 'Университет Ното (Нанао)',
      fr: 'Université Noto de Nanao',
    },
  },
  {
    side: 'RU',
    slug: 'zolotoy-rog',
    city: 'Vladivostok',
    latitude: 43.12,
    longitude: 131.89,
    names: {
      ru: 'Владивостокский университет «Золотой Рог»',
      en: 'Zolotoy Rog University, Vladivostok',
      ja: 'ウラジオストク「金角」大学',
      fr: 'Université Zolotoï Rog de Vladivostok',
    },
  },
  {
    side: 'RU',
    slug: 'amursky-bereg',
    city: 'Khabarovsk',
    latitude: 48.48,
    longitude: 135.08,
    names: {
      ru: 'Хабаровский университет «Амурский берег»',
      en: 'Amursky Bereg University, Khabarovsk',
      ja: 'ハバロフスク「アムール岸」大学',
      fr: 'Université Amourski Bereg de Khabarovsk',
    },
  },
  {
    side: 'RU',
    slug: 'vostochny-mys',
    city: 'Yuzhno-Sakhalinsk',
    latitude: 46.96,
    longitude: 142.74,
    names: {
      ru: 'Сахалинский университет «Восточный мыс»',
      en: 'Vostochny Mys University, Yuzhno-Sakhalinsk',
      ja: 'ユジノサハリンスク「東岬」大学',
      fr: 'Université Vostotchny Mys de Ioujno-Sakhalinsk',
    },
  },
  {
    side: 'RU',
    slug: 'vulkan',
    city: 'Petropavlovsk-Kamchatsky',
    latitude: 53.04,
    longitude: 158.65,
    names: {
      ru: 'Камчатский университет «Вулкан»',
      en: 'Vulkan University, Petropavlovsk-Kamchatsky',
      ja: 'ペトロパブロフスク・カムチャツキー「火山」大学',
      fr: 'Université Vulkan de Petropavlovsk-Kamtchatski',
    },
  },
  {
    side: 'RU',
    slug: 'severny-put',
    city: 'Magadan',
    latitude: 59.56,
    longitude: 150.8,
    names: {
      ru: 'Магаданский университет «Северный путь»',
      en: 'Severny Put University, Magadan',
      ja: 'マガダン「北の道」大学',
      fr: 'Université Severny Put de Magadan',
    },
  },
  {
    side: 'RU',
    slug: 'polyarnoe-siyanie',
    city: 'Yakutsk',
    latitude: 62.03,
    longitude: 129.73,
    names: {
      ru: 'Якутский университет «Полярное сияние»',
      en: 'Polyarnoe Siyanie University, Yakutsk',
      ja: 'ヤクーツク「極光」大学',
      fr: 'Université Poliarnoïe Siianie de Iakoutsk',
    },
  },
  {
    side: 'RU',
    slug: 'baikalskaya-volna',
    city: 'Irkutsk',
    latitude: 52.29,
    longitude: 104.28,
    names: {
      ru: 'Иркутский университет «Байкальская волна»',
      en: 'Baikalskaya Volna University, Irkutsk',
      ja: 'イルクーツク「バイカルの波」大学',
      fr: 'Université Baïkalskaïa Volna d’Irkoutsk',
    },
  },
  {
    side: 'RU',
    slug: 'selenga',
    city: 'Ulan-Ude',
    latitude: 51.83,
    longitude: 107.58,
    names: {
      ru: 'Улан-Удэнский университет «Селенга»',
      en: 'Selenga University, Ulan-Ude',
      ja: 'ウラン・ウデ「セレンガ」大学',
      fr: 'Université Selenga d’Oulan-Oude',
    },
  },
  {
    side: 'RU',
    slug: 'dauriya',
    city: 'Chita',
    latitude: 52.03,
    longitude: 113.5,
    names: {
      ru: 'Читинский университет «Даурия»',
      en: 'Dauriya University, Chita',
      ja: 'チタ「ダウリア」大学',
      fr: 'Université Daouria de Tchita',
    },
  },
  {
    side: 'RU',
    slug: 'stolby',
    city: 'Krasnoyarsk',
    latitude: 56.01,
    longitude: 92.87,
    names: {
      ru: 'Красноярский университет «Столбы»',
      en: 'Stolby University, Krasnoyarsk',
      ja: 'クラスノヤルスク「ストルビ」大学',
      fr: 'Université Stolby de Krasnoïarsk',
    },
  },
  {
    side: 'RU',
    slug: 'sibirsky-trakt',
    city: 'Tomsk',
    latitude: 56.48,
    longitude: 84.95,
    names: {
      ru: 'Томский университет «Сибирский тракт»',
      en: 'Sibirsky Trakt University, Tomsk',
      ja: 'トムスク「シベリア街道」大学',
      fr: 'Université Sibirski Trakt de Tomsk',
    },
  },
  {
    side: 'RU',
    slug: 'irtyshsky-bereg',
    city: 'Omsk',
    latitude: 54.99,
    longitude: 73.37,
    names: {
      ru: 'Омский университет «Иртышский берег»',
      en: 'Irtyshsky Bereg University, Omsk',
      ja: 'オムスク「イルティシ岸」大学',
      fr: 'Université Irtychski Bereg d’Omsk',
    },
  },
  {
    side: 'RU',
    slug: 'obskoe-more',
    city: 'Novosibirsk',
    latitude: 55.03,
    longitude: 82.92,
    names: {
      ru: 'Новосибирский университет «Обское море»',
      en: 'Obskoe More University, Novosibirsk',
      ja: 'ノボシビルスク「オビ海」大学',
      fr: 'Université Obskoïe More de Novossibirsk',
    },
  },
  {
    side: 'RU',
    slug: 'biryuzovaya-katun',
    city: 'Barnaul',
    latitude: 53.35,
    longitude: 83.78,
    names: {
      ru: 'Барнаульский университет «Бирюзовая Катунь»',
      en: 'Biryuzovaya Katun University, Barnaul',
      ja: 'バルナウル「碧のカトゥニ」大学',
      fr: 'Université Biriouzovaïa Katoun de Barnaoul',
    },
  },
  {
    side: 'RU',
    slug: 'tom',
    city: 'Kemerovo',
    latitude: 55.35,
    longitude: 86.09,
    names: {
      ru: 'Кемеровский университет «Томь»',
      en: 'Tom University, Kemerovo',
      ja: 'ケメロヴォ「トミ」大学',
      fr: 'Université Tom de Kemerovo',
    },
  },
  {
    side: 'RU',
    slug: 'uralskie-zori',
    city: 'Yekaterinburg',
    latitude: 56.84,
    longitude: 60.61,
    names: {
      ru: 'Екатеринбургский университет «Уральские зори»',
      en: 'Uralskie Zori University, Yekaterinburg',
      ja: 'エカテリンブルク「ウラルの暁」大学',
      fr: 'Université Ouralskie Zori d’Iekaterinbourg',
    },
  },
  {
    side: 'RU',
    slug: 'kama',
    city: 'Perm',
    latitude: 58.01,
    longitude: 56.23,
    names: {
      ru: 'Пермский университет «Кама»',
      en: 'Kama University, Perm',
      ja: 'ペルミ「カマ」大学',
      fr: 'Université Kama de Perm',
    },
  },
  {
    side: 'RU',
    slug: 'volzhsky-bereg',
    city: 'Kazan',
    latitude: 55.79,
    longitude: 49.12,
    names: {
      ru: 'Казанский университет «Волжский берег»',
      en: 'Volzhsky Bereg University, Kazan',
      ja: 'カザン「ヴォルガ岸」大学',
      fr: 'Université Voljski Bereg de Kazan',
    },
  },
  {
    side: 'RU',
    slug: 'strelka',
    city: 'Nizhny Novgorod',
    latitude: 56.33,
    longitude: 44.0,
    names: {
      ru: 'Нижегородский университет «Стрелка»',
      en: 'Strelka University, Nizhny Novgorod',
      ja: 'ニジニ・ノヴゴロド「ストレルカ」大学',
      fr: 'Université Strelka de Nijni Novgorod',
    },
  },
  {
    side: 'RU',
    slug: 'zhiguli',
    city: 'Samara',
    latitude: 53.2,
    longitude: 50.15,
    names: {
      ru: 'Самарский университет «Жигули»',
      en: 'Zhiguli University, Samara',
      ja: 'サマラ「ジグリ」大学',
      fr: 'Université Jigouli de Samara',
    },
  },
  {
    side: 'RU',
    slug: 'nevskaya-perspektiva',
    city: 'Saint Petersburg',
    latitude: 59.94,
    longitude: 30.31,
    names: {
      ru: 'Петербургский университет «Невская перспектива»',
      en: 'Nevskaya Perspektiva University, Saint Petersburg',
      ja: 'サンクトペテルブルク「ネヴァの眺め」大学',
      fr: 'Université Nevskaïa Perspektiva de Saint-Pétersbourg',
    },
  },
  {
    side: 'RU',
    slug: 'sretenka',
    city: 'Moscow',
    latitude: 55.76,
    longitude: 37.62,
    names: {
      ru: 'Московский университет «Сретенка»',
      en: 'Sretenka University, Moscow',
      ja: 'モスクワ「スレテンカ」大学',
      fr: 'Université Sretenka de Moscou',
    },
  },
  {
    side: 'RU',
    slug: 'yantarny-bereg',
    city: 'Kaliningrad',
    latitude: 54.71,
    longitude: 20.51,
    names: {
      ru: 'Калининградский университет «Янтарный берег»',
      en: 'Yantarny Bereg University, Kaliningrad',
      ja: 'カリーニングラード「琥珀海岸」大学',
      fr: 'Université Iantarny Bereg de Kaliningrad',
    },
  },
  {
    side: 'RU',
    slug: 'severnoe-siyanie',
    city: 'Murmansk',
    latitude: 68.97,
    longitude: 33.08,
    names: {
      ru: 'Мурманский университет «Северное сияние»',
      en: 'Severnoe Siyanie University, Murmansk',
      ja: 'ムルマンスク「北の光」大学',
      fr: 'Université Severnoïe Siianie de Mourmansk',
    },
  },
  {
    side: 'RU',
    slug: 'pomorye',
    city: 'Arkhangelsk',
    latitude: 64.54,
    longitude: 40.54,
    names: {
      ru: 'Архангельский университет «Поморье»',
      en: 'Pomorye University, Arkhangelsk',
      ja: 'アルハンゲリスク「ポモーリエ」大学',
      fr: 'Université Pomorie d’Arkhangelsk',
    },
  },
];

/**
 * The members source document 001 counts but does not name, as invented examples (plausible names
 * in their languages, real cities, marked `invented`), so that the counts match it: 21 per side at
 * the founding, 27 by October 2019.
 */
export function ajruInventedMembers(): (DemoInstitution & { invented: true; joinedOn: string })[] {
  const out: (DemoInstitution & { invented: true; joinedOn: string })[] = [];
  for (const side of ['JP', 'RU'] as const) {
    const named = AJRU_NAMED[side].length;
    AJRU_INVENTED_MEMBERS.filter((m) => m.side === side).forEach((m, i) => {
      out.push({
        id: `${m.slug}.invented.kakehashi.example`,
        type: 'university',
        name: m.names.en,
        names: m.names,
        country: side,
        city: m.city,
        latitude: m.latitude,
        longitude: m.longitude,
        website: `https://${m.slug}.invented.kakehashi.example/`,
        invented: true,
        joinedOn: i + 1 + named <= AJRU_FOUNDING_PER_SIDE ? AJRU_FOUNDING : AJRU_GROWTH,
      });
    });
  }
  return out;
}

export const DEMO_LIAISON_OFFICES = [
  {
    institutionId: 'kanazawa-u.ac.jp',
    consortiumId: 'rjilt',
    name: 'Kanazawa University Irkutsk Liaison Office',
    names: {
      en: 'Kanazawa University Irkutsk Liaison Office',
      ja: '金沢大学イルクーツク連絡事務所',
      ru: 'Представительство Университета Канадзавы в Иркутске',
    },
    city: 'Irkutsk',
    country: 'RU',
    department: 'Irkutsk State University (host)',
    person: 'Ivan Liaisonov (invented)',
    contact: 'irkutsk-office@demo.kakehashi.example',
    openedOn: '2021-10-01', // source document 002: signed at DAY3 of Russian Week 2021
  },
];

const allDirections = (
  quota: { students: number; months: number },
  years: number[],
): AgreementContent['directions'] =>
  (['A', 'B'] as const).map((from) => ({
    from,
    levels: ['bachelor', 'master', 'doctor'],
    fields: ['0533', '0531', '0541', '0222'],
    languages: [
      { language: from === 'A' ? 'ru' : 'ja', cefr: 'A2' },
      { language: 'en', cefr: 'B2' },
    ],
    quotas: years.map((academicYear) => ({ academicYear, ...quota })),
  }));

export interface DemoAgreement {
  key: string;
  partyA: { type: 'consortium' | 'institution'; id: string };
  partyB: { type: 'consortium' | 'institution'; id: string };
  programId: string | null;
  invented: boolean;
  /** the stored status as of the demo's present: `expired` once validTo has passed */
  status: 'active' | 'expired';
  content: AgreementContent;
  signatures: { party: 'A' | 'B'; signatory: string; signedOn: string }[];
}

export const DEMO_AGREEMENTS: DemoAgreement[] = [
  {
    // The agreement of the project selected in FY2014 (source document 000); it ran its course.
    key: 'tohoku-jr',
    partyA: { type: 'consortium', id: 'tohoku-jr-japan' },
    partyB: { type: 'consortium', id: 'tohoku-jr-russia' },
    programId: 'mext-iep-2014',
    invented: true, // the seed names the project; the agreement's terms here are illustrative
    status: 'expired',
    content: {
      title:
        'Creation of innovative leaders for new Japan–Russia relations: student exchange agreement',
      // in force from before the first dispatch the application plans (after its selection of
      // 2014-08-29), so that R2 holds for the project from its first day
      validFrom: '2014-08-01',
      validTo: '2024-03-31',
      clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
      directions: allDirections({ students: 6, months: 36 }, [2015, 2016, 2017, 2018, 2019]),
      balanceTolerance: { students: 1, months: 6 },
    },
    signatures: [
      {
        party: 'A',
        signatory: 'President of Tohoku University (invented signatory)',
        // signed before the project application that attaches it (item 7 of 003 §6(1))
        signedOn: '2014-04-18',
      },
      {
        party: 'B',
        signatory: 'Rector of Lomonosov Moscow State University (invented signatory)',
        signedOn: '2014-04-25',
      },
    ],
  },
  {
    // Invented: the consortia renewed their agreement when the first one ended, so that today's
    // call and stays have an agreement signed by both and in force for the whole stay (R2).
    key: 'tohoku-jr-renewal',
    partyA: { type: 'consortium', id: 'tohoku-jr-japan' },
    partyB: { type: 'consortium', id: 'tohoku-jr-russia' },
    programId: 'mext-iep-2014',
    invented: true,
    status: 'active',
    content: {
      title:
        'Japan–Russia innovative leaders: renewed student exchange agreement 2024–2030 (invented)',
      validFrom: '2024-04-01',
      validTo: '2030-03-31',
      clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
      directions: allDirections({ students: 6, months: 36 }, [2024, 2025, 2026, 2027, 2028, 2029]),
      balanceTolerance: { students: 1, months: 6 },
    },
    signatures: [
      {
        party: 'A',
        signatory: 'President of Tohoku University (invented signatory)',
        signedOn: '2024-02-20',
      },
      {
        party: 'B',
        signatory: 'Rector of Lomonosov Moscow State University (invented signatory)',
        signedOn: '2024-02-27',
      },
    ],
  },
  {
    key: 'tsukuba-uga',
    partyA: { type: 'institution', id: 'tsukuba.ac.jp' },
    partyB: { type: 'institution', id: 'univ-grenoble-alpes.fr' },
    programId: null,
    invented: false,
    status: 'active',
    content: {
      title:
        'Student mobility agreement between the University of Tsukuba and Université Grenoble Alpes',
      validFrom: '1997-04-01', // source document 004: "started in 1997"; the day is an assumption
      validTo: '2027-03-31', // assumption: renewed to date
      clauses: { tuitionWaiver: true, commonScreening: false, commonRecognition: true },
      directions: allDirections({ students: 4, months: 24 }, [2021, 2022, 2023, 2024]),
    },
    signatures: [
      {
        party: 'A',
        signatory: 'President of the University of Tsukuba',
        signedOn: '1997-03-01',
      },
      {
        party: 'B',
        signatory: 'Président de l’Université Grenoble Alpes',
        signedOn: '1997-03-15',
      },
    ],
  },
  {
    // Invented, and labelled so: an agreement whose exchanges drifted out of balance, to show what
    // the balance ledger warns about (R4, 003 §5(4)).
    key: 'hokudai-asu',
    partyA: { type: 'institution', id: 'hokudai.ac.jp' },
    partyB: { type: 'institution', id: 'asu.ru' },
    programId: null,
    invented: true,
    status: 'active',
    content: {
      title:
        'Hokkaido University – Altai State University student exchange (invented example, deliberately out of balance)',
      validFrom: '2018-04-01',
      validTo: '2028-03-31',
      clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
      directions: allDirections({ students: 3, months: 30 }, [2019, 2020, 2021, 2022, 2023]),
      balanceTolerance: { students: 1, months: 6 },
    },
    signatures: [
      {
        party: 'A',
        signatory: 'President of Hokkaido University (invented signatory)',
        signedOn: '2018-03-12',
      },
      {
        party: 'B',
        signatory: 'Rector of Altai State University (invented signatory)',
        signedOn: '2018-03-20',
      },
    ],
  },
];

export interface DemoMobility {
  agreementKey: string;
  homeId: string;
  hostId: string;
  studentName: string;
  level: string;
  /** ISCED-F 2013 field of study (four digits). */
  iscedField: string;
  startDate: string;
  months: number;
  status: string;
}

/**
 * The invented students' fields of study, in turn: economics, literature and linguistics,
 * physics, environmental protection technology (ISCED-F 2013).
 */
const DEMO_FIELDS = ['0311', '0232', '0533', '0712'] as const;

/** A stay with a partner; it starts in September (sent) or October (received) unless dated. */
type Stay = [partner: string, months: number, level: string, startDate?: string];

/**
 * Synthetic mobilities (invented students) so that the ledgers show a few years of history.
 * Tohoku's project is balanced every academic year in students and months (R4): each year
 * receives as many students for as many months as it sends. All these stays are over.
 */
export function demoMobilities(): DemoMobility[] {
  const plan: [year: number, sent: Stay[], received: Stay[]][] = [
    [
      2015,
      [
        ['msu.ru', 6, 'master'],
        ['nsu.ru', 10, 'bachelor'],
        ['dvfu.ru', 12, 'bachelor'],
      ],
      [
        ['msu.ru', 6, 'master'],
        ['nsu.ru', 10, 'doctor'],
        ['dvfu.ru', 12, 'master'],
      ],
    ],
    [
      2016,
      [
        ['msu.ru', 6, 'master'],
        // the money demo's stay: six months at Novosibirsk from April (demo-money.ts)
        ['nsu.ru', 6, 'master', '2016-04-01'],
        ['dvfu.ru', 10, 'bachelor'],
        ['nsu.ru', 12, 'master'],
      ],
      [
        ['nsu.ru', 6, 'doctor'],
        ['dvfu.ru', 6, 'master'],
        ['msu.ru', 10, 'master'],
        ['msu.ru', 12, 'doctor'],
      ],
    ],
    [
      2017,
      [
        ['dvfu.ru', 6, 'bachelor'],
        ['msu.ru', 10, 'master'],
        ['nsu.ru', 10, 'bachelor'],
        ['msu.ru', 12, 'bachelor'],
      ],
      [
        ['dvfu.ru', 6, 'master'],
        ['nsu.ru', 10, 'master'],
        ['msu.ru', 10, 'doctor'],
        ['nsu.ru', 12, 'master'],
      ],
    ],
    [
      2018,
      [
        ['msu.ru', 6, 'master'],
        ['dvfu.ru', 6, 'bachelor'],
        ['msu.ru', 12, 'bachelor'],
        ['nsu.ru', 12, 'master'],
      ],
      [
        ['msu.ru', 6, 'master'],
        ['nsu.ru', 6, 'doctor'],
        ['dvfu.ru', 12, 'master'],
        ['msu.ru', 12, 'master'],
      ],
    ],
    [
      2019,
      [
        ['msu.ru', 6, 'bachelor'],
        ['dvfu.ru', 10, 'master'],
        ['nsu.ru', 12, 'bachelor'],
      ],
      [
        ['nsu.ru', 6, 'master'],
        ['msu.ru', 10, 'doctor'],
        ['dvfu.ru', 12, 'master'],
      ],
    ],
  ];
  const out: DemoMobility[] = [];
  let n = 0;
  const stay = (
    agreementKey: string,
    [, months, level]: Stay,
    direction: { home: string; host: string; startDate: string; label: string },
  ) => {
    n++;
    out.push({
      agreementKey,
      homeId: direction.home,
      hostId: direction.host,
      studentName: `Invented student ${direction.label}-${String(n).padStart(3, '0')}`,
      level,
      iscedField: DEMO_FIELDS[n % DEMO_FIELDS.length]!,
      startDate: direction.startDate,
      months,
      status: 'completed',
    });
  };
  for (const [year, sent, received] of plan) {
    for (const s of sent)
      stay('tohoku-jr', s, {
        home: 'tohoku.ac.jp',
        host: s[0],
        startDate: s[3] ?? `${year}-09-01`,
        label: 'JP',
      });
    for (const r of received)
      stay('tohoku-jr', r, {
        home: r[0],
        host: 'tohoku.ac.jp',
        startDate: r[3] ?? `${year}-10-01`,
        label: 'RU',
      });
  }
  // Under the renewed agreement: the student Moscow sent back for Tohoku's 5-month stay at MSU in
  // 2024 (demo-mobility.ts), so that the year balances; 2026's stay at NSU is still planned.
  stay('tohoku-jr-renewal', ['msu.ru', 5, 'master'], {
    home: 'msu.ru',
    host: 'tohoku.ac.jp',
    startDate: '2024-10-01',
    label: 'RU',
  });
  // Out of balance on purpose (R4): Hokkaido sends more than Altai does, year after year.
  const imbalanced: [year: number, sent: number, received: number][] = [
    [2019, 4, 1],
    [2021, 3, 0],
    [2023, 3, 2],
  ];
  for (const [year, sent, received] of imbalanced) {
    for (let i = 0; i < sent; i++)
      stay('hokudai-asu', ['asu.ru', 10, i % 2 ? 'master' : 'bachelor'], {
        home: 'hokudai.ac.jp',
        host: 'asu.ru',
        startDate: `${year}-09-01`,
        label: 'JP',
      });
    for (let i = 0; i < received; i++)
      stay('hokudai-asu', ['asu.ru', 5, 'master'], {
        home: 'asu.ru',
        host: 'hokudai.ac.jp',
        startDate: `${year}-10-01`,
        label: 'RU',
      });
  }
  return out;
}
