/**
 * The discipline ladder (POLICIES.md §4; seed 004 第五条): which level a new violation is issued
 * at, given the employee's record and the policy, and why — pure, so every boundary is tested
 * without storage.
 *
 * - 受三次口头警告等同一次书面警告: the action that would be the third active verbal warning is
 *   issued as a written warning citing the earlier ones, which are then rolled up into it and no
 *   longer count; the same from written to final (受三次书面警告等同一次最后警告). A roll-up to
 *   written may itself be the third written warning, and so goes on to final.
 * - 最后警告后…观察期间又出现违纪行为: any violation while a final warning is active is a
 *   dismissal proposal; so is a dismissal-level offence (第五条(四)).
 * - A warning is active from the day it happened for `countingMonths` months (gap: 12): a warning
 *   of 2026-01-10 counts for a violation up to 2027-01-09 and not on 2027-01-10. Voided and
 *   rolled-up warnings never count; nothing is deleted, expiry is computed from the dates.
 */
import { addMonths } from '../people/dates.js';
import type { DisciplineLevel } from './catalogue.js';

/** Statuses in which an action is on the employee's record (expiry aside). */
export const COUNTING_STATUSES = ['pending_signature', 'appeal_window', 'under_appeal', 'effective'] as const;

/** An earlier action as the ladder reads it. */
export interface PriorAction {
  id: string;
  level: DisciplineLevel;
  status: string;
  /** The company date the violation happened. */
  occurredOn: string;
  /** The later action this one was rolled up into (no longer counts on its own). */
  rolledUpInto: string | null;
}

export type LadderRule = 'as_catalogued' | 'verbal_rollup' | 'written_rollup' | 'after_final' | 'dismissal_offence';

export interface LadderOutcome {
  level: DisciplineLevel;
  /** The most significant rule applied (what the notice cites). */
  rule: LadderRule;
  /** Every rule applied, in order (a verbal roll-up that makes a third written warning: both). */
  rules: LadderRule[];
  /** The earlier actions this level rests on: those rolled up into it, or the active final warning. */
  counted: string[];
  /** Of `counted`, those the new action absorbs (marked rolled up, no longer counting). */
  rolledUp: string[];
}

export interface LadderPolicy {
  ladder: { verbalToWritten: number; writtenToFinal: number };
  windows: { countingMonths: number };
}

/** The last day a warning of `occurredOn` counts (inclusive). */
export function countsUntil(occurredOn: string, countingMonths: number): string {
  return dayBefore(addMonths(occurredOn, countingMonths));
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether `prior` counts for a violation on `on`: in a counting status, not rolled up, within the window (same day counts, the future does not). */
export function counts(prior: PriorAction, on: string, countingMonths: number): boolean {
  return (COUNTING_STATUSES as readonly string[]).includes(prior.status)
    && prior.rolledUpInto === null
    && prior.occurredOn <= on
    && on <= countsUntil(prior.occurredOn, countingMonths);
}

/** Oldest first (then by id), so the earliest warnings are the ones a roll-up cites. */
const byDate = (a: PriorAction, b: PriorAction) => a.occurredOn.localeCompare(b.occurredOn) || a.id.localeCompare(b.id);

/**
 * The level a violation of catalogue level `catalogued` on `on` is issued at, for an employee
 * whose earlier actions are `history`.
 */
export function levelFor(policy: LadderPolicy, history: readonly PriorAction[], catalogued: DisciplineLevel, on: string): LadderOutcome {
  const active = history.filter((a) => counts(a, on, policy.windows.countingMonths)).sort(byDate);
  if (catalogued === 'dismissal') return { level: 'dismissal', rule: 'dismissal_offence', rules: ['dismissal_offence'], counted: [], rolledUp: [] };
  const final = active.find((a) => a.level === 'final');
  if (final) return { level: 'dismissal', rule: 'after_final', rules: ['after_final'], counted: [final.id], rolledUp: [] };

  let level: DisciplineLevel = catalogued;
  const rules: LadderRule[] = [];
  const rolledUp: string[] = [];
  if (level === 'verbal') {
    const verbal = active.filter((a) => a.level === 'verbal');
    const needed = policy.ladder.verbalToWritten - 1;
    if (verbal.length >= needed) {
      rolledUp.push(...verbal.slice(0, needed).map((a) => a.id));
      level = 'written';
      rules.push('verbal_rollup');
    }
  }
  if (level === 'written') {
    const written = active.filter((a) => a.level === 'written');
    const needed = policy.ladder.writtenToFinal - 1;
    if (written.length >= needed) {
      rolledUp.push(...written.slice(0, needed).map((a) => a.id));
      level = 'final';
      rules.push('written_rollup');
    }
  }
  const rule = rules.at(-1) ?? 'as_catalogued';
  return { level, rule, rules: rules.length ? rules : ['as_catalogued'], counted: rolledUp, rolledUp };
}

const LEVEL_WORDS: Record<DisciplineLevel, { 'zh-CN': string; en: string }> = {
  verbal: { 'zh-CN': '口头警告', en: 'verbal warning' },
  written: { 'zh-CN': '书面警告', en: 'written warning' },
  final: { 'zh-CN': '最后警告', en: 'final warning' },
  dismissal: { 'zh-CN': '辞退', en: 'dismissal' },
};

export const levelLabel = (level: DisciplineLevel, lang: 'zh-CN' | 'en') => LEVEL_WORDS[level][lang];

/**
 * Why the action has its level, in words the notice prints (`cited`: the counted actions as the
 * reader knows them, e.g. their dates and violations).
 */
export function explainRule(outcome: Pick<LadderOutcome, 'rules' | 'level'>, policy: LadderPolicy, cited: readonly string[], lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  const list = cited.join(zh ? '；' : '; ');
  const parts = outcome.rules.map((rule) => {
    switch (rule) {
      case 'as_catalogued':
        return zh ? `按违纪条款给予${LEVEL_WORDS[outcome.level][lang]}` : `A ${LEVEL_WORDS[outcome.level].en} as the catalogue sets for this violation`;
      case 'verbal_rollup':
        return zh
          ? `受${policy.ladder.verbalToWritten}次口头警告等同一次书面警告：本次为${policy.windows.countingMonths}个月内第${policy.ladder.verbalToWritten}次口头警告`
          : `${policy.ladder.verbalToWritten} verbal warnings equal one written warning: this is the ${ordinal(policy.ladder.verbalToWritten)} verbal warning within ${policy.windows.countingMonths} months`;
      case 'written_rollup':
        return zh
          ? `受${policy.ladder.writtenToFinal}次书面警告等同一次最后警告：本次为${policy.windows.countingMonths}个月内第${policy.ladder.writtenToFinal}次书面警告`
          : `${policy.ladder.writtenToFinal} written warnings equal one final warning: this is the ${ordinal(policy.ladder.writtenToFinal)} written warning within ${policy.windows.countingMonths} months`;
      case 'after_final':
        return zh ? '最后警告后观察期间又出现违纪行为，提请辞退' : 'A violation while a final warning is active: dismissal is proposed';
      case 'dismissal_offence':
        return zh ? '该违纪行为按制度予以辞退，提请辞退' : 'The catalogue sets dismissal for this violation: dismissal is proposed';
    }
  });
  const text = parts.join(zh ? '；' : '; ');
  if (!cited.length) return text;
  return zh ? `${text}（合并计算：${list}）` : `${text} (counted: ${list})`;
}

function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}
