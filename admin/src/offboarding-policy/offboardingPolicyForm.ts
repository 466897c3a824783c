import { formNumber } from '../components/policyPaths.js';
import { cleanApprover } from '../probation-policy/policyForm.js';
import type { ApproverRule } from '../probation-policy/types.js';

/** A named entry of one of the policy's lists (an exit reason; a chain step and an item add to it). */
export interface KeyedLabel {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** The offboarding policy's values (GET /api/v1/policies/offboarding → values), POLICIES.md §9; 001 六. */
export interface OffboardingPolicyValues {
  /** 001 六(一): a resignation is handed in 1 month ahead, 3 days in probation. */
  notice: { months: number; probationDays: number };
  chain: Array<KeyedLabel & { approver: ApproverRule }>;
  stepDueHours: number;
  /** 001 六(三): pay is settled on the 15th of the month after the handover is complete. */
  finalPay: { dayOfMonth: number; monthsAfter: number };
  reminderDaysBefore: number;
  /** What is checked back (盘点), with the whole yuan charged for a missing one. */
  inventoryItems: Array<KeyedLabel & { amount: number }>;
  exitReasons: KeyedLabel[];
}

const NUMBERS = ['stepDueHours', 'reminderDaysBefore'] as const;

const INPUT_PATHS = [
  /^values\.(stepDueHours|reminderDaysBefore)$/,
  /^values\.notice\.(months|probationDays)$/,
  /^values\.finalPay\.(dayOfMonth|monthsAfter)$/,
  /^values\.chain\.\d+\.(key|labelZh|labelEn|approver\.(kind|post|fallback|role|mode))$/,
  /^values\.exitReasons\.\d+\.(key|labelZh|labelEn)$/,
];

/** Groups whose section shows their own errors (a missing list, a chain step's whole rule); the inventory grid lists its own. */
export const OFFBOARDING_GROUPS = ['values.notice', 'values.finalPay', 'values.chain', 'values.inventoryItems', 'values.exitReasons'];

/**
 * A server error on one of these paths goes under its input; the inventory items are a grid,
 * whose cells show theirs (`values.inventoryItems.1.amount`); any other goes to its section or the top.
 */
export function isOffboardingPolicyInput(path: string): boolean {
  return INPUT_PATHS.some((re) => re.test(path));
}

type Loose = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const obj = (value: unknown): Loose => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {});
const labels = (entry: Loose) => ({ key: text(entry?.key), labelZh: entry?.labelZh ?? '', labelEn: entry?.labelEn ?? '' });

/**
 * The form's values as PUT /policies/offboarding takes them: numbers as numbers (an emptied
 * input or cell as null, which the API names), keys trimmed, each approver rule reduced to its
 * kind's keys. Nothing else is checked here: the API validates and names every problem by its path.
 */
export function toOffboardingPolicy(values: Loose): Loose {
  const out: Loose = { ...values };
  for (const key of NUMBERS) if (key in out) out[key] = formNumber(out[key]);
  if ('notice' in values) {
    const notice = obj(values.notice);
    out.notice = { months: formNumber(notice.months), probationDays: formNumber(notice.probationDays) };
  }
  if ('finalPay' in values) {
    const pay = obj(values.finalPay);
    out.finalPay = { dayOfMonth: formNumber(pay.dayOfMonth), monthsAfter: formNumber(pay.monthsAfter) };
  }
  if (Array.isArray(values.chain)) {
    out.chain = (values.chain as Loose[]).map((s) => ({ ...labels(s), approver: cleanApprover(s?.approver as Loose | undefined) }));
  }
  if (Array.isArray(values.inventoryItems)) {
    out.inventoryItems = (values.inventoryItems as Loose[]).map((item) => ({ ...labels(item), amount: formNumber(item?.amount) }));
  }
  if (Array.isArray(values.exitReasons)) out.exitReasons = (values.exitReasons as Loose[]).map(labels);
  return out;
}

/** A new inventory row: HR names it and says what a missing one costs (the API names what is left empty). */
export const newInventoryItem = (): Loose => ({ key: '', labelZh: '', labelEn: '', amount: 0 });
