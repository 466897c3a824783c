/**
 * Checks a recruitment policy HR submits (POLICIES.md §2) before it becomes a new version:
 * every problem at once, each with the dotted path of the value it is about.
 */
import { checkApprover, checkKeyedEntries, isObj, isText, Issues, KEY_FORMAT, type PolicyIssue } from '../probation/policy-validation.js';
import { ONBOARDING_OWNERS } from '../policy/defaults.js';

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
  is.int(values, 'interviewReminderHours', 'interviewReminderHours', 1, 168);
  // Kept at least a month (a candidate may be considered again), at most three years.
  is.int(values, 'candidateRetentionDays', 'candidateRetentionDays', 30, 1095);
  checkChain(is, values.chain, cap ?? HEADCOUNT_CEILING);
  checkSources(is, values.candidateSources);
  checkRounds(is, values.interviewRounds);
  checkApprover(is, values.hireDecider, 'hireDecider');
  checkOnboardingItems(is, values.onboardingItems);
  const known = ['maxHeadcount', 'chain', 'stepDueHours', 'salaryRangePercent', 'reportWithinDays', 'interviewReminderHours', 'candidateRetentionDays', 'candidateSources', 'interviewRounds', 'hireDecider', 'onboardingItems'];
  for (const key of Object.keys(values)) if (!known.includes(key)) is.add(key, 'POLICY.ONE_OF', { allowed: known.join(', ') });
  return is.list;
}

function checkChain(is: Issues, chain: unknown, cap: number): void {
  checkKeyedEntries(is, chain, 'chain', { max: 10 }, (step, at) => {
    checkApprover(is, step.approver, `${at}.approver`);
    if (step.minHeadcount !== undefined) is.int(step, 'minHeadcount', `${at}.minHeadcount`, 1, cap);
  });
  // A requisition of one head must still be approved by someone.
  if (Array.isArray(chain) && chain.length > 0 && chain.length <= 10 && chain.every((s: unknown) => isObj(s) && typeof s.minHeadcount === 'number' && s.minHeadcount > 1)) is.add('chain', 'POLICY.CHAIN_ALWAYS_ONE');
}

function checkSources(is: Issues, sources: unknown): void {
  // A source's key may start with a digit (51job).
  checkKeyedEntries(is, sources, 'candidateSources', { max: 50, key: (key) => KEY_FORMAT.test(key.replace(/^\d/, 'n')) });
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

/** The onboarding checklist's items (§2 step 6): 1–30, unique plain keys, both names, a due day 0–90 after reporting. */
export const ONBOARDING_ITEMS_MAX = 30;
export const ONBOARDING_LABEL_MAX = 100;

function checkOnboardingItems(is: Issues, items: unknown): void {
  checkKeyedEntries(is, items, 'onboardingItems', { max: ONBOARDING_ITEMS_MAX, labelMax: ONBOARDING_LABEL_MAX }, (item, at) => {
    is.oneOf(item.owner, ONBOARDING_OWNERS, `${at}.owner`);
    is.int(item, 'dueDays', `${at}.dueDays`, 0, 90);
  });
}
