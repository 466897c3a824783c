/**
 * Checks a recruitment policy HR submits (POLICIES.md §2) before it becomes a new version:
 * every problem at once, each with the dotted path of the value it is about.
 */
import { checkApprover, isObj, isText, Issues, KEY_FORMAT, type PolicyIssue } from '../probation/policy-validation.js';

/** The outer bound HR may raise the per-requisition cap to. */
export const HEADCOUNT_CEILING = 500;

export function validateRecruitmentPolicy(values: unknown): PolicyIssue[] {
  const is = new Issues();
  if (!isObj(values)) {
    is.add('', 'POLICY.REQUIRED');
    return is.list;
  }
  const cap = is.int(values, 'maxHeadcount', 'maxHeadcount', 1, HEADCOUNT_CEILING);
  is.int(values, 'stepDueHours', 'stepDueHours', 1, 720);
  is.int(values, 'salaryRangePercent', 'salaryRangePercent', 0, 200);
  is.int(values, 'reportWithinDays', 'reportWithinDays', 1, 90);
  // Kept at least a month (a candidate may be considered again), at most three years.
  is.int(values, 'candidateRetentionDays', 'candidateRetentionDays', 30, 1095);
  checkChain(is, values.chain, cap ?? HEADCOUNT_CEILING);
  checkSources(is, values.candidateSources);
  checkRounds(is, values.interviewRounds);
  checkApprover(is, values.hireDecider, 'hireDecider');
  const known = ['maxHeadcount', 'chain', 'stepDueHours', 'salaryRangePercent', 'reportWithinDays', 'candidateRetentionDays', 'candidateSources', 'interviewRounds', 'hireDecider'];
  for (const key of Object.keys(values)) if (!known.includes(key)) is.add(key, 'POLICY.ONE_OF', { allowed: known.join(', ') });
  return is.list;
}

function checkChain(is: Issues, chain: unknown, cap: number): void {
  if (!Array.isArray(chain) || chain.length === 0) return is.add('chain', 'POLICY.REQUIRED');
  if (chain.length > 10) return is.add('chain', 'POLICY.INTEGER_RANGE', { min: 1, max: 10 });
  const seen = new Set<string>();
  chain.forEach((step: unknown, i) => {
    const at = `chain[${i}]`;
    if (!isObj(step)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof step.key !== 'string' || !KEY_FORMAT.test(step.key)) is.add(`${at}.key`, 'POLICY.KEY_FORMAT');
    else if (seen.has(step.key)) is.add(`${at}.key`, 'POLICY.DUPLICATE_KEY', { key: step.key });
    else seen.add(step.key);
    if (!isText(step.labelZh)) is.add(`${at}.labelZh`, 'POLICY.REQUIRED');
    if (!isText(step.labelEn)) is.add(`${at}.labelEn`, 'POLICY.REQUIRED');
    checkApprover(is, step.approver, `${at}.approver`);
    if (step.minHeadcount !== undefined) is.int(step, 'minHeadcount', `${at}.minHeadcount`, 1, cap);
  });
  // A requisition of one head must still be approved by someone.
  if (chain.every((s: unknown) => isObj(s) && typeof s.minHeadcount === 'number' && s.minHeadcount > 1)) is.add('chain', 'POLICY.CHAIN_ALWAYS_ONE');
}

function checkSources(is: Issues, sources: unknown): void {
  if (!Array.isArray(sources) || sources.length === 0) return is.add('candidateSources', 'POLICY.REQUIRED');
  if (sources.length > 50) return is.add('candidateSources', 'POLICY.INTEGER_RANGE', { min: 1, max: 50 });
  const seen = new Set<string>();
  sources.forEach((source: unknown, i) => {
    const at = `candidateSources[${i}]`;
    if (!isObj(source)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof source.key !== 'string' || !KEY_FORMAT.test(source.key.replace(/^\d/, 'n'))) is.add(`${at}.key`, 'POLICY.KEY_FORMAT');
    else if (seen.has(source.key)) is.add(`${at}.key`, 'POLICY.DUPLICATE_KEY', { key: source.key });
    else seen.add(source.key);
    if (!isText(source.labelZh)) is.add(`${at}.labelZh`, 'POLICY.REQUIRED');
    if (!isText(source.labelEn)) is.add(`${at}.labelEn`, 'POLICY.REQUIRED');
  });
}

function checkRounds(is: Issues, rounds: unknown): void {
  if (!Array.isArray(rounds) || rounds.length === 0) return is.add('interviewRounds', 'POLICY.REQUIRED');
  if (rounds.length > 5) return is.add('interviewRounds', 'POLICY.INTEGER_RANGE', { min: 1, max: 5 });
  rounds.forEach((round: unknown, i) => {
    const at = `interviewRounds[${i}]`;
    if (!isObj(round)) return is.add(at, 'POLICY.REQUIRED');
    if (!isText(round.labelZh)) is.add(`${at}.labelZh`, 'POLICY.REQUIRED');
    if (!isText(round.labelEn)) is.add(`${at}.labelEn`, 'POLICY.REQUIRED');
    is.oneOf(round.mode, ['any', 'all'], `${at}.mode`);
  });
}
