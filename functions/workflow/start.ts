import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { removeStartMarker, startMarkerPut, startMarkersBefore, type StartMarker } from '../storage/starts.js';
import type { TxItem } from '../storage/transact.js';
import type { WorkflowDeps } from './kinds.js';
import { webhookEvents } from './webhooks.js';

/** The execution's name is derived from the request: a retried start is idempotent. */
export function executionName(requestKind: string, requestId: string): string {
  return `${requestKind}-${requestId}`.slice(0, 80);
}

/** Known before the start, so the request can record it in the same write that creates it. */
export function executionArnOf(deps: WorkflowDeps, requestKind: string, requestId: string): string {
  return `${deps.approvalStateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName(requestKind, requestId)}`;
}

/**
 * Starts a request's approval execution. Step Functions returns the same execution for the
 * same name and input, so a retried start does not run the chain twice.
 */
export async function startApproval(deps: WorkflowDeps, requestKind: string, requestId: string, startAt: string): Promise<string> {
  const out = await deps.sfn.send(
    new StartExecutionCommand({
      stateMachineArn: deps.approvalStateMachineArn,
      name: executionName(requestKind, requestId),
      input: JSON.stringify({ requestKind, requestId, startAt }),
    }),
  );
  return out.executionArn!;
}

/**
 * Creating a request and starting its execution, without a gap a crash could fall into: the
 * caller writes `tx` in the transaction that creates the request, then calls `start`, which
 * starts the execution and removes the marker. A marker left behind is picked up by
 * `startPending`. `tx` also raises the `request.started` webhook event (webhooks.ts), so every
 * kind's start is announced the same way.
 */
export async function startLater(
  deps: WorkflowDeps, requestKind: string, requestId: string, startAt: string,
  started: { status: string; startedBy: string | null },
): Promise<{ tx: TxItem[]; start(): Promise<void> }> {
  const marker: StartMarker = { requestKind, requestId, startAt, createdAt: deps.now().toISOString() };
  const raise = await webhookEvents(deps, 'request.started');
  return {
    tx: [startMarkerPut(deps.store, marker), ...raise({ requestKind, requestId, status: started.status, startedBy: started.startedBy, startAt })],
    // The request is created either way: a start Step Functions did not take is the sweep's.
    start: () => startMarked(deps, marker).catch((err: unknown) => {
      deps.log('warn', 'request created; its execution starts with the next sweep', { requestKind, requestId, error: err instanceof Error ? err.name : String(err) });
    }),
  };
}

async function startMarked(deps: WorkflowDeps, marker: StartMarker): Promise<void> {
  try {
    await startApproval(deps, marker.requestKind, marker.requestId, marker.startAt);
  } catch (err) {
    // Started before and already ended (e.g. withdrawn at once): nothing left to start.
    if (!(err instanceof ExecutionAlreadyExists)) throw err;
  }
  await removeStartMarker(deps.store, marker);
}

/** How old a marker must be before the sweeper takes it (younger ones are being started by their request). */
const SWEEP_AFTER_MS = 60_000;

/** The scheduled sweep: starts every request whose start was interrupted. Idempotent. */
export async function startPending(deps: WorkflowDeps): Promise<{ started: number }> {
  const before = new Date(deps.now().getTime() - SWEEP_AFTER_MS).toISOString();
  let started = 0;
  for (const marker of await startMarkersBefore(deps.store, before)) {
    try {
      await startMarked(deps, marker);
      started += 1;
    } catch (err) {
      deps.log('warn', 'interrupted start not resumed yet', { requestKind: marker.requestKind, requestId: marker.requestId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  if (started > 0) deps.log('info', 'interrupted starts resumed', { started });
  return { started };
}
