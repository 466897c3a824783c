/**
 * Execution history in the shape of GetExecutionHistory. The library reports state
 * transitions through its `eventLogs`; the task wrapper adds the task events (TaskScheduled,
 * TaskSubmitted, TaskSucceeded…) and the engine the execution events. One log, ids in the
 * order events happened.
 */
import { SfnError } from './errors.js';
import type { StoredEvent } from './journal.js';
import type { EventLog } from './library.js';

/** AWS names the details of `XStateEntered` `stateEnteredEventDetails`, of others `xEventDetails`. */
function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
}

const json = (value: unknown) => JSON.stringify(value ?? null);
const data = (field: 'input' | 'output', value: unknown) => ({ [field]: json(value), [`${field}Details`]: { truncated: false } });

export class HistoryLog {
  readonly events: StoredEvent[] = [];

  /** `clock` gives the time of events that do not bring their own (ms). */
  constructor(private readonly clock: () => number) {}

  add(type: string, details?: Record<string, unknown>, at?: number): void {
    const id = this.events.length + 1;
    this.events.push({ id, previousEventId: id - 1, timestamp: at ?? this.clock(), type, ...(details ? { [detailsKey(type)]: details } : {}) });
  }

  /** A library event; `stateTypes` gives the original Type (a Wait runs as a Task here). */
  addLibraryEvent(event: EventLog, stateTypes: Map<string, string>): void {
    if (event.type === 'StateEntered' || event.type === 'StateExited') {
      const type = stateTypes.get(event.state.name) ?? event.state.type;
      if (event.type === 'StateEntered') this.add(`${type}StateEntered`, { name: event.state.name, ...data('input', event.state.input) });
      else this.add(`${type}StateExited`, { name: event.state.name, ...data('output', event.state.output) });
    } else if (event.type === 'MapIterationStarted' || event.type === 'MapIterationSucceeded' || event.type === 'MapIterationFailed') {
      this.add(event.type, { name: event.parentState.name, index: event.index });
    }
    // StateFailed/StateRetried/StateCaught have no AWS event (a retry shows as a new
    // TaskScheduled); the engine writes the execution events itself.
  }
}

/** On the wire AWS timestamps are epoch seconds. */
export const wireEvent = ({ timestamp, ...event }: StoredEvent) => ({ ...event, timestamp: timestamp / 1000 });

export interface HistoryPageRequest {
  maxResults: number;
  reverseOrder: boolean;
  nextToken?: string;
}

export function historyPage(events: StoredEvent[], request: HistoryPageRequest) {
  const ordered = request.reverseOrder ? [...events].reverse() : events;
  const start = readPosition(request.nextToken);
  const limit = request.maxResults || 100;
  const page = ordered.slice(start, start + limit);
  const next = start + limit < ordered.length ? Buffer.from(JSON.stringify({ at: start + limit })).toString('base64url') : undefined;
  return { events: page.map(wireEvent), ...(next ? { nextToken: next } : {}) };
}

function readPosition(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const { at } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { at?: unknown };
    if (typeof at === 'number' && Number.isInteger(at) && at >= 0) return at;
  } catch {
    // fall through
  }
  throw new SfnError('InvalidToken', `Invalid Token: '${token}'`);
}
