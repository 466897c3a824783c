import type { Engine } from './engine.js';
import type { JsonObject } from './input.js';
import type { Journal } from './journal.js';

/** What actions share: where they are, the clock, the records and the running executions. */
export interface EndpointContext {
  region: string;
  accountId: string;
  now: () => Date;
  journal: Journal;
  engine: Engine;
}

export type Action = (input: JsonObject) => unknown;
