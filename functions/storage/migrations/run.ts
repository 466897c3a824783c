/**
 * Applies the pending storage migrations, in the registry's order, under the lease (lease.ts).
 *
 * - Idempotent: what is applied is read first (one Query); with nothing pending the runner
 *   writes nothing, takes no lease and logs nothing.
 * - Resumable: a migration saves checkpoints as it goes; after a crash, or a pause when the
 *   runner's time is nearly spent (`shouldPause`), the next run calls it again with the last
 *   one. It is recorded as applied only once it returns 'done'.
 * - Time comes from the injected `now`; nothing here reads the system clock.
 */
import type { Store } from '../client.js';
import { newId } from '../ids.js';
import { MIGRATIONS } from './index.js';
import { appliedMigrations, loadCheckpoint, recordApplied, saveCheckpoint } from './ledger.js';
import { acquireLease, leaseUntil, releaseLease } from './lease.js';
import { checkRegistry, type Migration, type MigrationLog } from './migration.js';

export interface RunOptions {
  now: () => Date;
  log: MigrationLog;
  /** Named in the lease and the ledger (e.g. the Lambda request id); default a new id. */
  runner?: string;
  /** True when the runner must stop soon (a Lambda near its timeout); default never. */
  shouldPause?: () => boolean;
  /** Only these ids of the registry (the deploy's list, see functions/migrate); default all. */
  only?: readonly string[];
  /** Default the registry (index.ts); tests pass their own. */
  migrations?: readonly Migration[];
}

export interface RunReport {
  /** Applied by this run, in order. */
  applied: string[];
  /** The migration that stopped at a checkpoint (time was up), if any: the next run resumes it. */
  paused: string | null;
  /** Still to apply after this run (the paused one first). */
  pending: string[];
}

export async function runMigrations(store: Store, opts: RunOptions): Promise<RunReport> {
  const registry = opts.migrations ?? MIGRATIONS;
  checkRegistry(registry);
  const unknown = (opts.only ?? []).filter((id) => !registry.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`migrations ${unknown.join(', ')} are not in this code's registry`);
  const wanted = opts.only ? registry.filter((m) => opts.only!.includes(m.id)) : registry;
  const todo = await pendingOf(store, wanted);
  if (todo.length === 0) return { applied: [], paused: null, pending: [] };

  const runner = opts.runner ?? `runner-${newId(opts.now().getTime())}`;
  const shouldPause = opts.shouldPause ?? (() => false);
  await acquireLease(store, runner, opts.now());
  const applied: string[] = [];
  try {
    // Read again under the lease: a runner that held it before may have applied some since.
    const fresh = await pendingOf(store, todo);
    for (const m of fresh) {
      const checkpoint = await loadCheckpoint(store, m.id);
      const outcome = await m.run({
        store,
        now: opts.now,
        log: opts.log,
        checkpoint,
        save: (next) => saveCheckpoint(store, m.id, next, runner, opts.now().toISOString(), leaseUntil(opts.now())),
        shouldPause,
      });
      if (outcome === 'paused') {
        opts.log('warn', `storage migration ${m.id} paused at its checkpoint; the next run resumes it`, { migration: m.id, runner });
        return { applied, paused: m.id, pending: fresh.slice(fresh.indexOf(m)).map((p) => p.id) };
      }
      await recordApplied(store, m, runner, opts.now().toISOString(), leaseUntil(opts.now()));
      applied.push(m.id);
      opts.log('info', `storage migration ${m.id} applied: ${m.description}`, { migration: m.id, runner, resumed: checkpoint !== null });
      const rest = fresh.slice(fresh.indexOf(m) + 1);
      if (rest.length > 0 && shouldPause()) return { applied, paused: null, pending: rest.map((p) => p.id) };
    }
  } finally {
    await releaseLease(store, runner);
  }
  return { applied, paused: null, pending: [] };
}

async function pendingOf(store: Store, migrations: readonly Migration[]): Promise<Migration[]> {
  const done = new Set((await appliedMigrations(store)).map((a) => a.id));
  return migrations.filter((m) => !done.has(m.id));
}
