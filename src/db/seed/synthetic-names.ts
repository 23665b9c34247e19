/**
 * Word lists of the synthetic world: countries with how often they appear among partners, their
 * cities (in the local script, English and Japanese), the patterns of university names per
 * language, and given and family names per script. Everything built from them is invented.
 */

/** A city: local name, English, Japanese; `ru`/`fr` when the local language is one of them. */
export interface City {
  local: string;
  en: string;
  ja: string;
  /** An adjective form for name patterns that need one (Russian: Новосибирский). */
  adj?: string;
}

export type Script = 'ja' | 'ru' | 'fr' | 'de' | 'ko' | 'zh' | 'en' | 'es' | 'it' | 'th' | 'vi';

export interface Country {
  code: string;
  /** Relative frequency among foreign partners (a skewed distribution). */
  weight: number;
  script: Script;
  cities: City[];
}

const c = (local: string, en: string, ja: string, adj?: string): City =>
  adj ? { local, en, ja, adj } : { local, en, ja };

export const JAPANESE_CITIES: City[] = [
  c('札幌', 'Sapporo', '札幌'),
  c('函館', 'Hakodate', '函館'),
  c('旭川', 'Asahikawa', '旭川'),
  c('青森', 'Aomori', '青森'),
  c('弘前', 'Hirosaki', '弘前'),
  c('盛岡', 'Morioka', '盛岡'),
  c('仙台', 'Sendai', '仙台'),
  c('秋田', 'Akita', '秋田'),
  c('山形', 'Yamagata', '山形'),
  c('福島', 'Fukushima', '福島'),
  c('会津', 'Aizu', '会津'),
  c('水戸', 'Mito', '水戸'),
  c('つくば', 'Tsukuba', 'つくば'),
  c('宇都宮', 'Utsunomiya', '宇都宮'),
  c('前橋', 'Maebashi', '前橋'),
  c('高崎', 'Takasaki', '高崎'),
  c('さいたま', 'Saitama', 'さいたま'),
  c('千葉', 'Chiba', '千葉'),
  c('東京', 'Tokyo', '東京'),
  c('八王子', 'Hachioji', '八王子'),
  c('横浜', 'Yokohama', '横浜'),
  c('川崎', 'Kawasaki', '川崎'),
  c('新潟', 'Niigata', '新潟'),
  c('長岡', 'Nagaoka', '長岡'),
  c('富山', 'Toyama', '富山'),
  c('金沢', 'Kanazawa', '金沢'),
  c('福井', 'Fukui', '福井'),
  c('甲府', 'Kofu', '甲府'),
  c('長野', 'Nagano', '長野'),
  c('松本', 'Matsumoto', '松本'),
  c('岐阜', 'Gifu', '岐阜'),
  c('静岡', 'Shizuoka', '静岡'),
  c('浜松', 'Hamamatsu', '浜松'),
  c('名古屋', 'Nagoya', '名古屋'),
  c('豊橋', 'Toyohashi', '豊橋'),
  c('津', 'Tsu', '津'),
  c('大津', 'Otsu', '大津'),
  c('京都', 'Kyoto', '京都'),
  c('大阪', 'Osaka', '大阪'),
  c('堺', 'Sakai', '堺'),
  c('神戸', 'Kobe', '神戸'),
  c('姫路', 'Himeji', '姫路'),
  c('奈良', 'Nara', '奈良'),
  c('和歌山', 'Wakayama', '和歌山'),
  c('鳥取', 'Tottori', '鳥取'),
  c('松江', 'Matsue', '松江'),
  c('岡山', 'Okayama', '岡山'),
  c('広島', 'Hiroshima', '広島'),
  c('山口', 'Yamaguchi', '山口'),
  c('徳島', 'Tokushima', '徳島'),
  c('高松', 'Takamatsu', '高松'),
  c('松山', 'Matsuyama', '松山'),
  c('高知', 'Kochi', '高知'),
  c('福岡', 'Fukuoka', '福岡'),
  c('北九州', 'Kitakyushu', '北九州'),
  c('佐賀', 'Saga', '佐賀'),
  c('長崎', 'Nagasaki', '長崎'),
  c('熊本', 'Kumamoto', '熊本'),
  c('大分', 'Oita', '大分'),
  c('宮崎', 'Miyazaki', '宮崎'),
  c('鹿児島', 'Kagoshima', '鹿児島'),
  c('那覇', 'Naha', '那覇'),
  c('沖縄', 'Okinawa', '沖縄'),
  c('釧路', 'Kushiro', '釧路'),
  c('帯広', 'Obihiro', '帯広'),
  c('北見', 'Kitami', '北見'),
  c('室蘭', 'Muroran', '室蘭'),
  c('小樽', 'Otaru', '小樽'),
];

