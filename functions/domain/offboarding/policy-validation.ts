/**
 * Checks an offboarding policy HR submits (POLICIES.md §9) before it becomes a new version: every
 * problem at once, each with the dotted path of the value it is about.
 */
import { checkApprover, checkKeyedEntries, isObj, Issues, type PolicyIssue } from '../probation/policy-validation.js';

const KNOWN = ['notice', 'chain', 'stepDueHours', 'finalPay', 'reminderDaysBefore', 'inventoryItems', 'exitReasons'];

export function validateOffboardingPolicy(values: unknown): PolicyIssue[] {
  const is = new Issues();
  if (!isObj(values)) {
    is.add('', 'POLICY.REQUIRED');
    return is.list;
  }
  if (!isObj(values.notice)) is.add('notice', 'POLICY.REQUIRED');
  else {
    is.int(values.notice, 'months', 'notice.months', 0, 6);
    is.int(values.notice, 'probationDays', 'notice.probationDays', 0, 30);
  }
  checkKeyedEntries(is, values.chain, 'chain', { max: 10 }, (step, at) => checkApprover(is, step.approver, `${at}.approver`));
  is.int(values, 'stepDueHours', 'stepDueHours', 1, 720);
  if (!isObj(values.finalPay)) is.add('finalPay', 'POLICY.REQUIRED');
  else {
    is.int(values.finalPay, 'dayOfMonth', 'finalPay.dayOfMonth', 1, 31);
    is.int(values.finalPay, 'monthsAfter', 'finalPay.monthsAfter', 0, 3);
  }
  is.int(values, 'reminderDaysBefore', 'reminderDaysBefore', 0, 30);
  // Whole yuan: what a missing item costs the leaver (HR may record another amount).
  checkKeyedEntries(is, values.inventoryItems, 'inventoryItems', { max: 30 }, (item, at) => is.int(item, 'amount', `${at}.amount`, 0, 100_000));
  checkKeyedEntries(is, values.exitReasons, 'exitReasons', { max: 20 });
  for (const key of Object.keys(values)) if (!KNOWN.includes(key)) is.add(key, 'POLICY.ONE_OF', { allowed: KNOWN.join(', ') });
  return is.list;
}
