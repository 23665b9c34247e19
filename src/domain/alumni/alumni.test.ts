import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS_READER,
  audiencesOf,
  deriveAlumni,
  directoryEntry,
  isValidContact,
  matchMentors,
  matchesSearch,
  normaliseConsent,
  visibleFields,
  type AlumniRecord,
  type CompletedMobility,
} from './index.ts';

const record = (over: Partial<AlumniRecord> = {}): AlumniRecord => ({
  id: 'a-1',
  associationId: 'tohoku-alumni',
  userId: 'u-anna',
  name: 'Anna Sato',
  homeId: 'tohoku.ac.jp',
  hostId: 'nsu.ru',
  direction: 'outgoing',
  year: 2017,
  programId: 'mext-iep-2014',
  fieldOfStudy: 'Physics',
  currentPosition: 'Engineer at a trading house',
  contact: 'anna@example.org',
  degreeAtHost: true,
  worksInJapanRussia: true,
  outcomeNote: null,
  consent: {},
  mentorOptIn: false,
  ...over,
});
const context = { consortiumIds: ['tohoku-jr-japan', 'tohoku-jr-russia'], partnerCountry: 'RU' };

describe('alumni directory consent', () => {
  it('shows nothing of a record whose holder consented to nothing: not listed', () => {
    const r = record();
    const fields = visibleFields(r, null, audiencesOf(ANONYMOUS_READER, r, context));
    expect(fields).toEqual([]);
    expect(directoryEntry(r, fields)).toBeNull();
  });

  it('shows a field only to the audiences it was consented for', () => {
    const r = record({ consent: { name: ['public'], fieldOfStudy: ['consortium'] } });
    const anon = visibleFields(r, null, audiencesOf(ANONYMOUS_READER, r, context));
    expect(anon).toEqual(['name']);
    const member = {
      userId: 'u-2',
      institutionIds: [],
      consortiumIds: ['tohoku-jr-russia'],
      countries: [],
    };
    expect(visibleFields(r, 'u-2', audiencesOf(member, r, context))).toEqual([
      'name',
      'fieldOfStudy',
    ]);
  });

  it('counts a reader of the partner country as that audience, not as the consortium', () => {
    const r = record({ consent: { contact: ['partner_country'] } });
    const russian = {
      userId: 'u-3',
      institutionIds: ['spbu.ru'],
      consortiumIds: [],
      countries: ['RU'],
    };
    const a = audiencesOf(russian, r, context);
    expect([...a].sort()).toEqual(['partner_country', 'public']);
    expect(visibleFields(r, 'u-3', a)).toEqual(['contact']);
  });

  it('shows every field to the holder themself', () => {
    const r = record();
    expect(visibleFields(r, 'u-anna', new Set(['public']))).toHaveLength(10);
  });

  it('never matches a search on a field the reader may not see', () => {
    const r = record({ consent: { name: ['public'], fieldOfStudy: ['consortium'] } });
    const entry = directoryEntry(r, ['name'])!;
    expect(entry).toEqual({ id: 'a-1', direction: 'outgoing', name: 'Anna Sato' });
    expect(matchesSearch(entry, 'physics')).toBe(false);
    expect(matchesSearch(entry, 'anna')).toBe(true);
    const fuller = directoryEntry(r, ['name', 'fieldOfStudy'])!;
    expect(matchesSearch(fuller, 'anna PHYSICS')).toBe(true);
  });

  it('keeps each consented audience once, in order, and drops empty fields', () => {
    expect(normaliseConsent({ name: ['public', 'consortium', 'public'], contact: [] })).toEqual({
      name: ['consortium', 'public'],
    });
  });
});

describe('alumni derivation', () => {
  const mob = (over: Partial<CompletedMobility>): CompletedMobility => ({
    id: 'm-1',
    homeId: 'tohoku.ac.jp',
    hostId: 'nsu.ru',
    studentName: 'Invented student',
    studentUserId: null,
    programId: 'mext-iep-2014',
    status: 'completed',
    startDate: '2016-09-01',
    ...over,
  });
  const scope = { institutionId: 'tohoku.ac.jp', programId: null };

  it('enters completed stays from and to the university once, with direction and cohort year', () => {
    const mobilities = [
      mob({ id: 'm-1' }),
      mob({ id: 'm-2', homeId: 'msu.ru', hostId: 'tohoku.ac.jp', startDate: '2018-10-01' }),
      mob({ id: 'm-3', status: 'departed' }),
      mob({ id: 'm-4', homeId: 'hokudai.ac.jp', hostId: 'asu.ru' }),
      mob({ id: 'm-5', status: 'recognised' }),
    ];
    const first = deriveAlumni(scope, mobilities, new Set());
    expect(first.map((a) => [a.mobilityId, a.direction, a.year])).toEqual([
      ['m-1', 'outgoing', 2016],
      ['m-2', 'incoming', 2018],
      ['m-5', 'outgoing', 2016],
    ]);
    expect(deriveAlumni(scope, mobilities, new Set(first.map((a) => a.mobilityId)))).toEqual([]);
  });

  it('enters a mobility listed twice only once', () => {
    expect(deriveAlumni(scope, [mob({}), mob({})], new Set())).toHaveLength(1);
  });

  it("keeps to the association's program when it has one", () => {
    const only = { institutionId: 'tohoku.ac.jp', programId: 'mext-iep-2014' };
    expect(deriveAlumni(only, [mob({ programId: null })], new Set())).toEqual([]);
  });
});

describe('mentors', () => {
  const mentor = {
    id: 'a-1',
    userId: 'u-m',
    hostId: 'nsu.ru',
    fieldOfStudy: 'Physics',
    mentorOptIn: true,
  };
  const mentee = { userId: 'u-s', hostId: 'nsu.ru', fieldOfStudy: null, optedIn: true };

  it('offers a returnee who opted in to a student who opted in, bound for the same host', () => {
    expect(matchMentors(mentee, [mentor])).toEqual([
      { mentorId: 'a-1', sameHost: true, sameField: false },
    ]);
  });

  it('matches on the same field of study at another host', () => {
    const m = matchMentors({ ...mentee, hostId: 'msu.ru', fieldOfStudy: ' physics ' }, [mentor]);
    expect(m).toEqual([{ mentorId: 'a-1', sameHost: false, sameField: true }]);
  });

  it('offers nobody unless both sides opted in', () => {
    expect(matchMentors({ ...mentee, optedIn: false }, [mentor])).toEqual([]);
    expect(matchMentors(mentee, [{ ...mentor, mentorOptIn: false }])).toEqual([]);
  });

  it('offers nobody bound elsewhere in another field', () => {
    expect(
      matchMentors({ ...mentee, hostId: 'msu.ru', fieldOfStudy: 'History' }, [mentor]),
    ).toEqual([]);
  });
});

describe('contacts', () => {
  it('accepts an e-mail address or an http(s) link, nothing else', () => {
    expect(isValidContact('anna@example.org')).toBe(true);
    expect(isValidContact('https://example.org/anna')).toBe(true);
    expect(isValidContact('javascript:alert(1)')).toBe(false);
    expect(isValidContact('ftp://example.org')).toBe(false);
  });
});
