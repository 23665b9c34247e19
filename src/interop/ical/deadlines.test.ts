import { afterEach, describe, expect, it } from 'vitest';
import { deadlinesCalendar, parseCallDate, type DeadlineCall } from './deadlines.ts';

/** Unfolds the feed and returns its VEVENTs as property maps (name without parameters → line). */
function events(feed: string): Map<string, string>[] {
  const lines = feed.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return out;
}

const calls: DeadlineCall[] = [
  {
    id: 'call-2027',
    title: '日露交流プログラム 2027 — Обмен Япония–Россия',
    opens: '2027-01-10',
    closes: '2027-02-28T17:00:00+09:00',
    nominationDeadline: '2027-03-15',
    url: 'https://kakehashi.example/calls/call-2027',
  },
  {
    id: 'call-grenoble',
    title: 'Échange Tsukuba–Grenoble',
    opens: '2027-04-01',
    closes: '2027-05-30',
    nominationDeadline: null,
    url: null,
  },
];
const stamp = new Date('2027-01-01T00:00:00Z');
const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
});

describe('deadlinesCalendar', () => {
  it('R18: one event per call date, deadlines with a time in UTC, dates as all-day events', () => {
    const feed = deadlinesCalendar(calls, { name: '架け橋 — 公募締切', stamp });
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed).toContain('X-WR-CALNAME:架け橋 — 公募締切');
    const list = events(feed);
    expect(list.map((e) => e.get('UID'))).toEqual([
      'call-2027-opens@kakehashi',
      'call-2027-closes@kakehashi',
      'call-2027-nomination@kakehashi',
      'call-grenoble-opens@kakehashi',
      'call-grenoble-closes@kakehashi',
    ]);
    const [opens, closes, nomination, , grenobleCloses] = list;
    expect(opens?.get('DTSTART;VALUE=DATE')).toBe('20270110');
    // 17:00 in Tokyo is 08:00 UTC; no TZID anywhere (see the header of deadlines.ts).
    expect(closes?.get('DTSTART')).toBe('20270228T080000Z');
    expect(feed).not.toContain('TZID');
    expect(nomination?.get('DTSTART;VALUE=DATE')).toBe('20270315');
    expect(closes?.get('SUMMARY')).toBe(
      '日露交流プログラム 2027 — Обмен Япония–Россия — application deadline',
    );
    expect(closes?.get('URL;VALUE=URI')).toBe('https://kakehashi.example/calls/call-2027');
    expect(grenobleCloses?.get('SUMMARY')).toBe('Échange Tsukuba–Grenoble — application deadline');
    expect(grenobleCloses?.has('URL;VALUE=URI')).toBe(false);
    expect(closes?.get('DTSTAMP')).toBe('20270101T000000Z');
  });

  it('folds long UTF-8 lines at 75 octets without splitting a character', () => {
    const feed = deadlinesCalendar(calls, { name: 'x', stamp });
    for (const line of feed.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
  });

  it('translated labels replace the English words', () => {
    const feed = deadlinesCalendar(calls.slice(0, 1), {
      name: '締切',
      stamp,
      labels: { opens: '受付開始', closes: '応募締切', nominationDeadline: '推薦締切' },
    });
    expect(events(feed).map((e) => e.get('SUMMARY'))).toEqual([
      '日露交流プログラム 2027 — Обмен Япония–Россия — 受付開始',
      '日露交流プログラム 2027 — Обмен Япония–Россия — 応募締切',
      '日露交流プログラム 2027 — Обмен Япония–Россия — 推薦締切',
    ]);
  });

  it('writes the same dates whatever the server time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    const west = deadlinesCalendar(calls, { name: 'x', stamp });
    process.env.TZ = 'Asia/Tokyo';
    const east = deadlinesCalendar(calls, { name: 'x', stamp });
    expect(west).toBe(east);
  });

  it('refuses a date-time without an offset and an impossible date', () => {
    expect(() => parseCallDate('2027-02-28T17:00:00', 'closes')).toThrow(/with an offset/);
    expect(() => parseCallDate('2027-02-30', 'closes')).toThrow(RangeError);
    expect(() =>
      deadlinesCalendar([{ ...calls[1]!, closes: 'soon' }], { name: 'x', stamp }),
    ).toThrow('calls[0].closes: "soon"');
  });
});
