/**
 * The probation approval chain as policy data (POLICIES.md §3: the 000 flow chart by default;
 * 001's department head → deputy GM → GM is another value of the same shape). The chain rules
 * themselves are the engine's, for every request kind (domain/approvals/chain.ts).
 */
import { nextChainStep } from '../approvals/chain.js';
import type { ProbationChainStep } from '../policy/defaults.js';

export { reportingLine, resolveApprover, type ResolvedApprover } from '../approvals/chain.js';

/** The first step not yet decided, in chain order; null when every step is decided. */
export function nextStep(chain: readonly ProbationChainStep[], decidedKeys: readonly string[]): ProbationChainStep | null {
  return nextChainStep(chain, decidedKeys);
}

/** What the step records besides its decision. */
export function stepRecords(step: ProbationChainStep): ProbationChainStep['records'] {
  return step.records;
}
