/** The event form's draft: strings as typed, turned into the API's body on submit. */
import { emptyLocalized, type LocalizedDraft } from '../../components/ui/localized-text-fields.tsx';
import type {
  ContributionInput,
  ContributionKind,
  EventDetail,
  EventInput,
  EventKind,
  EventMode,
  Localized,
  PartyRef,
  Session,
  SessionInput,
} from './api.ts';
import { wallClockOf } from './event-time.ts';

export type ContributionDraft = {
  /** Set once saved: the contribution is then updated rather than created. */
  id: string | null;
  kind: ContributionKind;
  title: LocalizedDraft;
  speaker: string;
  materialUrl: string;
  videoUrl: string;
  recordingConsent: boolean;
};
export type SessionDraft = {
  /** Set once saved: the session is then updated rather than created. */
  id: string | null;
  day: string;
  startTime: string;
  endTime: string;
  room: string;
  title: LocalizedDraft;
  onlineUrl: string;
  contributions: ContributionDraft[];
};
/** A follow-up question: a stable id (q1, q2…) and its label in each language. */
export type QuestionDraft = { id: string; label: LocalizedDraft };

export type Draft = {
  kind: EventKind;
  title: LocalizedDraft;
  description: LocalizedDraft;
  mode: EventMode;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string;
  venue: LocalizedDraft;
  capacity: string;
  approvalRequired: boolean;
  /** `type:id` of each organising party. */
  organisers: string[];
  /** `type:id` of each hosting party. */
  hosts: string[];
  /** Questions put to participants after the event. */
  followUp: QuestionDraft[];
  seriesId: string | null;
  sessions: SessionDraft[];
  /** What the form does not edit, sent back as it was so that saving keeps it. */
  kept: Pick<
    EventInput,
    | 'country'
    | 'programIds'
    | 'agreementIds'
    | 'consortiumIds'
    | 'liaisonOfficeId'
    | 'visibility'
    | 'videoUrl'
  >;
};

const localized = (text: Localized | undefined | null): LocalizedDraft => ({
  ...emptyLocalized(),
  ...(text ?? {}),
});

/** Only the languages filled in. */
const filled = (text: LocalizedDraft): Localized =>
  Object.fromEntries(
    Object.entries(text)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  ) as Localized;

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export const partyKey = (p: PartyRef) => `${p.type}:${p.id}`;
const partyOf = (key: string): PartyRef => {
  const at = key.indexOf(':');
  return { type: key.slice(0, at) as PartyRef['type'], id: key.slice(at + 1) };
};

export const emptyContribution = (): ContributionDraft => ({
  id: null,
  kind: 'report',
  title: emptyLocalized(),
  speaker: '',
  materialUrl: '',
  videoUrl: '',
  recordingConsent: false,
});

export const emptySession = (day: string): SessionDraft => ({
  id: null,
  day,
  startTime: '10:00',
  endTime: '11:00',
  room: '',
  title: emptyLocalized(),
  onlineUrl: '',
  contributions: [],
});

export const emptyDraft = (): Draft => ({
  kind: 'symposium',
  title: emptyLocalized(),
  description: emptyLocalized(),
  mode: 'in_person',
  startsOn: '',
  endsOn: '',
  timeZone: 'Asia/Tokyo',
  city: '',
  venue: emptyLocalized(),
  capacity: '',
  approvalRequired: false,
  organisers: [],
  hosts: [],
  followUp: [],
  seriesId: null,
  sessions: [],
  kept: {},
});

/** A new question's id: `q` and the next number not taken (ids stay stable once given). */
export function nextQuestionId(questions: readonly { id: string }[]): string {
  const taken = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** The draft of an existing event, its session times as wall clock in the event's zone. */
export function draftOf(e: EventDetail): Draft {
  return {
    kind: e.kind,
    title: localized(e.title),
    description: localized(e.description),
    mode: e.mode,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    timeZone: e.timeZone,
    city: e.city ?? '',
    venue: localized(e.venue),
    capacity: e.capacity === null ? '' : String(e.capacity),
    approvalRequired: e.approvalRequired,
    organisers: e.organisers.map(partyKey),
    hosts: e.hosts.map(partyKey),
    followUp: e.followUp.map((q) => ({ id: q.id, label: localized(q.label) })),
    seriesId: e.seriesId,
    sessions: e.sessions.map((s) => sessionDraftOf(s, e.timeZone)),
    kept: {
      country: e.country,
      programIds: e.programIds,
      agreementIds: e.agreementIds,
      consortiumIds: e.consortiumIds,
      liaisonOfficeId: e.liaisonOffice?.id ?? null,
      visibility: e.visibility,
      videoUrl: e.videoUrl,
    },
  };
}

function sessionDraftOf(s: Session, timeZone: string): SessionDraft {
  const start = wallClockOf(s.startsAt, timeZone);
  return {
    id: s.id,
    day: s.day || start.date,
    startTime: start.time,
    endTime: wallClockOf(s.endsAt, timeZone).time,
    room: s.room ?? '',
    title: localized(s.title),
    onlineUrl: s.onlineUrl ?? '',
    contributions: s.contributions.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: localized(c.title),
      speaker: c.guestName ?? '',
      materialUrl: c.materialsUrl ?? '',
      videoUrl: c.videoUrl ?? '',
      recordingConsent: c.recordingConsent,
    })),
  };
}

export function contributionOf(c: ContributionDraft, position: number): ContributionInput {
  return {
    kind: c.kind,
    position,
    title: filled(c.title),
    abstract: {},
    guestName: orNull(c.speaker),
    materialsUrl: orNull(c.materialUrl),
    videoUrl: orNull(c.videoUrl),
    recordingConsent: c.recordingConsent,
  };
}

export function sessionOf(s: SessionDraft): SessionInput {
  return {
    day: s.day,
    startTime: s.startTime,
    endTime: s.endTime,
    title: filled(s.title),
    room: orNull(s.room),
    onlineUrl: orNull(s.onlineUrl),
  };
}

/** The event's body: languages left empty are left out; a capacity is a whole number. */
export function contentOf(d: Draft): EventInput {
  const capacity = d.capacity.trim() === '' ? null : Number(d.capacity);
  return {
    ...d.kept,
    kind: d.kind,
    title: filled(d.title),
    description: filled(d.description),
    mode: d.mode,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    timeZone: d.timeZone.trim(),
    city: orNull(d.city),
    venue: filled(d.venue),
    capacity: capacity !== null && Number.isFinite(capacity) ? capacity : null,
    approvalRequired: d.approvalRequired,
    seriesId: d.seriesId,
    organisers: d.organisers.map(partyOf),
    hosts: d.hosts.map(partyOf),
    followUp: d.followUp.map((q) => ({ id: q.id, label: filled(q.label) })),
  };
}

/** The event's days, YYYY-MM-DD, from its first to its last (at most 31). */
export function eventDays(startsOn: string, endsOn: string): string[] {
  const from = Date.parse(`${startsOn}T00:00:00Z`);
  const to = Date.parse(`${endsOn}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return startsOn ? [startsOn] : [];
  const days: string[] = [];
  for (let t = from; t <= to && days.length < 31; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
