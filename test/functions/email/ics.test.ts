import { describe, expect, it } from 'vitest';
import { calendarFile } from '../../../functions/email/ics.js';

/** The interview's calendar entry (RFC 5545), attached to its invitations (#14 Interviews). */
describe('calendarFile', () => {
  const event = {
    uid: 'h1-round-1@cs.example.com', sequence: 1765000000, start: '2026-12-10T10:00:00+08:00', minutes: 60, stamp: '2026-12-07T09:30:00+08:00',
    summary: '初试：林候选（客服专员）', location: 'https://meeting.example.com/j/1; 会议室, 3楼', description: '面试官：孙主管、周组长\n请提前 5 分钟入会',
  };

  it('is one VEVENT in UTC with its end an hour later, CRLF line ends, and escaped text', () => {
    const ics = calendarFile(event);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20261210T020000Z\r\n');
    expect(ics).toContain('DTEND:20261210T030000Z\r\n');
    expect(ics).toContain('METHOD:PUBLISH');
    // ; , and newlines are escaped (RFC 5545 §3.3.11).
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('LOCATION:https://meeting.example.com/j/1\\; 会议室\\, 3楼\r\n');
    expect(unfolded).toContain('DESCRIPTION:面试官：孙主管、周组长\\n请提前 5 分钟入会\r\n');
    expect(ics.split('\r\n').filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1);
  });

  it('folds lines at 75 octets without splitting a Chinese character', () => {
    const ics = calendarFile({ ...event, summary: '复试'.repeat(40) });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${'复试'.repeat(40)}\r\n`);
    expect(ics).not.toContain('\uFFFD');
  });
});
