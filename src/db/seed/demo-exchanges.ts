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

/** Members the seed does not name: clearly marked placeholders so that the counts match it. */
export function ajruPlaceholders(): (DemoInstitution & { invented: true; joinedOn: string })[] {
  const out: (DemoInstitution & { invented: true; joinedOn: string })[] = [];
  for (const side of ['JP', 'RU'] as const) {
    const named = AJRU_NAMED[side].length;
    for (let i = 1; i <= AJRU_OCTOBER_2019_PER_SIDE - named; i++) {
      const n = String(i).padStart(2, '0');
      const label = `Placeholder member ${side}-${n} of the Japan–Russia association`;
      out.push({
        id: `member-${side.toLowerCase()}-${n}.placeholder.kakehashi.example`,
        type: 'university',
        name: label,
        names: {
          en: label,
          ja: `日露大学協会 仮の会員 ${side}-${n}`,
          ru: `Условный член ассоциации ${side}-${n}`,
          fr: `Membre fictif ${side}-${n} de l’association`,
        },
        country: side,
        city: '—',
        latitude: 0,
        longitude: 0,
        website: 'https://placeholder.kakehashi.example/',
        invented: true,
        joinedOn: i + named <= AJRU_FOUNDING_PER_SIDE ? AJRU_FOUNDING : AJRU_GROWTH,
      });
    }
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

export const DEMO_AGREEMENTS = [
  {
    key: 'tohoku-jr',
    partyA: { type: 'consortium' as const, id: 'tohoku-jr-japan' },
    partyB: { type: 'consortium' as const, id: 'tohoku-jr-russia' },
    programId: 'mext-iep-2014',
    invented: true, // the seed names the project; the agreement's terms here are illustrative
    content: {
      title:
        'Creation of innovative leaders for new Japan–Russia relations: student exchange agreement',
      validFrom: '2014-10-01',
      validTo: '2024-03-31',
      clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
      directions: allDirections({ students: 6, months: 36 }, [2015, 2016, 2017, 2018, 2019]),
      balanceTolerance: { students: 1, months: 6 },
    },
    signatures: [
      {
        party: 'A' as const,
        signatory: 'President of Tohoku University (invented signatory)',
        signedOn: '2014-09-20',
      },
      {
        party: 'B' as const,
        signatory: 'Rector of Lomonosov Moscow State University (invented signatory)',
        signedOn: '2014-09-25',
      },
    ],
  },
  {
    key: 'tsukuba-uga',
    partyA: { type: 'institution' as const, id: 'tsukuba.ac.jp' },
    partyB: { type: 'institution' as const, id: 'univ-grenoble-alpes.fr' },
    programId: null,
    invented: false,
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
        party: 'A' as const,
        signatory: 'President of the University of Tsukuba',
        signedOn: '1997-03-01',
      },
      {
        party: 'B' as const,
        signatory: 'Président de l’Université Grenoble Alpes',
        signedOn: '1997-03-15',
      },
    ],
  },
];

/** Synthetic mobilities (invented students) so that the ledger shows a few years of history. */
export function demoMobilities(): {
  agreementKey: string;
  homeId: string;
  hostId: string;
  studentName: string;
  level: string;
  startDate: string;
  months: number;
  status: string;
}[] {
  const ru = ['msu.ru', 'nsu.ru', 'dvfu.ru'];
  const plan: [number, number, number][] = [
    // [academic year, sent from Japan, received from Russia]
    [2015, 3, 2],
    [2016, 4, 4],
    [2017, 5, 3],
    [2018, 4, 5],
    [2019, 3, 3],
  ];
  const out = [];
  let n = 0;
  for (const [year, sent, received] of plan) {
    for (let i = 0; i < sent; i++) {
      n++;
      out.push({
        agreementKey: 'tohoku-jr',
        homeId: 'tohoku.ac.jp',
        hostId: ru[i % ru.length]!,
        studentName: `Invented student JP-${String(n).padStart(3, '0')}`,
        level: i % 3 === 0 ? 'master' : 'bachelor',
        startDate: `${year}-09-01`,
        months: [6, 10, 12][i % 3]!,
        status: year < 2019 ? 'completed' : 'nominated',
      });
    }
    for (let i = 0; i < received; i++) {
      n++;
      out.push({
        agreementKey: 'tohoku-jr',
        homeId: ru[(i + 1) % ru.length]!,
        hostId: 'tohoku.ac.jp',
        studentName: `Invented student RU-${String(n).padStart(3, '0')}`,
        level: i % 2 === 0 ? 'master' : 'doctor',
        startDate: `${year}-10-01`,
        months: [10, 6, 12][i % 3]!,
        status: year < 2019 ? 'completed' : 'nominated',
      });
    }
  }
  return out;
}
