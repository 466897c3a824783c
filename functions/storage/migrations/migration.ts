/**
 * What a storage migration is. A migration brings stored items to the shape the code of this
 * release reads; it is listed once in `index.ts` and applied once per table by `runMigrations`
 * (run.ts), before the app serves: at `npm start`, and in the cloud at deploy.
 *
 * A migration must be safe to run again from any point: the runner records it as applied only
 * after `run` returns 'done', so a crash before that runs it again, from its last checkpoint.
 */
import type { Store } from '../client.js';

/** Structured, PII-free log lines (the app's logger fits). */
export type MigrationLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export interface MigrationContext<C = unknown> {
  store: Store;
  /** The runner's clock: the only time a migration may read. */
  now: () => Date;
  log: MigrationLog;
  /** What the last `save` stored, when an earlier run stopped before the end; null otherwise. */
  checkpoint: C | null;
  /**
   * Stores how far the migration got (JSON data, well under DynamoDB's 400 KB item limit) and
   * renews the runner's lease. After a crash or a pause, `run` is called again with it.
   */
  save(checkpoint: C): Promise<void>;
  /**
   * True when the runner is nearly out of time (a Lambda close to its timeout): save, then
   * return 'paused'. Checked between pages, so a page must be short enough to finish in time.
   */
  shouldPause(): boolean;
}

/** 'paused': stopped at its last checkpoint because `shouldPause` said so; not applied yet. */
export type MigrationOutcome = 'done' | 'paused';

export interface Migration<C = unknown> {
  /** `NNNN-what-it-does`: the four digits order the migrations; never renumber an applied one. */
  id: string;
  /** One line for logs and the ledger. */
  description: string;
  run(ctx: MigrationContext<C>): Promise<MigrationOutcome>;
}

const ID_FORMAT = /^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The registry's rules: well-formed ids, each once, in ascending order. */
export function checkRegistry(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!ID_FORMAT.test(m.id)) throw new Error(`migration id "${m.id}" must look like 0001-what-it-does`);
    const previous = migrations[i - 1];
    if (previous && previous.id >= m.id) throw new Error(`migration ${m.id} is listed after ${previous.id}: keep the list in ascending id order, each id once`);
  });
}
