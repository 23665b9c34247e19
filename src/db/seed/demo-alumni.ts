/**
 * The demo's alumni associations. Source document 002: the Kanazawa University Russian Alumni
 * Association held its first general conference during Kanazawa Russian Week 2021, on DAY 1
 * (29 September 2021), after the public programme. Its minutes here are invented. The Tohoku
 * association is invented: its alumni are derived from Tohoku's completed demo mobilities
 * (demo-exchanges.ts, demo-mobility.ts), with a few invented profiles and consents so that the
 * directory shows something, and one invented returnee account offered as a mentor.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  alumniAssociations,
  alumniMeetings,
  alumniMentees,
  alumniOfficers,
  alumniRecords,
  mobilities,
  users,
} from '../schema.ts';
import { enterAlumni } from '../queries/alumni.ts';
import type { AlumniConsent } from '../../domain/alumni/fields.ts';

export const KANAZAWA_ALUMNI = 'kanazawa-russian-alumni';
export const TOHOKU_ALUMNI = 'tohoku-russia-alumni';
export const ALUMNA_EMAIL = 'alumna.tohoku@demo.kakehashi.example';

/** Source document 002: DAY 1 of Russian Week 2021. */
export const KANAZAWA_FIRST_CONFERENCE_ON = '2021-09-29';

/**
 * The calendar's event of that first general conference (demo-events.ts gives it this id), so
 * that the association's record of the conference links to the event's page.
 */
export const KANAZAWA_FIRST_CONFERENCE_EVENT_ID = '6a1e2c0f-5b7d-4e3a-9c21-2021092900a1';

const ALUMNA = {
  email: ALUMNA_EMAIL,
  displayName: 'Mika Aoyama (invented)',
  language: 'ja',
  names: { latin: 'Mika Aoyama', kanji: '青山 美香', kana: 'あおやま みか' },
};

/** Invented profiles of the first Tohoku alumni (by cohort order), with what each consented to. */
const PROFILES: {
  fieldOfStudy: string;
  currentPosition: string | null;
  contact: string | null;
  degreeAtHost: boolean | null;
  worksInJapanRussia: boolean | null;
  consent: AlumniConsent;
}[] = [
  {
    fieldOfStudy: 'Physics',
    currentPosition: 'Researcher, materials science (invented)',
    contact: 'https://example.org/alumni/physics',
    degreeAtHost: true,
    worksInJapanRussia: true,
    consent: {
      name: ['consortium', 'partner_country', 'public'],
      host: ['consortium', 'partner_country', 'public'],
      year: ['consortium', 'public'],
      fieldOfStudy: ['consortium', 'public'],
      currentPosition: ['consortium'],
      degreeAtHost: ['consortium'],
      worksInJapanRussia: ['consortium'],
    },
  },
  {
    fieldOfStudy: 'Russian language and literature',
    currentPosition: 'Interpreter (invented)',
    contact: null,
    degreeAtHost: false,
    worksInJapanRussia: true,
    consent: {
      name: ['consortium'],
      host: ['consortium'],
      fieldOfStudy: ['consortium', 'partner_country'],
      worksInJapanRussia: ['consortium', 'public'],
    },
  },
  {
    fieldOfStudy: 'Environmental studies',
    currentPosition: null,
    contact: null,
    degreeAtHost: null,
    worksInJapanRussia: false,
    consent: { year: ['public'], host: ['public'], fieldOfStudy: ['public'] },
  },
];

