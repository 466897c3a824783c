/**
 * The storage migrations, in the order they are applied: the one list the runner (run.ts),
 * the local runtime and the deploy's migration resource read. To add one, see
 * docs/data-model.md "Migrations": a new file `NNNN-what-it-does.ts` and a line at the end.
 * Never remove or renumber a migration that a release has shipped.
 */
import { dashboardRecount } from './0001-dashboard-recount.js';
import { emailGuards } from './0002-email-guards.js';
import { startedIndexMigration } from './0003-started-index.js';
import { onboardingListMigration } from './0004-onboarding-list.js';
import { candidateRetentionMigration } from './0005-candidate-retention.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [dashboardRecount(), emailGuards(), startedIndexMigration(), onboardingListMigration(), candidateRetentionMigration()];
