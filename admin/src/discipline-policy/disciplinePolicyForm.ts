import { formNumber } from '../components/policyPaths.js';
import { cleanApprover } from '../probation-policy/policyForm.js';
import type { ApproverRule } from '../probation-policy/types.js';

/** 004 第五条's levels, lightest first: 口头警告, 书面警告, 最后警告, 辞退. */
export const DISCIPLINE_LEVELS = ['verbal', 'written', 'final', 'dismissal'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/** One 违纪条款 as the API stores it: a stable code, its level, the 乐捐 in whole yuan and its words. */
export interface Violation {
  code: string;
  level: DisciplineLevel;
  fine: number;
  label: { 'zh-CN': string; en: string };
}

/** The discipline policy's values (GET /api/v1/policies/discipline → values), POLICIES.md §4; 004 第五条. */
export interface DisciplinePolicyValues {
  /** 受三次口头警告等同一次书面警告 / 受三次书面警告等同一次最后警告. */
  ladder: { verbalToWritten: number; writtenToFinal: number };
  windows: { countingMonths: number; signDays: number; appealDays: number; appealAnswerDays: number };
  /** 乐捐 on or off; the witnesses who sign for a refused 处罚单. */
  options: { fines: boolean; witnesses: number };
  dismissalChain: Array<{ key: string; labelZh: string; labelEn: string; approver: ApproverRule }>;
  stepDueHours: number;
  violations: Violation[];
}

/**
 * A violation as a row of the grid: flat, because a grid cell holds one field. The words are
 * `labelZh` / `labelEn` in the form and `label['zh-CN']` / `label.en` in the API.
 */
export interface ViolationRow {
  code: string;
  level: string;
  fine: unknown;
  labelZh: string;
  labelEn: string;
}

const INPUT_PATHS = [
  /^values\.stepDueHours$/,
  /^values\.ladder\.(verbalToWritten|writtenToFinal)$/,
  /^values\.windows\.(countingMonths|signDays|appealDays|appealAnswerDays)$/,
  /^values\.options\.(fines|witnesses)$/,
  /^values\.dismissalChain\.\d+\.(key|labelZh|labelEn|approver\.(kind|post|fallback|role|mode))$/,
];

/** Groups whose section shows their own errors (a missing object, a chain step's whole rule); the violations grid lists its own. */
export const DISCIPLINE_GROUPS = ['values.ladder', 'values.windows', 'values.options', 'values.dismissalChain', 'values.violations'];

/**
 * A server error on one of these paths goes under its input; the violations are a grid whose
 * cells show theirs (`values.violations.3.fine`); any other goes to its section or the top.
 */
export function isDisciplinePolicyInput(path: string): boolean {
  return INPUT_PATHS.some((re) => re.test(path));
}

type Loose = Record<string, unknown>;

const obj = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** The stored values as the form starts from them: each violation a flat row of the grid. */
export function toDisciplineForm(values: Loose): Loose {
  if (!Array.isArray(values.violations)) return values;
  return { ...values, violations: (values.violations as Loose[]).map(toViolationRow) };
}

function toViolationRow(violation: Loose): ViolationRow {
  const label = obj(violation?.label);
  return {
    code: (violation?.code as string) ?? '',
    level: (violation?.level as string) ?? '',
    fine: violation?.fine ?? null,
    labelZh: (label['zh-CN'] as string) ?? '',
    labelEn: (label.en as string) ?? '',
  };
}

/**
 * The form's values as PUT /policies/discipline takes them: numbers as numbers (an emptied input
 * or cell as null, which the API names), the fines switch as it is, codes and chain keys trimmed,
 * each approver rule reduced to its kind's keys, each row's words back under `label`. Nothing
 * else is checked here: the API validates and names every problem by its path.
 */
export function toDisciplinePolicy(values: Loose): Loose {
  const out: Loose = { ...values };
  if ('stepDueHours' in values) out.stepDueHours = formNumber(values.stepDueHours);
  if ('ladder' in values) {
    const ladder = obj(values.ladder);
    out.ladder = { verbalToWritten: formNumber(ladder.verbalToWritten), writtenToFinal: formNumber(ladder.writtenToFinal) };
  }
  if ('windows' in values) {
    const w = obj(values.windows);
    out.windows = {
      countingMonths: formNumber(w.countingMonths),
      signDays: formNumber(w.signDays),
      appealDays: formNumber(w.appealDays),
      appealAnswerDays: formNumber(w.appealAnswerDays),
    };
  }
  if ('options' in values) {
    const o = obj(values.options);
    // A switch gives a boolean; anything else goes as it is, for the API to name.
    out.options = { fines: o.fines ?? null, witnesses: formNumber(o.witnesses) };
  }
  if (Array.isArray(values.dismissalChain)) {
    out.dismissalChain = (values.dismissalChain as Loose[]).map((s) => ({
      key: text(s?.key),
      labelZh: s?.labelZh ?? '',
      labelEn: s?.labelEn ?? '',
      approver: cleanApprover(s?.approver as Loose | undefined),
    }));
  }
  if (Array.isArray(values.violations)) {
    out.violations = (values.violations as Loose[]).map((row) => ({
      code: text(row?.code ?? ''),
      level: row?.level ?? '',
      fine: formNumber(row?.fine),
      label: { 'zh-CN': row?.labelZh ?? '', en: row?.labelEn ?? '' },
    }));
  }
  return out;
}

const LABEL_CELLS: Record<string, string> = { 'zh-CN': 'labelZh', en: 'labelEn' };

/**
 * The server's errors as the grid's cells are named: a row's words are `label.zh-CN` / `label.en`
 * in the API (`values.violations.3.label.en`) and the cells `labelZh` / `labelEn`. Everything
 * else keeps its path (`values.violations.3.fine` is already the cell's).
 */
export function violationCellErrors(others: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(others).map(([path, message]) => {
      const m = /^(values\.violations\.\d+)\.label\.(zh-CN|en)$/.exec(path);
      return [m ? `${m[1]}.${LABEL_CELLS[m[2]!]}` : path, message];
    }),
  );
}

/** A new 违纪条款: HR gives it a code, its words and level; the API names what is left empty. */
export const newViolation = (): Loose => ({ code: '', level: 'verbal', fine: 0, labelZh: '', labelEn: '' });

/** How many violations each level has, in the levels' order. */
export function countByLevel(rows: unknown): Array<{ level: DisciplineLevel; count: number }> {
  const list = Array.isArray(rows) ? (rows as Loose[]) : [];
  return DISCIPLINE_LEVELS.map((level) => ({ level, count: list.filter((r) => r?.level === level).length }));
}
