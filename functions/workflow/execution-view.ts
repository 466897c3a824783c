/**
 * What the console draws: the approval state machine's states and transitions (from the ASL
 * file itself), and for one execution where it is now and where it has been.
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist, GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import definition from './approval.asl.json' with { type: 'json' };
import type { WorkflowDeps } from './kinds.js';

export interface Diagram {
  startAt: string;
  states: { name: string; type: string; comment: string | null; next: string[] }[];
}

export function approvalDiagram(): Diagram {
  const states = definition.States as Record<string, { Type: string; Comment?: string; Next?: string; Default?: string; Choices?: { Next: string }[]; Catch?: { Next: string }[] }>;
  return {
    startAt: definition.StartAt,
    states: Object.entries(states).map(([name, s]) => ({
      name,
      type: s.Type,
      comment: s.Comment ?? null,
      next: [...new Set([s.Next, s.Default, ...(s.Choices ?? []).map((c) => c.Next), ...(s.Catch ?? []).map((c) => c.Next)].filter((n): n is string => !!n))],
    })),
  };
}

export interface ExecutionView {
  status: string;
  currentState: string | null;
  visited: string[];
  transitions: number;
}

/** At most 1,000 history events are read (one chain is a few dozen). */
export async function executionView(deps: WorkflowDeps, executionArn: string): Promise<ExecutionView | null> {
  try {
    const [described, history] = await Promise.all([
      deps.sfn.send(new DescribeExecutionCommand({ executionArn })),
      deps.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, includeExecutionData: false })),
    ]);
    const events: HistoryEvent[] = history.events ?? [];
    const entered = events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name ?? '');
    const running = described.status === 'RUNNING';
    return {
      status: described.status ?? 'UNKNOWN',
      currentState: running ? entered[entered.length - 1] ?? null : null,
      visited: [...new Set(entered)],
      // Step Functions bills each state entered (a state transition) on Standard workflows.
      transitions: entered.length,
    };
  } catch (err) {
    if (err instanceof ExecutionDoesNotExist) return null;
    throw err;
  }
}
