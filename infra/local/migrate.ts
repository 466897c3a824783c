/**
 * Storage migrations on the local runtime (functions/storage/migrations): run at every start,
 * after the table exists and before anything reads it — the workflows replay their executions
 * at start, and their handlers read migrated items. A table created by this start holds
 * nothing older than this code: it is recorded as fully migrated instead. Prints nothing
 * unless a migration runs (then one line each).
 */
import { jsonLogger } from '../../functions/http/deps.js';
import type { Store } from '../../functions/storage/client.js';
import { MIGRATIONS } from '../../functions/storage/migrations/index.js';
import { markAllApplied } from '../../functions/storage/migrations/ledger.js';
import { runMigrations, type RunReport } from '../../functions/storage/migrations/run.js';

export async function migrateLocalTable(store: Store, table: 'created' | 'exists', now: () => Date): Promise<RunReport> {
  if (table === 'created') {
    await markAllApplied(store, MIGRATIONS, now().toISOString());
    return { applied: [], paused: null, pending: [] };
  }
  // No time limit here: a long migration runs to its end before the app serves.
  return runMigrations(store, { now, log: jsonLogger });
}
