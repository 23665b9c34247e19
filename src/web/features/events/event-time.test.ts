import { describe, expect, it } from 'vitest';
import { dayIn, instantOf, offsetMinutes, timeIn, wallClockOf } from './event-time.ts';

describe('programme times in the event zone and the reader zone', () => {
  it('shows a Kanazawa morning session at its Tokyo time and at the Moscow time of a remote reader', () => {
    const start = '2021-09-29T01:00:00Z';
    expect(timeIn(start, 'Asia/Tokyo', 'en')).toBe('10:00');
    expect(timeIn(start, 'Europe/Moscow', 'en')).toBe('04:00');
  });

  it('puts a session on the day it falls in the event zone, not in UTC', () => {
    expect(dayIn('2021-09-28T23:30:00Z', 'Asia/Tokyo')).toBe('2021-09-29');
    expect(dayIn('2021-09-28T23:30:00Z', 'UTC')).toBe('2021-09-28');
  });

  it('turns a wall-clock time entered in the event zone into the instant, and back', () => {
    expect(instantOf('2021-09-29', '10:00', 'Asia/Tokyo')).toBe('2021-09-29T01:00:00.000Z');
    expect(instantOf('2019-09-10', '09:30', 'Europe/Moscow')).toBe('2019-09-10T06:30:00.000Z');
    expect(wallClockOf('2021-09-29T01:00:00.000Z', 'Asia/Tokyo')).toEqual({
      date: '2021-09-29',
      time: '10:00',
    });
  });

  it('follows a summer-time change (Paris, 31 March 2024)', () => {
    expect(offsetMinutes(Date.parse('2024-03-30T12:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(Date.parse('2024-04-01T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(instantOf('2024-04-01', '14:00', 'Europe/Paris')).toBe('2024-04-01T12:00:00.000Z');
  });

  it('refuses a time that is not one, or a zone that does not exist', () => {
    expect(instantOf('2021-09-29', '25:99', 'Asia/Tokyo')).toBeNull();
    expect(instantOf('2021-09-29', '10h', 'Asia/Tokyo')).toBeNull();
    expect(instantOf('2021-09-29', '10:00', 'Mars/Olympus')).toBeNull();
  });
});
