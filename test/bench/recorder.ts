/**
 * "The DynamoDB calls a request needs", found by watching rather than by reading the code:
 * an SDK middleware on the store's client records every command it sends (low-level input,
 * already marshalled, and when it started and ended); `replay` then sends exactly those
 * commands straight to DynamoDB Local with a plain `DynamoDBClient`, keeping the request's
 * concurrency (calls the app made in parallel are replayed in parallel).
 */
import * as ddb from '@aws-sdk/client-dynamodb';
import type { Store } from '../../functions/storage/client.js';

export interface RecordedCall {
  /** Low-level command name, e.g. `GetItemCommand`. */
  command: string;
  input: Record<string, unknown>;
  start: number;
  end: number;
}

const RECORDER = 'benchCallRecorder';

/** Records the commands `store` sends while `fn` runs. Only one recording per store at a time. */
export async function recordCalls<T>(store: Store, fn: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[] }> {
  const calls: RecordedCall[] = [];
  const stack = store.doc.middlewareStack;
  stack.add(
    // Build step: after the document client marshalled the input, before signing and sending.
    (next, context) => async (args) => {
      const call: RecordedCall = {
        command: String((context as { commandName?: string }).commandName),
        input: structuredClone(args.input) as Record<string, unknown>,
        start: performance.now(),
        end: Number.NaN,
      };
      calls.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    },
    { step: 'build', name: RECORDER, override: true },
  );
  try {
    const result = await fn();
    return { result, calls };
  } finally {
    stack.remove(RECORDER);
  }
}

/** "GetItem×2, Query" */
export function describeCalls(calls: RecordedCall[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const name = c.command.replace(/Command$/, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => (n > 1 ? `${name}×${n}` : name)).join(', ') || 'none';
}

/** Calls grouped into stages: a call that started while another of its stage was in flight runs with it. */
export function stages(calls: RecordedCall[]): RecordedCall[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const out: RecordedCall[][] = [];
  let stageEnd = -Infinity;
  for (const call of sorted) {
    if (call.start < stageEnd && out.length > 0) {
      out[out.length - 1]!.push(call);
      stageEnd = Math.max(stageEnd, call.end);
    } else {
      out.push([call]);
      stageEnd = call.end;
    }
  }
  return out;
}

export function describeStages(calls: RecordedCall[]): string {
  return stages(calls)
    .map((stage) => (stage.length > 1 ? `(${stage.map((c) => c.command.replace(/Command$/, '')).join(' ‖ ')})` : stage[0]!.command.replace(/Command$/, '')))
    .join(' → ');
}

type AnyCommand = Parameters<ddb.DynamoDBClient['send']>[0];
type CommandClass = new (input: Record<string, unknown>) => AnyCommand;

/** A replayer bound to one raw client: `replay(stages)` sends them stage by stage. */
export function replayer(client: ddb.DynamoDBClient): (plan: RecordedCall[][]) => Promise<void> {
  const commands = ddb as unknown as Record<string, CommandClass | undefined>;
  return async (plan) => {
    for (const stage of plan) {
      await Promise.all(
        stage.map((call) => {
          const Command = commands[call.command];
          if (!Command) throw new Error(`cannot replay ${call.command}`);
          return client.send(new Command(call.input));
        }),
      );
    }
  };
}

/**
 * The same calls for another fresh record: every occurrence of `from` (an id the recorded
 * request used) becomes `to`. Ids are fixed-length and random, so nothing else matches.
 */
export function substitute(plan: RecordedCall[][], from: string, to: string): RecordedCall[][] {
  return JSON.parse(JSON.stringify(plan).split(from).join(to)) as RecordedCall[][];
}
