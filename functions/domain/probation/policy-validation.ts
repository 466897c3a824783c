/**
 * Checks a probation policy HR submits (POLICIES.md §3) before it becomes a new version.
 * Returns every problem at once, each with the dotted path of the value it is about, so
 * the HTTP edge can show them as field errors; an empty list means the policy is usable.
 */
import type { DomainErrorCode } from '../errors.js';
import { POSTS } from '../people/model.js';
import { PROBATION_BAND_OUTCOMES, PROBATION_SCORE_NAMES } from '../policy/defaults.js';

export interface PolicyIssue {
  path: string;
  code: DomainErrorCode;
  params?: Record<string, string | number>;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const oneDecimal = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;
// Step keys end up in ids and message keys, so they stay plain.
export const KEY_FORMAT = /^[a-z][a-z0-9_]{0,39}$/;

export class Issues {
  readonly list: PolicyIssue[] = [];
  add(path: string, code: DomainErrorCode, params?: Record<string, string | number>): void {
    this.list.push(params ? { path, code, params } : { path, code });
  }
  int(obj: Obj, key: string, path: string, min: number, max: number): number | undefined {
    const x = obj[key];
    if (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max) return x;
    this.add(path, 'POLICY.INTEGER_RANGE', { min, max });
    return undefined;
  }
  oneOf(value: unknown, allowed: readonly unknown[], path: string): boolean {
    if (allowed.includes(value)) return true;
    this.add(path, 'POLICY.ONE_OF', { allowed: allowed.filter((a) => a !== undefined).map(String).join(', ') });
    return false;
  }
}

/**
 * A list of entries that each have a plain key (unique in the list) and a zh-CN and an English
 * name — a chain's steps, candidate sources, checklist or inventory items: at least one, at most
 * `max`; each bad entry named by its path. `more` checks the rest of each entry.
 */
export function checkKeyedEntries(
  is: Issues, list: unknown, path: string,
  opts: { max?: number; key?: (key: string) => boolean; labelMax?: number },
  more?: (entry: Obj, at: string, index: number) => void,
): void {
  if (!Array.isArray(list) || list.length === 0) return is.add(path, 'POLICY.REQUIRED');
  if (opts.max !== undefined && list.length > opts.max) return is.add(path, 'POLICY.INTEGER_RANGE', { min: 1, max: opts.max });
  const keyOk = opts.key ?? ((key: string) => KEY_FORMAT.test(key));
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObj(entry)) return is.add(at, 'POLICY.REQUIRED');
    if (typeof entry.key !== 'string' || !keyOk(entry.key)) is.add(`${at}.key`, 'POLICY.KEY_FORMAT');
    else if (seen.has(entry.key)) is.add(`${at}.key`, 'POLICY.DUPLICATE_KEY', { key: entry.key });
    else seen.add(entry.key);
    for (const name of ['labelZh', 'labelEn'] as const) {
      const label = entry[name];
      if (!isText(label)) is.add(`${at}.${name}`, 'POLICY.REQUIRED');
      else if (opts.labelMax !== undefined && [...label.trim()].length > opts.labelMax) is.add(`${at}.${name}`, 'POLICY.TEXT_TOO_LONG', { max: opts.labelMax });
    }
    more?.(entry, at, i);
  });
}

export function validateProbationPolicy(values: unknown): PolicyIssue[] {
  const is = new Issues();
  if (!isObj(values)) {
    is.add('', 'POLICY.REQUIRED');
    return is.list;
  }
  // §3 / 001: probation is 1–6 months by default; 12 is the outer bound HR may widen it to.
  const min = is.int(values, 'minMonths', 'minMonths', 1, 12);
  const def = is.int(values, 'defaultMonths', 'defaultMonths', 1, 12);
  const max = is.int(values, 'maxMonths', 'maxMonths', 1, 12);
  if (min !== undefined && max !== undefined && min > max) is.add('maxMonths', 'POLICY.MONTHS_ORDER', { min, max });
  else if (min !== undefined && max !== undefined && def !== undefined && (def < min || def > max)) {
    is.add('defaultMonths', 'POLICY.MONTHS_ORDER', { min, max });
  }
  is.int(values, 'earlyConversionMinMonths', 'earlyConversionMinMonths', 0, 12);
  // Up to the 28th so that every month has the cut-off day.
  is.int(values, 'applicationCutoffDay', 'applicationCutoffDay', 1, 28);
  is.int(values, 'reviewLeadDays', 'reviewLeadDays', 0, 90);
  is.int(values, 'extensionMonths', 'extensionMonths', 1, 12);
  is.int(values, 'stepDueHours', 'stepDueHours', 1, 720);
  is.int(values, 'linkExpiryDays', 'linkExpiryDays', 1, 90);
  checkWeights(is, values.weights);
  checkAttendance(is, values.attendance);
  checkBands(is, values.bands);
  checkChain(is, values.chain);
  checkCc(is, values.cc);
  return is.list;
}

