/**
 * Checks a recruitment policy HR submits (POLICIES.md §2) before it becomes a new version:
 * every problem at once, each with the dotted path of the value it is about.
 */
import { checkApprover, isObj, isText, Issues, KEY_FORMAT, type PolicyIssue } from '../probation/policy-validation.js';
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

/** The onboarding checklist's items (§2 step 6): 1–30, unique plain keys, both names, a due day 0–90 after reporting. */
export const ONBOARDING_ITEMS_MAX = 30;
export const ONBOARDING_LABEL_MAX = 100;

function checkOnboardingItems(is: Issues, items: unknown): void {
  if (!Array.isArray(items) || items.length === 0) return is.add('onboardingItems', 'POLICY.REQUIRED');
  if (items.length > ONBOARDING_ITEMS_MAX) return is.add('onboardingItems', 'POLICY.INTEGER_RANGE', { min: 1, max: ONBOARDING_ITEMS_MAX });
  const seen = new Set<string>();
  items.forEach((item: unknown, i) => {
    const at = `onboardingItems[${i}]`;
    if (!isObj(item)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof item.key !== 'string' || !KEY_FORMAT.test(item.key)) is.add(`${at}.key`, 'POLICY.KEY_FORMAT');
    else if (seen.has(item.key)) is.add(`${at}.key`, 'POLICY.DUPLICATE_KEY', { key: item.key });
    else seen.add(item.key);
    for (const name of ['labelZh', 'labelEn'] as const) {
      const label = item[name];
      if (!isText(label)) is.add(`${at}.${name}`, 'POLICY.REQUIRED');
      else if ([...label.trim()].length > ONBOARDING_LABEL_MAX) is.add(`${at}.${name}`, 'POLICY.TEXT_TOO_LONG', { max: ONBOARDING_LABEL_MAX });
    }
    is.oneOf(item.owner, ONBOARDING_OWNERS, `${at}.owner`);
    is.int(item, 'dueDays', `${at}.dueDays`, 0, 90);
  });
}