export async function seedAlumni(tx: Db, passwordHash: string): Promise<void> {
  await tx.insert(alumniAssociations).values([
    {
      id: KANAZAWA_ALUMNI,
      institutionId: 'kanazawa-u.ac.jp',
      names: {
        en: 'Kanazawa University Russian Alumni Association',
        ja: '金沢大学ロシア同窓会',
        ru: 'Ассоциация российских выпускников Университета Канадзавы',
        fr: 'Association des anciens russes de l’Université de Kanazawa',
      },
      description: {
        en: 'Source document 002: its first general conference was held with members during Kanazawa Russian Week 2021.',
      },
      invented: false,
    },
    {
      id: TOHOKU_ALUMNI,
      institutionId: 'tohoku.ac.jp',
      programId: null,
      names: {
        en: 'Tohoku University Japan–Russia Exchange Alumni (invented)',
        ja: '東北大学日露交流同窓会（架空）',
        ru: 'Выпускники японо-российского обмена Университета Тохоку (вымышлено)',
        fr: 'Anciens des échanges Japon–Russie de l’Université de Tohoku (fictif)',
      },
      foundedOn: '2020-04-01',
      description: { en: 'Invented for the demo: alumni of Tohoku’s completed exchanges.' },
      invented: true,
    },
  ]);
  await tx.insert(alumniMeetings).values({
    associationId: KANAZAWA_ALUMNI,
    kind: 'general_conference',
    number: 1,
    heldOn: KANAZAWA_FIRST_CONFERENCE_ON,
    title: {
      en: 'First general conference',
      ja: '第1回総会',
      ru: 'Первое общее собрание',
      fr: 'Première assemblée générale',
    },
    minutes: {
      en: 'Held with members after the public programme of Russian Week 2021, DAY 1 (source document 002). Invented minutes: the association’s purpose and its officers were confirmed.',
      ja: 'ロシアウィーク2021の1日目、公開プログラムの後に会員とともに開催（資料002）。架空の議事録：会の目的と役員を確認した。',
    },
    eventId: KANAZAWA_FIRST_CONFERENCE_EVENT_ID,
    invented: false,
  });

  await enterAlumni(
    tx,
    { id: TOHOKU_ALUMNI, institutionId: 'tohoku.ac.jp', programId: null },
    true,
  );
  const outgoing = await tx
    .select({ id: alumniRecords.id, hostId: alumniRecords.hostId })
    .from(alumniRecords)
    .innerJoin(mobilities, eq(mobilities.id, alumniRecords.mobilityId))
    .where(
      and(
        eq(alumniRecords.associationId, TOHOKU_ALUMNI),
        eq(alumniRecords.direction, 'outgoing'),
        eq(mobilities.invented, true),
      ),
    )
    .orderBy(alumniRecords.year, mobilities.startDate, alumniRecords.hostId);
  for (const [i, profile] of PROFILES.entries()) {
    const rec = outgoing[i];
    if (rec) await tx.update(alumniRecords).set(profile).where(eq(alumniRecords.id, rec.id));
  }

  // An invented returnee with an account: she went to Novosibirsk, offers herself as a mentor
  // and is the association's president.
  const nsu = outgoing.find((r, i) => i >= PROFILES.length && r.hostId === 'nsu.ru');
  if (!nsu) return;
  const [alumna] = await tx
    .insert(users)
    .values({ ...ALUMNA, passwordHash, invented: true })
    .returning({ id: users.id });
  if (!alumna) throw new Error(`could not create ${ALUMNA.email}`);
  await tx
    .update(alumniRecords)
    .set({
      userId: alumna.id,
      name: 'Mika Aoyama (invented)',
      fieldOfStudy: 'Physics',
      currentPosition: 'Engineer, Japan–Russia energy projects (invented)',
      contact: 'mika.aoyama@example.org',
      worksInJapanRussia: true,
      mentorOptIn: true,
      consent: {
        name: ['consortium', 'partner_country'],
        host: ['consortium', 'partner_country', 'public'],
        year: ['consortium'],
        fieldOfStudy: ['consortium', 'partner_country'],
        currentPosition: ['consortium'],
        worksInJapanRussia: ['consortium', 'public'],
      },
    })
    .where(eq(alumniRecords.id, nsu.id));
  await tx.insert(alumniOfficers).values({
    associationId: TOHOKU_ALUMNI,
    userId: alumna.id,
    title: 'president',
    since: '2020-04-01',
  });

  // The demo student bound for Novosibirsk asked for a mentor (demo-mobility.ts).
  const [student] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'student.tohoku@demo.kakehashi.example'));
  if (!student) return;
  const [coming] = await tx
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(
      and(
        eq(mobilities.studentUserId, student.id),
        eq(mobilities.hostId, 'nsu.ru'),
        eq(mobilities.status, 'la_signed'),
      ),
    );
  if (coming)
    await tx.insert(alumniMentees).values({
      userId: student.id,
      mobilityId: coming.id,
      fieldOfStudy: 'Physics',
      optedIn: true,
    });
}
