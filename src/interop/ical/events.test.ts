import { describe, expect, it } from 'vitest';
import { eventsCalendar } from './events.ts';

describe('events calendar', () => {
  const stamp = new Date('2021-09-01T00:00:00Z');
  it('writes each session at its UTC instant', () => {
    const text = eventsCalendar(
      [
        {
          id: 'e1',
          title: 'Russian Week',
          description: '',
          startsOn: '2021-09-29',
          endsOn: '2021-10-01',
          location: 'Kanazawa',
          url: null,
          sessions: [
            {
              id: 's1',
              title: 'Opening remarks',
              startsAt: '2021-09-29T01:00:00.000Z',
              endsAt: '2021-09-29T01:30:00.000Z',
              room: 'Hall A',
            },
          ],
        },
      ],
      { name: 'Events', stamp },
    );
    expect(text).toContain('DTSTART:20210929T010000Z');
    expect(text).toContain('DTEND:20210929T013000Z');
    expect(text).toContain('SUMMARY:Opening remarks — Russian Week');
  });
  it('writes an event without a programme as whole days', () => {
    const text = eventsCalendar(
      [
        {
          id: 'e2',
          title: 'Congress',
          description: '',
          startsOn: '2018-05-20',
          endsOn: '2018-05-21',
          location: null,
          url: null,
          sessions: [],
        },
      ],
      { name: 'Events', stamp },
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20180520');
    expect(text).toContain('DTEND;VALUE=DATE:20180522');
  });
});
