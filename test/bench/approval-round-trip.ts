/**
 * Figure 4 — approval round trip on the local runtime: from a decision POST to the next
 * approver's email listed by the mail catcher (its JSON API polled every 10 ms). In between:
 * the decision's conditional write, SendTaskSuccess to the local Step Functions endpoint,
 * the execution choosing and planning the next step, the ask task writing it and composing
 * the mail, SMTP to the catcher. Reviews are decided one decision at a time.
 */
import { runConversions } from './approval-flow.js';
import { RUNTIME, localRuntime } from './runtime.js';
import { atMost, median, ms, percentile, round, type Benchmark } from './result.js';

const TARGET_MS = 1000;
/** Issue #11: read once — at most this many storage calls from a decision until the next step is asked. */
const TARGET_CALLS = 12;

export const approvalRoundTrip: Benchmark = {
  id: 4,
  title: 'Approval round trip (decision → next approver’s email)',
  uses: [RUNTIME],
  timeLimitMinutes: 8,
  async run({ quick, log }) {
    const rt = await localRuntime(log);
    // Three handovers per conversion (supervisor → CS manager → GM → HR).
    const conversions = await runConversions(rt, quick ? 2 : 7, log);
    const trips = conversions.flatMap((c) => c.handovers);
    const rtt = trips.map((h) => h.roundTripMs);
    const p95 = percentile(rtt, 95);
    const calls = trips.map((h) => h.storageCalls);
    const mostCalls = Math.max(...calls);
    return [
      {
        name: '4 approval round trip p95',
        value: round(p95, 0),
        unit: 'ms',
        ...atMost(p95, TARGET_MS, 'ms'),
        detail:
          `p50 ${ms(median(rtt))} ms, p95 ${ms(p95)} ms, max ${ms(Math.max(...rtt))} ms over ${rtt.length} decisions ` +
          `(${conversions.length} conversions × 3 handovers); the decision POST alone p50 ${ms(median(trips.map((h) => h.requestMs)))} ms; ` +
          `local runtime: DynamoDB Local on disk, local Step Functions, maildev`,
      },
      {
        name: '4b storage calls, decision → next asked',
        value: mostCalls,
        unit: 'calls',
        ...atMost(mostCalls, TARGET_CALLS, 'calls'),
        detail: `the most over ${calls.length} hand-overs (median ${median(calls)}): the decision with its sign-in check, resuming the execution, planning and opening the next step, its mail leaving the outbox; read once per engine call (storage/read-once.ts); the Step Functions endpoint's own records not counted`,
      },
    ];
  },
};
