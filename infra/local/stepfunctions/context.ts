import type { JsonObject } from './input.js';
import type { StateMachineStore } from './state-machines.js';

/** What actions share: where they are, the clock, and the stores. */
export interface EndpointContext {
  region: string;
  accountId: string;
  now: () => Date;
  stateMachines: StateMachineStore;
}

export type Action = (input: JsonObject) => unknown;