function checkWeights(is: Issues, weights: unknown): void {
  if (!isObj(weights)) return is.add('weights', 'POLICY.REQUIRED');
  const parts = PROBATION_SCORE_NAMES.map((name) => is.int(weights, name, `weights.${name}`, 0, 100));
  if (parts.every((w) => w !== undefined)) {
    const sum = parts.reduce((a, b) => a + b, 0);
    if (sum !== 100) is.add('weights', 'POLICY.WEIGHTS_SUM', { sum });
  }
}

function checkAttendance(is: Issues, attendance: unknown): void {
  if (!isObj(attendance)) return is.add('attendance', 'POLICY.REQUIRED');
  is.int(attendance, 'maxPersonalLeave', 'attendance.maxPersonalLeave', 0, 365);
  is.int(attendance, 'maxLate', 'attendance.maxLate', 0, 365);
  is.oneOf(attendance.allowEarlyLeave, [true, false], 'attendance.allowEarlyLeave');
  is.oneOf(attendance.allowDisciplinaryRecord, [true, false], 'attendance.allowDisciplinaryRecord');
}

function checkBands(is: Issues, bands: unknown): void {
  if (!Array.isArray(bands) || bands.length === 0) return is.add('bands', 'POLICY.REQUIRED');
  let previous: number | undefined;
  bands.forEach((band: unknown, i) => {
    const at = `bands[${i}]`;
    if (!isObj(band)) return is.add(at, 'POLICY.REQUIRED');
    is.oneOf(band.outcome, PROBATION_BAND_OUTCOMES, `${at}.outcome`);
    is.oneOf(band.gap, [true, false], `${at}.gap`);
    const min = band.min;
    if (typeof min !== 'number' || !(min >= 0 && min <= 100) || !oneDecimal(min)) {
      previous = undefined;
      return is.add(`${at}.min`, 'POLICY.NUMBER_RANGE', { min: 0, max: 100, decimals: 1 });
    }
    // Highest first, so the first band a score reaches is its band.
    if (previous !== undefined && min >= previous) is.add(`${at}.min`, 'POLICY.BANDS_ORDER', { previous });
    // Every score from 0 up must land in a band.
    if (i === bands.length - 1 && min !== 0) is.add(`${at}.min`, 'POLICY.BANDS_LAST_ZERO');
    previous = min;
  });
}

function checkChain(is: Issues, chain: unknown): void {
  const last = Array.isArray(chain) ? chain.length - 1 : 0;
  checkKeyedEntries(is, chain, 'chain', {}, (step, at, i) => {
    checkApprover(is, step.approver, `${at}.approver`);
    if (!is.oneOf(step.records, ['scores', 'outcome', null], `${at}.records`)) return;
    // The scores come first because every later signer judges them (000 flow chart); the
    // outcome comes last because recording it ends the review.
    if ((i === 0) !== (step.records === 'scores')) is.add(`${at}.records`, 'POLICY.CHAIN_SCORES_FIRST');
    if ((i === last) !== (step.records === 'outcome')) is.add(`${at}.records`, 'POLICY.CHAIN_OUTCOME_LAST');
  });
}

function checkCc(is: Issues, cc: unknown): void {
  if (!Array.isArray(cc)) return is.add('cc', 'POLICY.REQUIRED');
  if (cc.length > 10) return is.add('cc', 'POLICY.INTEGER_RANGE', { min: 0, max: 10 });
  cc.forEach((approver: unknown, i) => checkApprover(is, approver, `cc[${i}]`));
}

export function checkApprover(is: Issues, approver: unknown, at: string): void {
  if (!isObj(approver)) return is.add(at, 'POLICY.REQUIRED');
  if (!is.oneOf(approver.kind, ['superior', 'post_in_line', 'role'], `${at}.kind`)) return;
  if (approver.kind === 'post_in_line') {
    is.oneOf(approver.post, POSTS, `${at}.post`);
    is.oneOf(approver.fallback, [undefined, 'superior'], `${at}.fallback`);
  } else if (approver.kind === 'role') {
    if (!isText(approver.role)) is.add(`${at}.role`, 'POLICY.REQUIRED');
    is.oneOf(approver.mode, ['any', 'all'], `${at}.mode`);
  }
}
