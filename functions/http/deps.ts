import type { Context } from 'hono';
import type { Store } from '../storage/client.js';
import type { ObjectStore } from '../storage/objects.js';
import type { WorkflowDeps } from '../workflow/kinds.js';

export type EngineState = { state: 'up'; detail?: string } | { state: 'down'; detail: string };

/** Everything the HTTP app needs from the outside, wired by an entry file (lambda.ts, infra/local). */
export interface AppDeps {
  store: Store;
  /** Object storage for attachments (S3; s3rver locally). */
  objects: ObjectStore;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Public base URL of the console and API (links in emails, cookie security). */
  publicUrl: string;
  /** Session lifetime. */
  sessionHours: number;
  /** Named liveness checks of the engines the app depends on, reported by /api/health (the details to administrators only). */
  health: Record<string, () => Promise<EngineState>>;
  /** The approval machinery: Step Functions client, mailer, link secret, state machine. */
  workflow: WorkflowDeps;
  /**
   * The local runtime's controllable clock (`LOCAL_CLOCK=controllable`): with it the app serves
   * `GET/POST /api/v1/local/clock`; without it (always in the cloud) that route does not exist.
   */
  localClock?: LocalClockControl;
  /**
   * The caller's address as the edge knows it (API Gateway's source IP; locally the socket's
   * peer, or X-Forwarded-For only behind a proxy TRUSTED_PROXIES names): what sign-in
   * throttling counts by. Without it every caller is one address.
   */
  clientAddress?: (c: Context) => string | undefined;
  /** Logger for structured, PII-free lines. */
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export interface LocalClockControl {
  now(): Date;
  /** Moves forward by `ms`, firing every timer and job that falls due on the way, in order. */
  advance(ms: number): Promise<Date>;
  /** An ISO-8601 duration in ms, or undefined when malformed. */
  parseDuration(text: string): number | undefined;
}

export const jsonLogger: AppDeps['log'] = (level, msg, fields) => {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
};
