/**
 * Checks an offboarding policy HR submits (POLICIES.md §9) before it becomes a new version: every
 * problem at once, each with the dotted path of the value it is about.
 */
import { checkApprover, isObj, isText, Issues, KEY_FORMAT, type PolicyIssue } from '../probation/policy-validation.js';

const KNOWN = ['notice', 'chain', 'stepDueHours', 'finalPay', 'reminderDaysBefore', 'tasksMoveTo', 'inventoryItems', 'exitReasons'];

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
  checkChain(is, values.chain);
  is.int(values, 'stepDueHours', 'stepDueHours', 1, 720);
  if (!isObj(values.finalPay)) is.add('finalPay', 'POLICY.REQUIRED');
  else {
    is.int(values.finalPay, 'dayOfMonth', 'finalPay.dayOfMonth', 1, 31);
    is.int(values.finalPay, 'monthsAfter', 'finalPay.monthsAfter', 0, 3);
  }
  is.int(values, 'reminderDaysBefore', 'reminderDaysBefore', 0, 30);
  is.oneOf(values.tasksMoveTo, ['superior', 'hr'], 'tasksMoveTo');
  // Whole yuan: what a missing item costs the leaver (HR may record another amount).
  checkList(is, values.inventoryItems, 'inventoryItems', 30, (item, at) => is.int(item, 'amount', `${at}.amount`, 0, 100_000));
  checkList(is, values.exitReasons, 'exitReasons', 20);
  for (const key of Object.keys(values)) if (!KNOWN.includes(key)) is.add(key, 'POLICY.ONE_OF', { allowed: KNOWN.join(', ') });
  return is.list;
}

function checkChain(is: Issues, chain: unknown): void {
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
  });
}

/** A list of keyed, named entries (1 to `max`, unique plain keys, both names), each checked further by `more`. */
function checkList(is: Issues, list: unknown, path: string, max: number, more?: (entry: Record<string, unknown>, at: string) => void): void {
  if (!Array.isArray(list) || list.length === 0) return is.add(path, 'POLICY.REQUIRED');
  if (list.length > max) return is.add(path, 'POLICY.INTEGER_RANGE', { min: 1, max });
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObj(entry)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof entry.key !== 'string' || !KEY_FORMAT.test(entry.key)) is.add(`${at}.key`, 'POLICY.KEY_FORMAT');
    else if (seen.has(entry.key)) is.add(`${at}.key`, 'POLICY.DUPLICATE_KEY', { key: entry.key });
    else seen.add(entry.key);
    if (!isText(entry.labelZh)) is.add(`${at}.labelZh`, 'POLICY.REQUIRED');
    if (!isText(entry.labelEn)) is.add(`${at}.labelEn`, 'POLICY.REQUIRED');
    more?.(entry, at);
  });
}