/** Kinds of Japanese institution: the Japanese suffix and the English pattern. */
export const JAPANESE_KINDS: { ja: string; en: (city: string) => string }[] = [
  { ja: '大学', en: (x) => `${x} University` },
  { ja: '工業大学', en: (x) => `${x} Institute of Technology` },
  { ja: '医科大学', en: (x) => `${x} Medical University` },
  { ja: '外国語大学', en: (x) => `${x} University of Foreign Studies` },
  { ja: '教育大学', en: (x) => `${x} University of Education` },
  { ja: '女子大学', en: (x) => `${x} Women's University` },
  { ja: '学院大学', en: (x) => `${x} Gakuin University` },
  { ja: '国際大学', en: (x) => `${x} International University` },
  { ja: '芸術大学', en: (x) => `${x} University of the Arts` },
  { ja: '経済大学', en: (x) => `${x} University of Economics` },
  { ja: '理科大学', en: (x) => `${x} University of Science` },
  { ja: '看護大学', en: (x) => `${x} College of Nursing` },
  { ja: '農業大学', en: (x) => `${x} University of Agriculture` },
  { ja: '商科大学', en: (x) => `${x} University of Commerce` },
];

/** Name patterns per local language: the local name and the English one. */
export const KINDS: Record<Script, { local: (c: City) => string; en: (c: City) => string }[]> = {
  ja: [],
  ru: [
    { local: (x) => `${x.adj} государственный университет`, en: (x) => `${x.en} State University` },
    {
      local: (x) => `${x.adj} технический университет`,
      en: (x) => `${x.en} Technical University`,
    },
    {
      local: (x) => `${x.adj} педагогический университет`,
      en: (x) => `${x.en} Pedagogical University`,
    },
    {
      local: (x) => `${x.adj} медицинский университет`,
      en: (x) => `${x.en} Medical University`,
    },
    {
      local: (x) => `${x.adj} экономический университет`,
      en: (x) => `${x.en} University of Economics`,
    },
    { local: (x) => `${x.adj} аграрный университет`, en: (x) => `${x.en} Agrarian University` },
    {
      local: (x) => `${x.adj} лингвистический университет`,
      en: (x) => `${x.en} Linguistic University`,
    },
    {
      local: (x) => `${x.adj} политехнический университет`,
      en: (x) => `${x.en} Polytechnic University`,
    },
  ],
  fr: [
    { local: (x) => `Université de ${x.local}`, en: (x) => `University of ${x.en}` },
    {
      local: (x) => `École nationale supérieure d'ingénieurs de ${x.local}`,
      en: (x) => `National School of Engineering of ${x.en}`,
    },
    {
      local: (x) => `Institut d'études politiques de ${x.local}`,
      en: (x) => `Institute of Political Studies of ${x.en}`,
    },
    {
      local: (x) => `École supérieure de commerce de ${x.local}`,
      en: (x) => `${x.en} Business School`,
    },
    {
      local: (x) => `Institut national des sciences appliquées de ${x.local}`,
      en: (x) => `National Institute of Applied Sciences of ${x.en}`,
    },
    { local: (x) => `École des beaux-arts de ${x.local}`, en: (x) => `${x.en} School of Fine Arts` },
  ],
  de: [
    { local: (x) => `Universität ${x.local}`, en: (x) => `University of ${x.en}` },
    { local: (x) => `Technische Universität ${x.local}`, en: (x) => `${x.en} University of Technology` },
    { local: (x) => `Hochschule ${x.local}`, en: (x) => `${x.en} University of Applied Sciences` },
    { local: (x) => `Musikhochschule ${x.local}`, en: (x) => `${x.en} University of Music` },
    { local: (x) => `Pädagogische Hochschule ${x.local}`, en: (x) => `${x.en} University of Education` },
  ],
  ko: [
    { local: (x) => `${x.local}대학교`, en: (x) => `${x.en} National University` },
    { local: (x) => `${x.local}과학기술원`, en: (x) => `${x.en} Institute of Science and Technology` },
    { local: (x) => `${x.local}교육대학교`, en: (x) => `${x.en} National University of Education` },
    { local: (x) => `${x.local}외국어대학교`, en: (x) => `${x.en} University of Foreign Studies` },
    { local: (x) => `${x.local}여자대학교`, en: (x) => `${x.en} Women's University` },
  ],
  zh: [
    { local: (x) => `${x.local}大学`, en: (x) => `${x.en} University` },
    { local: (x) => `${x.local}理工大学`, en: (x) => `${x.en} University of Technology` },
    { local: (x) => `${x.local}师范大学`, en: (x) => `${x.en} Normal University` },
    { local: (x) => `${x.local}外国语大学`, en: (x) => `${x.en} International Studies University` },
    { local: (x) => `${x.local}医科大学`, en: (x) => `${x.en} Medical University` },
    { local: (x) => `${x.local}财经大学`, en: (x) => `${x.en} University of Finance and Economics` },
  ],
  en: [
    { local: (x) => `University of ${x.local}`, en: (x) => `University of ${x.en}` },
    { local: (x) => `${x.local} State University`, en: (x) => `${x.en} State University` },
    { local: (x) => `${x.local} Institute of Technology`, en: (x) => `${x.en} Institute of Technology` },
    { local: (x) => `${x.local} College`, en: (x) => `${x.en} College` },
    { local: (x) => `${x.local} Metropolitan University`, en: (x) => `${x.en} Metropolitan University` },
    { local: (x) => `${x.local} School of Medicine`, en: (x) => `${x.en} School of Medicine` },
  ],
  es: [
    { local: (x) => `Universidad de ${x.local}`, en: (x) => `University of ${x.en}` },
    { local: (x) => `Universidad Politécnica de ${x.local}`, en: (x) => `Technical University of ${x.en}` },
    { local: (x) => `Universidad Autónoma de ${x.local}`, en: (x) => `Autonomous University of ${x.en}` },
  ],
  it: [
    { local: (x) => `Università degli Studi di ${x.local}`, en: (x) => `University of ${x.en}` },
    { local: (x) => `Politecnico di ${x.local}`, en: (x) => `Polytechnic University of ${x.en}` },
    { local: (x) => `Accademia di Belle Arti di ${x.local}`, en: (x) => `${x.en} Academy of Fine Arts` },
  ],
  th: [
    { local: (x) => `มหาวิทยาลัย${x.local}`, en: (x) => `${x.en} University` },
    { local: (x) => `มหาวิทยาลัยราชภัฏ${x.local}`, en: (x) => `${x.en} Rajabhat University` },
    { local: (x) => `มหาวิทยาลัยเทคโนโลยี${x.local}`, en: (x) => `${x.en} University of Technology` },
  ],
  vi: [
    { local: (x) => `Đại học ${x.local}`, en: (x) => `${x.en} University` },
    { local: (x) => `Đại học Bách khoa ${x.local}`, en: (x) => `${x.en} University of Technology` },
    { local: (x) => `Đại học Sư phạm ${x.local}`, en: (x) => `${x.en} University of Education` },
    { local: (x) => `Đại học Kinh tế ${x.local}`, en: (x) => `${x.en} University of Economics` },
  ],
};

