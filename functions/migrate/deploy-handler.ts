/**
 * The storage migrations at deploy (docs/deploy.md): the handler behind the stack's
 * `StorageMigrations` custom resource (CloudFormation, through the CDK provider framework),
 * and the same function invoked by hand. Wired with real clients in lambda.ts.
 *
 * - Create / Update: applies the migrations the resource's `MigrationIds` lists (the ids of
 *   the code being deployed). The API and workflow functions depend on the resource, so the
 *   new code takes traffic only once it succeeded. On a rollback CloudFormation sends the
 *   previous, shorter list: nothing new runs then.
 * - Delete: nothing; the data stays with the table (retained).
 * - Any other event (an operator's `aws lambda invoke`): applies every pending migration and
 *   returns the report.
 *
 * A Lambda runs 15 minutes at most. The handler stops at a checkpoint when less than
 * `STOP_BEFORE_TIMEOUT_MS` is left, and a deploy whose migrations did not finish fails, with
 * a message saying so: it rolls back (the old code keeps serving, it reads the data as it
 * is), and the next deploy or invocation continues from the checkpoint.
 */
import type { Store } from '../storage/client.js';
import type { Migration, MigrationLog } from '../storage/migrations/migration.js';
import { runMigrations, type RunReport } from '../storage/migrations/run.js';

/** Time kept back for the page in progress, the totals' write, the ledger and the response. */
export const STOP_BEFORE_TIMEOUT_MS = 90_000;
/** Constant: a new physical id would make CloudFormation replace (delete) the resource. */
export const PHYSICAL_RESOURCE_ID = 'storage-migrations';

export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResourceProperties: { MigrationIds?: string[] } & Record<string, unknown>;
}

/** What the handler reads of the Lambda context. */
export interface RunContext {
  awsRequestId: string;
  functionName: string;
  getRemainingTimeInMillis(): number;
}

export interface CustomResourceResult {
  PhysicalResourceId: string;
  Data: { Applied: string };
}

export function migrationHandler(deps: { store: Store; now: () => Date; log: MigrationLog; /** Default the registry (tests pass their own). */ migrations?: readonly Migration[] }) {
  return async function handle(event: Partial<CustomResourceEvent>, context: RunContext): Promise<CustomResourceResult | RunReport> {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { Applied: '' } };
    const fromDeploy = event.RequestType === 'Create' || event.RequestType === 'Update';
    const report = await runMigrations(deps.store, {
      now: deps.now,
      log: deps.log,
      runner: `lambda-${context.awsRequestId}`,
      shouldPause: () => context.getRemainingTimeInMillis() < STOP_BEFORE_TIMEOUT_MS,
      ...(deps.migrations ? { migrations: deps.migrations } : {}),
      ...(fromDeploy ? { only: event.ResourceProperties?.MigrationIds ?? [] } : {}),
    });
    if (!fromDeploy) return report;
    if (report.pending.length > 0) {
      throw new Error(
        `Storage migrations did not finish within this deploy's Lambda time: ${report.pending.join(', ')} still to apply` +
          `${report.paused ? ` (${report.paused} stopped at its checkpoint)` : ''}. Nothing is lost and the previous code keeps serving: ` +
          `deploy again, or run \`aws lambda invoke --function-name ${context.functionName} out.json\` until it reports nothing pending, then deploy.`,
      );
    }
    return { PhysicalResourceId: PHYSICAL_RESOURCE_ID, Data: { Applied: report.applied.join(',') } };
  };
}
