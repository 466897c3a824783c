/**
 * Figure 6 — workflow cost: Step Functions state transitions per completed probation
 * conversion, counted from the execution history (GetExecutionHistory on the local endpoint,
 * which records the same state events AWS does), priced at the published Standard rate.
 * AWS counts a transition each time a state runs, retries included: here every
 * `…StateEntered` event, plus each TaskScheduled beyond the first of its state entry (a retry).
 */
import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { conversionsDone, runConversions, sfnClient } from './approval-flow.js';
import { RUNTIME, localRuntime } from './runtime.js';
import { median, round, type Benchmark } from './result.js';

/** USD per 1,000 state transitions, Standard workflows, US East (N. Virginia). */
export const PRICE_PER_1000 = 0.025;
export const PRICE_SOURCE = 'AWS Step Functions pricing, Standard, us-east-1, as listed 2026-03 and unchanged since at least 2020; free tier and Lambda/DynamoDB/SES costs not included';

export function transitions(events: HistoryEvent[]): { total: number; byState: Map<string, number> } {
  const byState = new Map<string, number>();
  let total = 0;
  let scheduledSinceEntry = 0;
  for (const e of events) {
    const type = e.type ?? '';
    if (type.endsWith('StateEntered')) {
      total += 1;
      scheduledSinceEntry = 0;
      const name = e.stateEnteredEventDetails?.name ?? '?';
      byState.set(name, (byState.get(name) ?? 0) + 1);
    } else if (type === 'TaskScheduled') {
      scheduledSinceEntry += 1;
      if (scheduledSinceEntry > 1) total += 1; // a retry
    }
  }
  return { total, byState };
}

export const workflowCost: Benchmark = {
  id: 6,
  title: 'Workflow cost per probation conversion',
  uses: [RUNTIME],
  timeLimitMinutes: 10,
  async run({ log }) {
    const rt = await localRuntime(log);
    const conversions = conversionsDone(rt).length > 0 ? conversionsDone(rt) : await runConversions(rt, 1, log);
    const sfn = sfnClient(rt);
    try {
      const counts: number[] = [];
      let shape = '';
      for (const c of conversions) {
        const events: HistoryEvent[] = [];
        let nextToken: string | undefined;
        do {
          const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn: c.executionArn, maxResults: 1000, nextToken }));
          events.push(...(page.events ?? []));
          nextToken = page.nextToken;
        } while (nextToken);
        const t = transitions(events);
        counts.push(t.total);
        shape ||= [...t.byState].map(([name, n]) => `${name}×${n}`).join(', ');
      }
      const perConversion = median(counts);
      const per1000 = (perConversion * 1000 * PRICE_PER_1000) / 1000;
      return [
        {
          name: '6a state transitions per conversion',
          value: perConversion,
          unit: '',
          target: '—',
          ok: null,
          detail: `median over ${counts.length} conversions (${[...new Set(counts)].join('/')}): ${shape}; 4-step chain, no reminders or retries`,
        },
        {
          name: '6b cost per 1,000 conversions',
          value: round(per1000, 2),
          unit: 'USD',
          target: '—',
          ok: null,
          detail: `${perConversion} transitions × 1,000 conversions × $${PRICE_PER_1000} per 1,000 transitions — ${PRICE_SOURCE}`,
        },
      ];
    } finally {
      sfn.destroy();
    }
  },
};
