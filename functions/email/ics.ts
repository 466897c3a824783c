/**
 * An `.ics` calendar entry (RFC 5545) for an interview, attached to its invitations so the
 * interviewers' and the candidate's calendars (Outlook, 钉钉, 企业微信, Apple, Google) can add it.
 * `METHOD:PUBLISH`: an entry to add, not a meeting request to answer (answers are given in the
 * system). The same UID for a round, and a SEQUENCE that grows, so a rescheduled round updates
 * the entry instead of adding a second one.
 */
import type { MailAttachment } from './mailer.js';

export interface CalendarEvent {
  /** Stable per event: `<hiring id>-round-<n>@<host>`. */
  uid: string;
  /** Grows with each change of the event (the time it was scheduled, in seconds, works). */
  sequence: number;
  /** ISO-8601 with offset. */
  start: string;
  minutes: number;
  summary: string;
  location: string;
  description: string;
  /** When the entry was made (ISO-8601): DTSTAMP. */
  stamp: string;
}

/** UTC in the basic format: 20261210T020000Z. */
const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines of at most 75 octets, continued with CRLF + space (§3.1), never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendarFile(e: CalendarEvent): string {
  const end = new Date(Date.parse(e.start) + e.minutes * 60_000).toISOString();
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//cs-department//recruitment//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.uid}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${utc(e.stamp)}`, `DTSTART:${utc(e.start)}`, `DTEND:${utc(end)}`,
    `SUMMARY:${text(e.summary)}`, `LOCATION:${text(e.location)}`, `DESCRIPTION:${text(e.description)}`,
    'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT30M', `DESCRIPTION:${text(e.summary)}`, 'END:VALARM',
    'END:VEVENT', 'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export function calendarAttachment(e: CalendarEvent, filename = 'interview.ics'): MailAttachment {
  return { filename, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendarFile(e) };
}
