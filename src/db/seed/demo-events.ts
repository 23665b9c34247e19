/**
 * The demo world's events: the Association of Japanese and Russian Universities' congress series
 * (Sapporo May 2018, Moscow September 2019, Niigata next — source document 001), its online round
 * table of 25 September 2020 with Hokkaido University and Altai State University (001), Kanazawa's
 * Russian Week 2021 with its three days (002), the signing ceremony of the Irkutsk Liaison Office
 * (002), the first general conference of the Kanazawa University Russian Alumni Association (002)
 * and Tsukuba Global Science Week (004). What the sources give is kept as given; exact days, hours,
 * rooms, hosts and links they do not give are invented and marked (`invented`, "(invented)").
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  eventContributions,
  eventMinutes,
  eventRegistrations,
  eventSeries,
  eventSessions,
  events,
  users,
} from '../schema.ts';
import { liaisonOfficeByName } from '../queries/events.ts';
import { KANAZAWA_FIRST_CONFERENCE_EVENT_ID } from './demo-alumni.ts';
import type { ContributionKind, PartyRef } from '../../domain/events/kinds.ts';
import { zonedInstant } from '../../domain/events/time.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';

const inst = (id: string): PartyRef => ({ type: 'institution', id });
const cons = (id: string): PartyRef => ({ type: 'consortium', id });

interface DemoContribution {
  kind: ContributionKind;
  title: LocalizedText;
  guestName: string;
  guestAffiliation?: string;
  videoUrl?: string;
  recordingConsent?: boolean;
}

interface DemoSession {
  day: string;
  start: string;
  end: string;
  room: string | null;
  title: LocalizedText;
  onlineUrl?: string;
  contributions?: DemoContribution[];
}

const RUSSIAN_WEEK_VIDEO = 'https://rutenkai.w3.kanazawa-u.ac.jp/';

/** Russian Week 2021, as source document 002 tells it; hours and rooms invented. */
const RUSSIAN_WEEK_SESSIONS: DemoSession[] = [
  {
    day: '2021-09-29',
    start: '10:00',
    end: '10:40',
    room: 'Main hall (invented)',
    title: {
      en: 'Opening remarks',
      ja: '開会挨拶',
      ru: 'Приветственные слова',
      fr: 'Allocutions d’ouverture',
    },
    contributions: [
      {
        kind: 'remarks',
        title: { en: 'Opening remarks', ja: '開会挨拶', ru: 'Приветствие', fr: 'Allocution' },
        guestName: 'Yamazaki Koetsu',
        guestAffiliation: 'President, Kanazawa University',
      },
      {
        kind: 'remarks',
        title: { en: 'Opening remarks', ja: '開会挨拶', ru: 'Приветствие', fr: 'Allocution' },
        guestName: 'Gafurov Ilshat',
        guestAffiliation: 'Rector, Kazan Federal University',
      },
      {
        kind: 'remarks',
        title: {
          en: 'Supporting message',
          ja: '来賓祝辞',
          ru: 'Приветственное послание',
          fr: 'Message de soutien',
        },
        guestName: 'Satomi Tomoka',
        guestAffiliation: 'Deputy Director General, MEXT',
      },
      {
        kind: 'remarks',
        title: {
          en: 'Supporting message',
          ja: '来賓祝辞',
          ru: 'Приветственное послание',
          fr: 'Message de soutien',
        },
        guestName: 'Mori Yoshiro',
        guestAffiliation:
          '85th and 86th Prime Minister of Japan, Honorary Doctor of Kanazawa University',
      },
    ],
  },
  {
    day: '2021-09-29',
    start: '10:40',
    end: '11:10',
    room: 'Main hall (invented)',
    title: {
      en: 'Report on the exchange programs since 2017',
      ja: '2017年からの交流プログラム報告',
      ru: 'Отчёт о программах обмена с 2017 года',
      fr: 'Bilan des programmes d’échange depuis 2017',
    },
    contributions: [
      {
        kind: 'report',
        title: {
          en: 'Our exchange programs since 2017',
          ja: '2017年からの交流プログラム',
          ru: 'Наши программы обмена с 2017 года',
          fr: 'Nos programmes d’échange depuis 2017',
        },
        guestName: 'Kanazawa University project office (invented)',
      },
    ],
  },
  {
    day: '2021-09-29',
    start: '11:10',
    end: '12:10',
    room: 'Main hall (invented)',
    title: { en: 'Keynote', ja: '基調講演', ru: 'Пленарный доклад', fr: 'Conférence plénière' },
    contributions: [
      {
        kind: 'keynote',
        title: {
          en: 'Russia’s Sustainable Lifestyle Dacha',
          ja: 'ロシアの持続可能なライフスタイル「ダーチャ」',
          ru: 'Дача — устойчивый образ жизни России',
          fr: 'La datcha, mode de vie durable de la Russie',
        },
        guestName: 'Odinetz Sergey',
        guestAffiliation: 'Director, Irkutsk Japan Information Centre',
        videoUrl: RUSSIAN_WEEK_VIDEO,
        recordingConsent: true,
      },
    ],
  },
  {
    day: '2021-09-29',
    start: '13:30',
    end: '15:00',
    room: 'Main hall (invented)',
    title: {
      en: 'Regional initiatives and student reports',
      ja: '地域の取り組みと学生報告',
      ru: 'Региональные инициативы и доклады студентов',
      fr: 'Initiatives régionales et exposés d’étudiants',
    },
    contributions: [
      {
        kind: 'student_presentation',
        title: {
          en: 'What we learned on exchange',
          ja: '交流プログラムで学んだこと',
          ru: 'Чему мы научились по обмену',
          fr: 'Ce que nous avons appris en échange',
        },
        guestName: 'Exchange students (invented)',
      },
    ],
  },
  {
    day: '2021-09-29',
    start: '15:30',
    end: '16:30',
    room: 'Seminar room (invented)',
    title: {
      en: 'First general conference of the Kanazawa University Russian Alumni Association',
      ja: '金沢大学ロシア同窓会 第1回総会',
      ru: 'Первое общее собрание Ассоциации российских выпускников Университета Канадзавы',
      fr: 'Première assemblée générale de l’association des anciens russes de l’université de Kanazawa',
    },
  },
  {
    day: '2021-09-30',
    start: '10:00',
    end: '12:00',
    room: 'Main hall (invented)',
    title: {
      en: 'Preventive Medicine Program symposium',
      ja: '予防医学プログラム シンポジウム',
      ru: 'Симпозиум программы профилактической медицины',
      fr: 'Symposium du programme de médecine préventive',
    },
    contributions: [
      {
        kind: 'report',
        title: {
          en: 'Progress of the branch offices of the Japan-Russia Medical Research and Education Center',
          ja: '日露医療研究教育センター支部の準備状況',
          ru: 'Ход подготовки филиалов Японско-российского центра медицинских исследований и образования',
          fr: 'Avancement des antennes du Centre russo-japonais de recherche et d’enseignement médicaux',
        },
        guestName: 'Kanazawa University (invented speaker)',
      },
    ],
  },
  {
    day: '2021-09-30',
    start: '13:00',
    end: '15:00',
    room: 'Main hall (invented)',
    title: {
      en: 'Preventive medicine: students’ presentations',
      ja: '予防医学：学生発表',
      ru: 'Профилактическая медицина: выступления студентов',
      fr: 'Médecine préventive : présentations des étudiants',
    },
    contributions: [
      {
        kind: 'student_presentation',
        title: {
          en: 'Students of the four universities (invented titles)',
          ja: '4大学の学生発表',
          ru: 'Студенты четырёх университетов',
          fr: 'Étudiants des quatre universités',
        },
        guestName: 'Students of Kanazawa, Kazan, Krasnoyarsk and Pavlov First St. Petersburg',
      },
    ],
  },
  {
    day: '2021-10-01',
    start: '09:30',
    end: '10:00',
    room: 'Main hall (invented)',
    title: {
      en: 'Signing ceremony of the Kanazawa University Irkutsk Liaison Office',
      ja: '金沢大学イルクーツク連絡事務所 調印式',
      ru: 'Церемония подписания: представительство Университета Канадзавы в Иркутске',
      fr: 'Cérémonie de signature du bureau de liaison d’Irkoutsk de l’université de Kanazawa',
    },
  },
  ...(
    [
      ['Mathematics', '数学', 'Математика', 'Mathématiques', 'A'],
      ['Physics', '物理学', 'Физика', 'Physique', 'B'],
      ['Chemistry', '化学', 'Химия', 'Chimie', 'C'],
      ['Environmental Studies', '環境学', 'Экология', 'Études environnementales', 'D'],
    ] as const
  ).map(([en, ja, ru, fr, room]): DemoSession => ({
    day: '2021-10-01',
    start: '10:30',
    end: '12:30',
    room: `Online ${room} (invented)`,
    title: {
      en: `Basic Science and Advanced Science and Technology: ${en} symposium (online)`,
      ja: `基礎科学・先端科学技術：${ja}シンポジウム（オンライン）`,
      ru: `Фундаментальные и передовые науки: симпозиум «${ru}» (онлайн)`,
      fr: `Sciences fondamentales et avancées : symposium ${fr} (en ligne)`,
    },
    onlineUrl: `https://meet.demo.kakehashi.example/russian-week-2021-${room.toLowerCase()}`,
  })),
];

