import { describe, expect, it } from 'vitest';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';
import { dayHeading, onlineLink, rangeDates, roundsByDay, timeOfDay } from '../../../admin/src/interviews/schedule.js';
import type { ScheduledRound } from '../../../admin/src/interviews/types.js';

const round = (at: string, candidateName: string) => ({ at, candidateName, hiringId: candidateName, round: 1 }) as ScheduledRound;

describe('面试安排: the range switch', () => {
  it('未来 14 天 is today and the 13 days after, in company time (Shanghai), whatever the browser’s zone', () => {
    // 2026-11-01 20:00 UTC is already Monday 2 November in Shanghai.
    expect(rangeDates('next14', new Date('2026-11-01T20:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-15' });
  });

  it('本周 is Monday to Sunday of the company week, Sunday included', () => {
    expect(rangeDates('week', new Date('2026-11-04T02:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(rangeDates('week', new Date('2026-11-08T15:00:00Z'))).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(rangeDates('week', new Date('2026-11-08T16:00:00Z'))).toEqual({ from: '2026-11-09', to: '2026-11-15' });
  });
});

describe('面试安排: by day', () => {
  it('groups the rounds by the company day they fall on, keeping the API’s order', () => {
    const days = roundsByDay([round('2026-11-03T14:00:00+08:00', 'a'), round('2026-11-03T23:30:00+08:00', 'b'), round('2026-11-03T16:30:00Z', 'c')]);
    expect(days.map((d) => [d.date, d.rounds.map((r) => r.candidateName)])).toEqual([['2026-11-03', ['a', 'b']], ['2026-11-04', ['c']]]);
  });

  it('a day reads as a date with its weekday, a time as hours and minutes in company time', () => {
    expect(dayHeading('2026-11-05', 'zh-CN')).toBe('2026年11月5日星期四');
    expect(dayHeading('2026-11-05', 'en')).toBe('Thursday, November 5, 2026');
    expect(timeOfDay('2026-11-05T02:00:00Z', 'zh-CN')).toBe('10:00');
  });

  it('a place that is a web address is an online meeting’s link; a room is not', () => {
    expect(onlineLink(' https://meeting.example.com/j/123 ')).toBe('https://meeting.example.com/j/123');
    expect(onlineLink('3楼会议室')).toBeNull();
    expect(onlineLink('javascript:alert(1)')).toBeNull();
  });
});

describe('面试安排 in the data provider', () => {
  it('asks GET /interviews for the dates, with mine=true only for 我的面试', async () => {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: { items: [] } };
    }) as Http;
    const dp = createDataProvider(http);
    await dp.interviewSchedule({ from: '2026-11-02', to: '2026-11-15', mine: true });
    await dp.interviewSchedule({ from: '2026-11-02', to: '2026-11-08', mine: false });
    expect(calls.map((c) => [c.path, c.options.query])).toEqual([
      ['/interviews', { from: '2026-11-02', to: '2026-11-15', mine: 'true' }],
      ['/interviews', { from: '2026-11-02', to: '2026-11-08' }],
    ]);
  });
});