/** Japanese suffix for a foreign institution's name in Japanese, by its English pattern. */
export const jaSuffixOf = (en: string): string =>
  /Technolog|Technical|Polytechnic|Engineering|Applied Sciences/.test(en)
    ? '工科大学'
    : /Medical|Medicine/.test(en)
      ? '医科大学'
      : /Education|Pedagogical|Normal/.test(en)
        ? '教育大学'
        : /Econom|Business|Finance|Commerce/.test(en)
          ? '経済大学'
          : /Arts|Music/.test(en)
            ? '芸術大学'
            : /Foreign|Linguistic|International Studies/.test(en)
              ? '外国語大学'
              : '大学';

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    weight: 14,
    script: 'en',
    cities: [
      c('Boston', 'Boston', 'ボストン'),
      c('Seattle', 'Seattle', 'シアトル'),
      c('Portland', 'Portland', 'ポートランド'),
      c('Denver', 'Denver', 'デンバー'),
      c('Austin', 'Austin', 'オースティン'),
      c('Chicago', 'Chicago', 'シカゴ'),
      c('Honolulu', 'Honolulu', 'ホノルル'),
      c('San Diego', 'San Diego', 'サンディエゴ'),
      c('Pittsburgh', 'Pittsburgh', 'ピッツバーグ'),
      c('Atlanta', 'Atlanta', 'アトランタ'),
      c('Phoenix', 'Phoenix', 'フェニックス'),
      c('Madison', 'Madison', 'マディソン'),
      c('Columbus', 'Columbus', 'コロンバス'),
      c('Nashville', 'Nashville', 'ナッシュビル'),
      c('Salt Lake City', 'Salt Lake City', 'ソルトレイクシティ'),
    ],
  },
  {
    code: 'CN',
    weight: 12,
    script: 'zh',
    cities: [
      c('北京', 'Beijing', '北京'),
      c('上海', 'Shanghai', '上海'),
      c('大连', 'Dalian', '大連'),
      c('南京', 'Nanjing', '南京'),
      c('西安', "Xi'an", '西安'),
      c('武汉', 'Wuhan', '武漢'),
      c('成都', 'Chengdu', '成都'),
      c('广州', 'Guangzhou', '広州'),
      c('杭州', 'Hangzhou', '杭州'),
      c('哈尔滨', 'Harbin', 'ハルビン'),
      c('长春', 'Changchun', '長春'),
      c('青岛', 'Qingdao', '青島'),
      c('天津', 'Tianjin', '天津'),
      c('厦门', 'Xiamen', '厦門'),
    ],
  },
  {
    code: 'KR',
    weight: 10,
    script: 'ko',
    cities: [
      c('서울', 'Seoul', 'ソウル'),
      c('부산', 'Busan', '釜山'),
      c('대구', 'Daegu', '大邱'),
      c('인천', 'Incheon', '仁川'),
      c('광주', 'Gwangju', '光州'),
      c('대전', 'Daejeon', '大田'),
      c('울산', 'Ulsan', '蔚山'),
      c('전주', 'Jeonju', '全州'),
      c('청주', 'Cheongju', '清州'),
      c('제주', 'Jeju', '済州'),
      c('춘천', 'Chuncheon', '春川'),
      c('강릉', 'Gangneung', '江陵'),
    ],
  },
  {
    code: 'FR',
    weight: 8,
    script: 'fr',
    cities: [
      c('Grenoble', 'Grenoble', 'グルノーブル'),
      c('Lyon', 'Lyon', 'リヨン'),
      c('Strasbourg', 'Strasbourg', 'ストラスブール'),
      c('Toulouse', 'Toulouse', 'トゥールーズ'),
      c('Bordeaux', 'Bordeaux', 'ボルドー'),
      c('Nantes', 'Nantes', 'ナント'),
      c('Rennes', 'Rennes', 'レンヌ'),
      c('Lille', 'Lille', 'リール'),
      c('Montpellier', 'Montpellier', 'モンペリエ'),
      c('Orléans', 'Orleans', 'オルレアン'),
      c('Besançon', 'Besancon', 'ブザンソン'),
      c('Nîmes', 'Nimes', 'ニーム'),
      c('Angers', 'Angers', 'アンジェ'),
      c('Poitiers', 'Poitiers', 'ポワティエ'),
      c('Nice', 'Nice', 'ニース'),
    ],
  },
  {
    code: 'DE',
    weight: 8,
    script: 'de',
    cities: [
      c('München', 'Munich', 'ミュンヘン'),
      c('Köln', 'Cologne', 'ケルン'),
      c('Heidelberg', 'Heidelberg', 'ハイデルベルク'),
      c('Göttingen', 'Goettingen', 'ゲッティンゲン'),
      c('Tübingen', 'Tuebingen', 'テュービンゲン'),
      c('Würzburg', 'Wuerzburg', 'ヴュルツブルク'),
      c('Bonn', 'Bonn', 'ボン'),
      c('Leipzig', 'Leipzig', 'ライプツィヒ'),
      c('Dresden', 'Dresden', 'ドレスデン'),
      c('Freiburg', 'Freiburg', 'フライブルク'),
      c('Hamburg', 'Hamburg', 'ハンブルク'),
      c('Düsseldorf', 'Duesseldorf', 'デュッセルドルフ'),
    ],
  },
  {
    code: 'RU',
    weight: 7,
    script: 'ru',
    cities: [
      c('Новосибирск', 'Novosibirsk', 'ノヴォシビルスク', 'Новосибирский'),
      c('Томск', 'Tomsk', 'トムスク', 'Томский'),
      c('Иркутск', 'Irkutsk', 'イルクーツク', 'Иркутский'),
      c('Владивосток', 'Vladivostok', 'ウラジオストク', 'Владивостокский'),
      c('Хабаровск', 'Khabarovsk', 'ハバロフスク', 'Хабаровский'),
      c('Казань', 'Kazan', 'カザン', 'Казанский'),
      c('Екатеринбург', 'Yekaterinburg', 'エカテリンブルク', 'Екатеринбургский'),
      c('Самара', 'Samara', 'サマーラ', 'Самарский'),
      c('Омск', 'Omsk', 'オムスク', 'Омский'),
      c('Пермь', 'Perm', 'ペルミ', 'Пермский'),
      c('Красноярск', 'Krasnoyarsk', 'クラスノヤルスク', 'Красноярский'),
      c('Ярославль', 'Yaroslavl', 'ヤロスラヴリ', 'Ярославский'),
      c('Южно-Сахалинск', 'Yuzhno-Sakhalinsk', 'ユジノサハリンスク', 'Сахалинский'),
      c('Барнаул', 'Barnaul', 'バルナウル', 'Алтайский'),
    ],
  },
  {
    code: 'GB',
    weight: 7,
    script: 'en',
    cities: [
      c('Edinburgh', 'Edinburgh', 'エディンバラ'),
      c('Leeds', 'Leeds', 'リーズ'),
      c('Sheffield', 'Sheffield', 'シェフィールド'),
      c('Bristol', 'Bristol', 'ブリストル'),
      c('Cardiff', 'Cardiff', 'カーディフ'),
      c('Glasgow', 'Glasgow', 'グラスゴー'),
      c('Newcastle', 'Newcastle', 'ニューカッスル'),
      c('Nottingham', 'Nottingham', 'ノッティンガム'),
      c('Exeter', 'Exeter', 'エクセター'),
      c('York', 'York', 'ヨーク'),
    ],
  },
  {
    code: 'TW',
    weight: 5,
    script: 'zh',
    cities: [
      c('台北', 'Taipei', '台北'),
      c('台中', 'Taichung', '台中'),
      c('台南', 'Tainan', '台南'),
      c('高雄', 'Kaohsiung', '高雄'),
      c('新竹', 'Hsinchu', '新竹'),
      c('嘉义', 'Chiayi', '嘉義'),
    ],
  },
  {
    code: 'AU',
    weight: 4,
    script: 'en',
    cities: [
      c('Sydney', 'Sydney', 'シドニー'),
      c('Melbourne', 'Melbourne', 'メルボルン'),
      c('Brisbane', 'Brisbane', 'ブリスベン'),
      c('Perth', 'Perth', 'パース'),
      c('Adelaide', 'Adelaide', 'アデレード'),
      c('Hobart', 'Hobart', 'ホバート'),
      c('Canberra', 'Canberra', 'キャンベラ'),
    ],
  },
  {
    code: 'CA',
    weight: 4,
    script: 'en',
    cities: [
      c('Vancouver', 'Vancouver', 'バンクーバー'),
      c('Toronto', 'Toronto', 'トロント'),
      c('Calgary', 'Calgary', 'カルガリー'),
      c('Ottawa', 'Ottawa', 'オタワ'),
      c('Halifax', 'Halifax', 'ハリファックス'),
      c('Winnipeg', 'Winnipeg', 'ウィニペグ'),
      c('Victoria', 'Victoria', 'ビクトリア'),
    ],
  },
  {
    code: 'TH',
    weight: 4,
    script: 'th',
    cities: [
      c('เชียงใหม่', 'Chiang Mai', 'チェンマイ'),
      c('ขอนแก่น', 'Khon Kaen', 'コンケン'),
      c('สงขลา', 'Songkhla', 'ソンクラー'),
      c('นครราชสีมา', 'Nakhon Ratchasima', 'ナコーンラーチャシーマー'),
      c('อุบลราชธานี', 'Ubon Ratchathani', 'ウボンラーチャターニー'),
      c('พิษณุโลก', 'Phitsanulok', 'ピッサヌローク'),
    ],
  },
  {
    code: 'VN',
    weight: 4,
    script: 'vi',
    cities: [
      c('Hà Nội', 'Hanoi', 'ハノイ'),
      c('Huế', 'Hue', 'フエ'),
      c('Đà Nẵng', 'Da Nang', 'ダナン'),
      c('Cần Thơ', 'Can Tho', 'カントー'),
      c('Hải Phòng', 'Hai Phong', 'ハイフォン'),
      c('Thái Nguyên', 'Thai Nguyen', 'タイグエン'),
    ],
  },
  {
    code: 'IT',
    weight: 3,
    script: 'it',
    cities: [
      c('Bologna', 'Bologna', 'ボローニャ'),
      c('Padova', 'Padua', 'パドヴァ'),
      c('Torino', 'Turin', 'トリノ'),
      c('Firenze', 'Florence', 'フィレンツェ'),
      c('Napoli', 'Naples', 'ナポリ'),
      c('Venezia', 'Venice', 'ヴェネツィア'),
      c('Milano', 'Milan', 'ミラノ'),
    ],
  },
  {
    code: 'ES',
    weight: 3,
    script: 'es',
    cities: [
      c('Salamanca', 'Salamanca', 'サラマンカ'),
      c('Valencia', 'Valencia', 'バレンシア'),
      c('Sevilla', 'Seville', 'セビリア'),
      c('Granada', 'Granada', 'グラナダ'),
      c('Zaragoza', 'Zaragoza', 'サラゴサ'),
      c('Málaga', 'Malaga', 'マラガ'),
      c('León', 'Leon', 'レオン'),
    ],
  },
  {
    code: 'MX',
    weight: 2,
    script: 'es',
    cities: [
      c('Guadalajara', 'Guadalajara', 'グアダラハラ'),
      c('Monterrey', 'Monterrey', 'モンテレイ'),
      c('Puebla', 'Puebla', 'プエブラ'),
      c('Querétaro', 'Queretaro', 'ケレタロ'),
      c('Mérida', 'Merida', 'メリダ'),
    ],
  },
  {
    code: 'CH',
    weight: 2,
    script: 'fr',
    cities: [
      c('Genève', 'Geneva', 'ジュネーヴ'),
      c('Lausanne', 'Lausanne', 'ローザンヌ'),
      c('Neuchâtel', 'Neuchatel', 'ヌーシャテル'),
      c('Fribourg', 'Fribourg', 'フリブール'),
    ],
  },
  {
    code: 'BE',
    weight: 1,
    script: 'fr',
    cities: [
      c('Liège', 'Liege', 'リエージュ'),
      c('Namur', 'Namur', 'ナミュール'),
      c('Mons', 'Mons', 'モンス'),
    ],
  },
  {
    code: 'AT',
    weight: 1,
    script: 'de',
    cities: [
      c('Wien', 'Vienna', 'ウィーン'),
      c('Graz', 'Graz', 'グラーツ'),
      c('Innsbruck', 'Innsbruck', 'インスブルック'),
      c('Salzburg', 'Salzburg', 'ザルツブルク'),
    ],
  },
  {
    code: 'NZ',
    weight: 1,
    script: 'en',
    cities: [
      c('Auckland', 'Auckland', 'オークランド'),
      c('Wellington', 'Wellington', 'ウェリントン'),
      c('Dunedin', 'Dunedin', 'ダニーデン'),
    ],
  },
];

