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
  SessionInput,
} from './api.ts';
import { wallClockOf } from './event-time.ts';

export type ContributionDraft = {
  kind: ContributionKind;
  title: LocalizedDraft;
  speaker: string;
  materialUrl: string;
  videoUrl: string;
  recordingConsent: boolean;
};
export type SessionDraft = {
  day: string;
  startTime: string;
  endTime: string;
  room: string;
  title: LocalizedDraft;
  onlineUrl: string;
  contributions: ContributionDraft[];
};
export type Draft = {
  kind: EventKind;
  title: LocalizedDraft;
  description: LocalizedDraft;
  mode: EventMode;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string;
  venue: string;
  capacity: string;
  approvalRequired: boolean;
  organiserIds: string[];
  seriesId: string | null;
  sessions: SessionDraft[];
};

const localized = (text: Localized | undefined): LocalizedDraft => ({
  ...emptyLocalized(),
  ...(text ?? {}),
});

/** Only the languages filled in. */
const filled = (text: LocalizedDraft): Localized =>
  Object.fromEntries(Object.entries(text).filter(([, v]) => v.trim() !== '')) as Localized;

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export const emptyContribution = (): ContributionDraft => ({
  kind: 'report',
  title: emptyLocalized(),
  speaker: '',
  materialUrl: '',
  videoUrl: '',
  recordingConsent: false,
});

export const emptySession = (day: string): SessionDraft => ({
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
  venue: '',
  capacity: '',
  approvalRequired: false,
  organiserIds: [],
  seriesId: null,
  sessions: [],
});

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
    venue: e.venue ?? '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    approvalRequired: e.approvalRequired,
    organiserIds: e.organisers.map((o) => o.id),
    seriesId: e.series?.id ?? null,
    sessions: e.sessions.map((s) => {
      const start = wallClockOf(s.startsAt, e.timeZone);
      return {
        day: s.day || start.date,
        startTime: start.time,
        endTime: wallClockOf(s.endsAt, e.timeZone).time,
        room: s.room ?? '',
        title: localized(s.title),
        onlineUrl: s.onlineUrl ?? '',
        contributions: s.contributions.map((c) => ({
          kind: c.kind,
          title: localized(c.title),
          speaker: c.speakers.map((p) => p.name).join(', '),
          materialUrl: c.materialUrl ?? '',
          videoUrl: c.videoUrl ?? '',
          recordingConsent: c.recordingConsent ?? false,
        })),
      };
    }),
  };
}

function contributionOf(c: ContributionDraft): ContributionInput {
  return {
    kind: c.kind,
    title: filled(c.title),
    abstract: {},
    speakers: c.speaker.trim() ? [{ userId: null, name: c.speaker.trim() }] : [],
    materialUrl: orNull(c.materialUrl),
    videoUrl: orNull(c.videoUrl),
    recordingConsent: c.videoUrl.trim() ? c.recordingConsent : null,
  };
}

function sessionOf(s: SessionDraft): SessionInput {
  return {
    day: s.day,
    startTime: s.startTime,
    endTime: s.endTime,
    title: filled(s.title),
    room: orNull(s.room),
    onlineUrl: orNull(s.onlineUrl),
    contributions: s.contributions.map(contributionOf),
  };
}

/** The body the API takes: languages left empty are left out; a capacity is a whole number. */
export function contentOf(d: Draft): EventInput {
  const capacity = d.capacity.trim() === '' ? null : Number(d.capacity);
  return {
    kind: d.kind,
    title: filled(d.title),
    description: filled(d.description),
    mode: d.mode,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    timeZone: d.timeZone.trim(),
    city: orNull(d.city),
    venue: orNull(d.venue),
    capacity: capacity !== null && Number.isFinite(capacity) ? capacity : null,
    approvalRequired: d.approvalRequired,
    seriesId: d.seriesId,
    organiserIds: d.organiserIds,
    sessions: d.sessions.map(sessionOf),
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