async function insertSessions(tx: Db, eventId: string, sessions: DemoSession[], zone: string) {
  for (const s of sessions) {
    const [row] = await tx
      .insert(eventSessions)
      .values({
        eventId,
        day: s.day,
        startsAt: new Date(zonedInstant(s.day, s.start, zone)),
        endsAt: new Date(zonedInstant(s.day, s.end, zone)),
        room: s.room,
        title: s.title,
        onlineUrl: s.onlineUrl ?? null,
        // Hours and rooms are invented; the sessions themselves are the source's.
        invented: true,
      })
      .returning({ id: eventSessions.id });
    for (const [position, c] of (s.contributions ?? []).entries()) {
      await tx.insert(eventContributions).values({
        sessionId: row!.id,
        kind: c.kind,
        position,
        title: c.title,
        guestName: c.guestName,
        guestAffiliation: c.guestAffiliation ?? null,
        videoUrl: c.videoUrl ?? null,
        recordingConsent: c.recordingConsent ?? false,
        invented: /invented/.test(c.guestName),
      });
    }
  }
}

/** The demo events; `userIds` maps the demo accounts' e-mail addresses to their ids. */
export async function seedEvents(tx: Db, userIds: Map<string, string>): Promise<void> {
  // The association's congress series: in turn in Japan and Russia every 18–24 months (001).
  const [congress] = await tx
    .insert(eventSeries)
    .values({
      title: {
        en: 'Congress of the Association of Japanese and Russian Universities',
        ja: '日露大学協会 総会（大会）',
        ru: 'Конгресс Ассоциации японских и российских университетов',
        fr: 'Congrès de l’Association des universités japonaises et russes',
      },
      description: {
        en: 'Held in turn in Russia and Japan once in one and a half to two years.',
        ja: 'ロシアと日本で交互に、1年半から2年に1度開催。',
        ru: 'Проводится поочерёдно в России и Японии раз в полтора-два года.',
        fr: 'Organisé tour à tour en Russie et au Japon tous les dix-huit mois à deux ans.',
      },
      rotation: { countries: ['JP', 'RU'], minMonths: 18, maxMonths: 24 },
      candidates: [
        { id: 'hokudai.ac.jp', country: 'JP' },
        { id: 'niigata-u.ac.jp', country: 'JP' },
        { id: 'msu.ru', country: 'RU' },
      ],
      organisers: [cons('ajru')],
    })
    .returning({ id: eventSeries.id });
  const congressBase = {
    kind: 'congress' as const,
    seriesId: congress!.id,
    mode: 'in_person' as const,
    organisers: [cons('ajru')],
    consortiumIds: ['ajru'],
    visibility: 'public' as const,
    // The month and the city are the source's; the days and the host university are invented.
    invented: true,
  };
  await tx.insert(events).values([
    {
      ...congressBase,
      title: {
        en: 'First Congress of the Association of Japanese and Russian Universities',
        ja: '日露大学協会 第1回大会',
        ru: 'Первый конгресс Ассоциации японских и российских университетов',
        fr: 'Premier congrès de l’Association des universités japonaises et russes',
      },
      description: { en: 'May 2018, Sapporo. Days and host university invented.' },
      timeZone: 'Asia/Tokyo',
      startsOn: '2018-05-17',
      endsOn: '2018-05-18',
      city: 'Sapporo',
      country: 'JP',
      hosts: [inst('hokudai.ac.jp')],
    },
    {
      ...congressBase,
      title: {
        en: 'Second Congress of the Association of Japanese and Russian Universities',
        ja: '日露大学協会 第2回大会',
        ru: 'Второй конгресс Ассоциации японских и российских университетов',
        fr: 'Deuxième congrès de l’Association des universités japonaises et russes',
      },
      description: { en: 'September 2019, Moscow. Days and host university invented.' },
      timeZone: 'Europe/Moscow',
      startsOn: '2019-09-19',
      endsOn: '2019-09-20',
      city: 'Moscow',
      country: 'RU',
      hosts: [inst('msu.ru')],
    },
  ]);

  // The online round table of 25 September 2020 (001); its hours are invented.
  const [roundTable] = await tx
    .insert(events)
    .values({
      kind: 'round_table',
      title: {
        en: 'Partnerships between Russian and Japanese Universities, Enterprises and Local Authorities. Exchange of Best Practices in Training Specialists for the Regions',
        ja: '日露の大学・企業・自治体のパートナーシップ：地域のための人材育成の好事例交換',
        ru: 'Партнёрство российских и японских вузов, предприятий и органов местной власти. Обмен лучшими практиками подготовки специалистов для регионов',
        fr: 'Partenariats entre universités, entreprises et collectivités russes et japonaises : échange de bonnes pratiques pour former des spécialistes pour les régions',
      },
      description: {
        en: 'Round table held online. Problems of modern restrictions and hybrid forms of cooperation.',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2020-09-25',
      endsOn: '2020-09-25',
      mode: 'online',
      organisers: [cons('ajru'), inst('hokudai.ac.jp'), inst('asu.ru')],
      hosts: [inst('hokudai.ac.jp'), inst('asu.ru')],
      consortiumIds: ['ajru'],
      visibility: 'public',
      invented: false,
    })
    .returning({ id: events.id });
  await insertSessions(
    tx,
    roundTable!.id,
    [
      {
        day: '2020-09-25',
        start: '15:00',
        end: '17:00',
        room: null,
        title: { en: 'Round table', ja: '円卓会議', ru: 'Круглый стол', fr: 'Table ronde' },
        onlineUrl: 'https://meet.demo.kakehashi.example/ajru-round-table-2020',
      },
    ],
    'Asia/Tokyo',
  );

  // Russian Week, each year at Kanazawa (002).
  const [weekSeries] = await tx
    .insert(eventSeries)
    .values({
      title: {
        en: 'Kanazawa Russian Week',
        ja: '金沢大学ロシア・ウィーク',
        ru: 'Русская неделя в Канадзаве',
        fr: 'Semaine russe de Kanazawa',
      },
      rotation: { countries: ['JP'], minMonths: 12, maxMonths: 12 },
      candidates: [{ id: 'kanazawa-u.ac.jp', country: 'JP' }],
      organisers: [inst('kanazawa-u.ac.jp'), cons('rjilt')],
      invented: false,
    })
    .returning({ id: eventSeries.id });
  const [week] = await tx
    .insert(events)
    .values({
      kind: 'symposium',
      seriesId: weekSeries!.id,
      title: {
        en: 'Kanazawa Russian Week 2021',
        ja: '金沢大学ロシア・ウィーク2021',
        ru: 'Русская неделя в Канадзаве 2021',
        fr: 'Semaine russe de Kanazawa 2021',
      },
      description: {
        en: 'A special event of the inter-university project Russia-Japan Innovative Leaders of Tomorrow: each of its three student exchange programs (cultural exchange, basic & advanced science and technology, preventive medicine) holds its own symposium with partner universities in Russia.',
        ja: '大学間交流事業「日露の明日を担う革新的リーダー」の特別行事。3つの学生交流プログラム（文化交流、基礎・先端科学技術、予防医学）がそれぞれロシアの協定校とシンポジウムを開催。',
        ru: 'Специальное мероприятие межвузовского проекта «Инновационные лидеры России и Японии завтрашнего дня»: каждая из трёх программ студенческого обмена проводит свой симпозиум с российскими вузами-партнёрами.',
        fr: 'Événement spécial du projet inter-universitaire « Leaders innovants Russie-Japon de demain » : chacun de ses trois programmes d’échange tient son symposium avec les universités partenaires russes.',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2021-09-29',
      endsOn: '2021-10-01',
      mode: 'hybrid',
      city: 'Kanazawa',
      country: 'JP',
      venue: { en: 'Kanazawa University (invented venue)', ja: '金沢大学' },
      organisers: [inst('kanazawa-u.ac.jp'), cons('rjilt')],
      hosts: [inst('kanazawa-u.ac.jp')],
      consortiumIds: ['rjilt'],
      capacity: 200,
      visibility: 'public',
      videoUrl: RUSSIAN_WEEK_VIDEO,
      invented: false,
    })
    .returning({ id: events.id });
  await insertSessions(tx, week!.id, RUSSIAN_WEEK_SESSIONS, 'Asia/Tokyo');

  // The signing ceremony of the liaison office it created (002), on Russian Week's third day.
  const office = await liaisonOfficeByName(tx, 'Kanazawa University Irkutsk Liaison Office');
  const [ceremony] = await tx
    .insert(events)
    .values({
      kind: 'ceremony_signing',
      seriesId: null,
      title: {
        en: 'Signing ceremony of the Kanazawa University Irkutsk Liaison Office',
        ja: '金沢大学イルクーツク連絡事務所 調印式',
        ru: 'Церемония подписания: представительство Университета Канадзавы в Иркутске',
        fr: 'Cérémonie de signature du bureau de liaison d’Irkoutsk de l’université de Kanazawa',
      },
      description: {
        en: 'An agreement concluded with the cooperation of Irkutsk State University.',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2021-10-01',
      endsOn: '2021-10-01',
      mode: 'hybrid',
      city: 'Kanazawa',
      country: 'JP',
      organisers: [inst('kanazawa-u.ac.jp')],
      hosts: [inst('kanazawa-u.ac.jp'), inst('isu.ru')],
      consortiumIds: ['rjilt'],
      liaisonOfficeId: office,
      visibility: 'public',
      invented: false,
    })
    .returning({ id: events.id });
  await insertSessions(
    tx,
    ceremony!.id,
    [
      {
        day: '2021-10-01',
        start: '09:30',
        end: '10:00',
        room: 'Main hall (invented)',
        title: { en: 'Signing', ja: '調印', ru: 'Подписание', fr: 'Signature' },
      },
    ],
    'Asia/Tokyo',
  );
  const [signing] = await tx
    .select({ id: eventSessions.id })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, ceremony!.id));
  await tx.insert(eventMinutes).values({
    sessionId: signing!.id,
    version: 1,
    text: {
      en: 'The agreement establishing the Irkutsk Liaison Office was signed with Irkutsk State University. (invented minutes)',
      ja: 'イルクーツク国立大学とイルクーツク連絡事務所設置の協定に調印した。（架空の議事録）',
      ru: 'Подписано соглашение с Иркутским государственным университетом об открытии представительства. (вымышленный протокол)',
      fr: 'L’accord créant le bureau de liaison d’Irkoutsk a été signé avec l’Université d’État d’Irkoutsk. (compte rendu inventé)',
    },
    createdBy: null,
    createdAt: new Date('2021-10-04T03:00:00Z'),
    approvedAt: new Date('2021-10-08T03:00:00Z'),
    approvedBy: null,
  });

  // The alumni association's first general conference (002), an event of its own.
  await tx.insert(events).values({
    id: KANAZAWA_FIRST_CONFERENCE_EVENT_ID,
    kind: 'general_conference',
    title: {
      en: 'First general conference of the Kanazawa University Russian Alumni Association',
      ja: '金沢大学ロシア同窓会 第1回総会',
      ru: 'Первое общее собрание Ассоциации российских выпускников Университета Канадзавы',
      fr: 'Première assemblée générale de l’association des anciens russes de l’université de Kanazawa',
    },
    description: {
      en: 'Held with members after the public programme of Russian Week’s first day.',
    },
    timeZone: 'Asia/Tokyo',
    startsOn: '2021-09-29',
    endsOn: '2021-09-29',
    mode: 'hybrid',
    city: 'Kanazawa',
    country: 'JP',
    organisers: [inst('kanazawa-u.ac.jp')],
    hosts: [inst('kanazawa-u.ac.jp')],
    visibility: 'members',
    invented: false,
  });

  // Tsukuba Global Science Week (004): the source names it; its dates here are invented.
  const [tsukubaForum] = await tx
    .insert(events)
    .values({
      kind: 'forum',
      title: {
        en: 'Tsukuba Global Science Week (invented dates)',
        ja: '筑波グローバル・サイエンス・ウィーク',
        ru: 'Глобальная научная неделя в Цукубе',
        fr: 'Semaine mondiale des sciences de Tsukuba',
      },
      description: {
        en: 'Joint conferences and workshops of the Campus-in-Campus partners: presidents, vice-presidents, research professors and administrative staff.',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2023-09-25',
      endsOn: '2023-09-27',
      mode: 'hybrid',
      city: 'Tsukuba',
      country: 'JP',
      organisers: [inst('tsukuba.ac.jp'), cons('cic')],
      hosts: [inst('tsukuba.ac.jp')],
      consortiumIds: ['cic'],
      visibility: 'public',
      invented: true,
    })
    .returning({ id: events.id });

  // An orientation workshop of Tohoku's consortium for its outgoing students (invented).
  const [workshop] = await tx
    .insert(events)
    .values({
      kind: 'workshop',
      title: {
        en: 'Pre-departure orientation for Japan–Russia exchange students (invented)',
        ja: '日露交流派遣学生 渡航前オリエンテーション（架空）',
        ru: 'Ориентация перед отъездом для студентов обмена Япония–Россия (вымышлено)',
        fr: 'Réunion de préparation au départ des étudiants en échange Japon–Russie (inventé)',
      },
      timeZone: 'Asia/Tokyo',
      startsOn: '2027-03-10',
      endsOn: '2027-03-10',
      mode: 'hybrid',
      city: 'Sendai',
      country: 'JP',
      organisers: [cons('tohoku-jr-japan'), inst('tohoku.ac.jp')],
      hosts: [inst('tohoku.ac.jp')],
      consortiumIds: ['tohoku-jr-japan'],
      capacity: 30,
      approvalRequired: false,
      visibility: 'members',
      followUp: [
        {
          id: 'dietary',
          label: { en: 'Dietary needs', ja: '食事の配慮', ru: 'Питание', fr: 'Régime alimentaire' },
        },
      ],
      invented: true,
    })
    .returning({ id: events.id });
  await insertSessions(
    tx,
    workshop!.id,
    [
      {
        day: '2027-03-10',
        start: '13:00',
        end: '15:00',
        room: 'Room 101 (invented)',
        title: {
          en: 'Safety, money and study abroad',
          ja: '安全・奨学金・留学生活',
          ru: 'Безопасность, стипендия и учёба',
          fr: 'Sécurité, bourse et études',
        },
        onlineUrl: 'https://meet.demo.kakehashi.example/tohoku-orientation-2027',
        contributions: [
          {
            kind: 'report',
            title: {
              en: 'Living in Novosibirsk',
              ja: 'ノヴォシビルスクでの生活',
              ru: 'Жизнь в Новосибирске',
              fr: 'Vivre à Novossibirsk',
            },
            guestName: 'A returning student (invented)',
          },
        ],
      },
    ],
    'Asia/Tokyo',
  );
  const tohokuStudent = userIds.get('student.tohoku@demo.kakehashi.example');
  if (tohokuStudent)
    await tx.insert(eventRegistrations).values({
      eventId: workshop!.id,
      userId: tohokuStudent,
      status: 'confirmed',
      listed: false,
      checkInToken: 'demo-tohoku-orientation-2027-student-tohoku',
      invented: true,
      createdAt: new Date('2026-11-20T03:00:00Z'),
    });
  const [tsukubaStudentRow] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'student.tsukuba@demo.kakehashi.example'));
  const tsukubaStudent = tsukubaStudentRow?.id;
  if (tsukubaStudent && tsukubaForum)
    await tx.insert(eventRegistrations).values({
      eventId: tsukubaForum.id,
      userId: tsukubaStudent,
      status: 'confirmed',
      listed: true,
      checkInToken: 'demo-tsukuba-science-week-student-tsukuba',
      invented: true,
      createdAt: new Date('2023-09-01T03:00:00Z'),
    });

  // A demo student registered for Russian Week, listed and checked in (invented).
  const student = userIds.get('student.tohoku@demo.kakehashi.example');
  if (student)
    await tx.insert(eventRegistrations).values({
      eventId: week!.id,
      userId: student,
      status: 'confirmed',
      listed: true,
      checkInToken: 'demo-russian-week-2021-student-tohoku',
      checkedInAt: new Date('2021-09-29T00:45:00Z'),
      invented: true,
      createdAt: new Date('2021-09-10T03:00:00Z'),
    });
}