/** Given and family names per script; Russian family names take -а for women. */
export const PEOPLE: Record<
  Script,
  { family: string[]; male: string[]; female: string[]; familyFirst: boolean }
> = {
  ja: {
    family: [
      '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤',
      '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水',
      '山崎', '森', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川',
      '前田', '岡田', '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本',
    ],
    male: ['太郎', '翔太', '大輝', '健太', '拓海', '蓮', '悠真', '陽斗', '湊', '大和', '颯太', '悠斗', '陸', '樹', '優斗', '翼'],
    female: ['花子', '陽菜', '結衣', '美咲', '葵', '凛', '芽依', '結菜', '莉子', '美羽', '彩花', '七海', '咲良', '真央', 'さくら', 'ひなた'],
    familyFirst: true,
  },
  ru: {
    family: [
      'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов',
      'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров',
      'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин',
    ],
    male: ['Алексей', 'Дмитрий', 'Иван', 'Михаил', 'Сергей', 'Андрей', 'Никита', 'Артём', 'Егор', 'Кирилл', 'Максим', 'Илья'],
    female: ['Анна', 'Мария', 'Екатерина', 'Ольга', 'Наталья', 'Татьяна', 'Дарья', 'Алёна', 'Юлия', 'Полина', 'Ксения', 'Софья'],
    familyFirst: false,
  },
  fr: {
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Fournier', 'Girard', 'Mercier', 'Boucher', 'Gauthier', 'Chevalier', 'Rousseau'],
    male: ['Léo', 'Hugo', 'Louis', 'Jules', 'Gabriel', 'Étienne', 'Théo', 'Raphaël', 'Mathéo', 'Noé', 'Timothée', 'Clément'],
    female: ['Chloé', 'Léa', 'Manon', 'Camille', 'Inès', 'Zoé', 'Émilie', 'Élodie', 'Océane', 'Hélène', 'Anaïs', 'Margaux'],
    familyFirst: false,
  },
  de: {
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Krüger', 'Jäger', 'Groß', 'Köhler'],
    male: ['Lukas', 'Jonas', 'Felix', 'Maximilian', 'Paul', 'Niklas', 'Jörg', 'Tobias', 'Moritz', 'Jannik'],
    female: ['Anna', 'Lena', 'Lea', 'Hannah', 'Sophie', 'Marie', 'Jana', 'Sarah', 'Jülide', 'Käthe'],
    familyFirst: false,
  },
  ko: {
    family: ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신'],
    male: ['민준', '서준', '도윤', '예준', '시우', '하준', '지호', '주원', '지훈', '현우'],
    female: ['서연', '서윤', '지우', '서현', '민서', '하은', '하윤', '윤서', '지유', '수아'],
    familyFirst: true,
  },
  zh: {
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '林'],
    male: ['伟', '强', '磊', '洋', '勇', '军', '杰', '涛', '浩然', '子轩', '宇航', '俊杰'],
    female: ['芳', '娜', '敏', '静', '丽', '婷', '雪', '欣怡', '梓涵', '诗涵', '雨桐', '佳怡'],
    familyFirst: true,
  },
  en: {
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young'],
    male: ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Daniel', 'Matthew', 'Ethan', 'Noah', 'Liam', 'Owen'],
    female: ['Mary', 'Emma', 'Olivia', 'Ava', 'Emily', 'Abigail', 'Madison', 'Charlotte', 'Grace', 'Chloe', 'Lily', 'Hannah'],
    familyFirst: false,
  },
  es: {
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Muñoz', 'Álvarez'],
    male: ['Alejandro', 'Daniel', 'Pablo', 'Hugo', 'Álvaro', 'Adrián', 'David', 'Javier', 'Sergio', 'Iván'],
    female: ['Lucía', 'María', 'Paula', 'Sofía', 'Martina', 'Julia', 'Valentina', 'Ángela', 'Inés', 'Begoña'],
    familyFirst: false,
  },
  it: {
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca'],
    male: ['Francesco', 'Alessandro', 'Lorenzo', 'Matteo', 'Andrea', 'Niccolò', 'Leonardo', 'Tommaso'],
    female: ['Giulia', 'Sofia', 'Aurora', 'Alice', 'Ginevra', 'Chiara', 'Beatrice', 'Emma'],
    familyFirst: false,
  },
  th: {
    family: ['ศรีสุข', 'วงศ์ใหญ่', 'แสงทอง', 'บุญมา', 'ทองดี', 'สุขสวัสดิ์', 'จันทร์เพ็ญ', 'รัตนพันธ์'],
    male: ['สมชาย', 'ธนพล', 'ณัฐวุฒิ', 'กิตติ', 'อนุชา', 'วีระ'],
    female: ['สุดา', 'ปริญญา', 'กมลวรรณ', 'ณัฐธิดา', 'พิมพ์ชนก', 'อรุณี'],
    familyFirst: false,
  },
  vi: {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
    male: ['Văn An', 'Minh Đức', 'Quốc Huy', 'Thành Long', 'Hữu Phúc', 'Đức Anh'],
    female: ['Thị Lan', 'Thu Hà', 'Ngọc Anh', 'Phương Linh', 'Thảo Vy', 'Mai Hương'],
    familyFirst: true,
  },
};

/** ISCED-F 2013 detailed fields exchange students study most, the first ones most often. */
export const ISCED_FIELDS = [
  '0231', '0232', '0311', '0312', '0314', '0413', '0412', '0421', '0222', '0223',
  '0532', '0533', '0541', '0613', '0711', '0713', '0714', '0715', '0731', '0811',
  '0912', '0913', '0211', '0215', '0288', '0314', '0322', '1015',
];
