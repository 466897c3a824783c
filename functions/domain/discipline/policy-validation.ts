/**
 * Checks a discipline policy HR submits (POLICIES.md §4) before it becomes a new version: every
 * problem at once, each with the dotted path of the value it is about (a catalogue row's cell:
 * `violations[3].fine`).
 */
import { checkApprover, checkKeyedEntries, isObj, isText, Issues, type PolicyIssue } from '../probation/policy-validation.js';
import { DISCIPLINE_LEVELS } from './catalogue.js';

const KNOWN = ['ladder', 'windows', 'options', 'dismissalChain', 'stepDueHours', 'violations'];
/** A code is an id actions keep: letters, digits, `_` and `-`, starting with a letter. */
export const VIOLATION_CODE = /^[A-Za-z][A-Za-z0-9_-]{0,23}$/;
const LABEL_MAX = 200;
const MAX_VIOLATIONS = 300;

export function validateDisciplinePolicy(values: unknown): PolicyIssue[] {
  const is = new Issues();
  if (!isObj(values)) {
    is.add('', 'POLICY.REQUIRED');
    return is.list;
  }
  if (!isObj(values.ladder)) is.add('ladder', 'POLICY.REQUIRED');
  else {
    is.int(values.ladder, 'verbalToWritten', 'ladder.verbalToWritten', 2, 10);
    is.int(values.ladder, 'writtenToFinal', 'ladder.writtenToFinal', 2, 10);
  }
  if (!isObj(values.windows)) is.add('windows', 'POLICY.REQUIRED');
  else {
    is.int(values.windows, 'countingMonths', 'windows.countingMonths', 1, 60);
    is.int(values.windows, 'signDays', 'windows.signDays', 1, 60);
    is.int(values.windows, 'appealDays', 'windows.appealDays', 1, 30);
    is.int(values.windows, 'appealAnswerDays', 'windows.appealAnswerDays', 1, 60);
  }
  if (!isObj(values.options)) is.add('options', 'POLICY.REQUIRED');
  else {
    is.oneOf(values.options.fines, [true, false], 'options.fines');
    is.int(values.options, 'witnesses', 'options.witnesses', 1, 5);
  }
  checkKeyedEntries(is, values.dismissalChain, 'dismissalChain', { max: 10 }, (step, at) => checkApprover(is, step.approver, `${at}.approver`));
  is.int(values, 'stepDueHours', 'stepDueHours', 1, 720);
  checkViolations(is, values.violations);
  for (const key of Object.keys(values)) if (!KNOWN.includes(key)) is.add(key, 'POLICY.ONE_OF', { allowed: KNOWN.join(', ') });
  return is.list;
}

function checkViolations(is: Issues, list: unknown): void {
  if (!Array.isArray(list) || list.length === 0) return is.add('violations', 'POLICY.REQUIRED');
  if (list.length > MAX_VIOLATIONS) return is.add('violations', 'POLICY.INTEGER_RANGE', { min: 1, max: MAX_VIOLATIONS });
  const seen = new Set<string>();
  list.forEach((v: unknown, i) => {
    const at = `violations[${i}]`;
    if (!isObj(v)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof v.code !== 'string' || !VIOLATION_CODE.test(v.code)) is.add(`${at}.code`, 'POLICY.KEY_FORMAT');
    else if (seen.has(v.code)) is.add(`${at}.code`, 'POLICY.DUPLICATE_KEY', { key: v.code });
    else seen.add(v.code);
    is.oneOf(v.level, DISCIPLINE_LEVELS, `${at}.level`);
    is.int(v, 'fine', `${at}.fine`, 0, 100_000);
    if (!isObj(v.label)) return is.add(`${at}.label`, 'POLICY.REQUIRED');
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = v.label[lang];
      if (!isText(text)) is.add(`${at}.label.${lang}`, 'POLICY.REQUIRED');
      else if ([...text.trim()].length > LABEL_MAX) is.add(`${at}.label.${lang}`, 'POLICY.TEXT_TOO_LONG', { max: LABEL_MAX });
    }
    for (const key of Object.keys(v)) if (!['code', 'level', 'fine', 'label'].includes(key)) is.add(`${at}.${key}`, 'POLICY.ONE_OF', { allowed: 'code, level, fine, label' });
  });
}
