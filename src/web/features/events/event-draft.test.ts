import { describe, expect, it } from 'vitest';
import { tokenOf } from './check-in-code.ts';
import type { EventDetail } from './api.ts';
import {
  contentOf,
  draftOf,
  emptyDraft,
  emptySession,
  eventDays,
  nextQuestionId,
} from './event-draft.ts';
import { StepFailure, stepIssues } from './save-event.ts';
import { ApiError } from '../../api/client.ts';

describe('the event form draft', () => {
  it('sends only the languages filled in, the organisers as parties and the capacity as a number', () => {
    const d = {
      ...emptyDraft(),
      title: { en: ' Russian Week ', ja: 'ロシア・ウィーク', ru: '', fr: '' },
      startsOn: '2021-09-29',
      endsOn: '2021-10-01',
      capacity: '120',
      organisers: ['institution:kanazawa-u.ac.jp', 'consortium:ajru'],
    };
    const body = contentOf(d);
    expect(body.title).toEqual({ en: 'Russian Week', ja: 'ロシア・ウィーク' });
    expect(body.capacity).toBe(120);
    expect(body.organisers).toEqual([
      { type: 'institution', id: 'kanazawa-u.ac.jp' },
      { type: 'consortium', id: 'ajru' },
    ]);
    expect(contentOf({ ...d, capacity: '' }).capacity).toBeNull();
  });

  it('sends the hosts as parties and each follow-up question with its stable id', () => {
    const d = {
      ...emptyDraft(),
      title: { en: 'Forum', ja: '', ru: '', fr: '' },
      hosts: ['institution:isu.ru'],
      followUp: [{ id: 'q1', label: { en: ' Dietary needs? ', ja: '', ru: '', fr: '' } }],
      kept: { liaisonOfficeId: 'kept-office', videoUrl: 'https://example.org/v' },
    };
    const body = contentOf(d);
    expect(body.hosts).toEqual([{ type: 'institution', id: 'isu.ru' }]);
    expect(body.followUp).toEqual([{ id: 'q1', label: { en: 'Dietary needs?' } }]);
    // What the form does not edit is sent back as it was.
    expect(body.liaisonOfficeId).toBe('kept-office');
    expect(body.videoUrl).toBe('https://example.org/v');
    expect(nextQuestionId([])).toBe('q1');
    expect(nextQuestionId([{ id: 'q2' }])).toBe('q3');
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q4');
  });

  it('offers the event’s days for its sessions, first to last', () => {
    expect(eventDays('2021-09-29', '2021-10-01')).toEqual([
      '2021-09-29',
      '2021-09-30',
      '2021-10-01',
    ]);
    expect(eventDays('2021-10-01', '2021-09-29')).toEqual(['2021-10-01']);
    expect(eventDays('', '')).toEqual([]);
  });

  it('reads a saved session back as wall-clock times in the event’s zone', () => {
    const session = {
      ...emptySession('2021-09-29'),
      id: 's1',
      startsAt: '2021-09-29T01:00:00.000Z',
      endsAt: '2021-09-29T02:30:00.000Z',
      timeZone: 'Asia/Tokyo',
      localStart: '10:00',
      localEnd: '11:30',
      room: 'Hall A',
      title: { en: 'Opening remarks' },
      description: {},
      online: false,
      onlineUrl: null,
      invented: false,
      contributions: [],
    };
    const event = {
      ...contentOf(emptyDraft()),
      id: 'e1',
      timeZone: 'Asia/Tokyo',
      venue: {},
      seriesId: null,
      organisers: [],
      sessions: [session],
    } as unknown as EventDetail;
    const [draft] = draftOf(event).sessions;
    expect(draft).toMatchObject({
      id: 's1',
      day: '2021-09-29',
      startTime: '10:00',
      endTime: '11:30',
    });
  });
});

describe('saving the event step by step', () => {
  it('puts the server’s message about a session on that session’s field', () => {
    const error = new ApiError(400, 'validation_failed', 'invalid', {
      issues: [{ field: 'body.endTime', code: 'events.session_ends_before_starts', message: 'x' }],
    });
    const failure = new StepFailure({ kind: 'session', index: 1 }, error, 'e1', emptyDraft());
    expect(stepIssues(failure).map((i) => i.field)).toEqual(['body.sessions[1].endTime']);
    const contribution = new StepFailure(
      { kind: 'contribution', index: 0, contribution: 2 },
      error,
      'e1',
      emptyDraft(),
    );
    expect(stepIssues(contribution)[0]?.field).toBe('body.sessions[0].contributions[2].endTime');
  });
});

describe('check-in at the door', () => {
  it('reads the token from a pasted check-in link or takes a bare code', () => {
    expect(tokenOf(' https://kakehashi.example/events/e1/check-in/AbC_12-x ')).toBe('AbC_12-x');
    expect(tokenOf('AbC_12-x')).toBe('AbC_12-x');
  });
});
