/**
 * 离职办理: the one record every leaver gets (POLICIES.md §9; seed 001 六), whatever brought it —
 * an approved resignation, a probation ended without conversion, or (#16) an approved
 * dismissal. It holds the handover (离职工作移交单: each item signed by its receiver), the
 * inventory (盘点: each item checked back, or the amount the leaver answers for), the exit form
 * (员工离职表) and the dates. Pure: what the record is and what follows from it; storage and
 * timers are elsewhere.
 */
import { DomainError } from '../errors.js';
import type { ExitReasonPolicy, InventoryItemPolicy, OffboardingPolicy } from '../policy/defaults.js';
import { addDays } from '../people/dates.js';
import { finalPayDate, handoverCompletedOn, type FinalPayRule } from './dates.js';

export const OFFBOARDING_REASONS = ['resignation', 'probation_not_converted', 'dismissal'] as const;
export type OffboardingReason = (typeof OFFBOARDING_REASONS)[number];
export const OFFBOARDING_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type OffboardingStatus = (typeof OFFBOARDING_STATUSES)[number];

/** Where a handover item comes from: the system's own records (`account`: they hold the only administrator account), or written in by hand. */
export const HANDOVER_SOURCES = ['task', 'request', 'onboarding', 'report', 'account', 'other'] as const;
export type HandoverSource = (typeof HANDOVER_SOURCES)[number];

export interface HandoverItem {
  id: string;
  source: HandoverSource;
  /** What is handed over, in Chinese and in English (the reader's language is shown). */
  description: string;
  descriptionEn: string;
  /** What the item is about: the task, request, checklist or employee id (null for free text). */
  refId: string | null;
  receiverEmployeeId: string | null;
  receiverName: string | null;
  receivedAt: string | null;
  /** The company date of the signature (what the final-pay date counts from). */
  receivedOn: string | null;
  receivedByName: string | null;
}

export interface InventoryItem {
  id: string;
  /** The policy's key (null for an item added to this record). */
  key: string | null;
  item: string;
  itemEn: string;
  /** Null until checked; then whether it came back. */
  returned: boolean | null;
  /** What the leaver answers for (yuan): 0 when returned; the policy's amount unless HR records another. */
  amount: number;
  defaultAmount: number;
  checkedAt: string | null;
  checkedOn: string | null;
  checkedByName: string | null;
}

export interface ExitForm {
  reasonCategory: string | null;
  interviewNotes: string | null;
  rehireEligible: boolean | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface Offboarding {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  /** The leaver's reporting path when it opened: who may see the record (their superiors). */
  employeePath: string;
  superiorId: string | null;
  reason: OffboardingReason;
  /** The last working day (company date); the account closes at its end. */
  lastDay: string;
  resignationId: string | null;
  reviewId: string | null;
  status: OffboardingStatus;
  handover: HandoverItem[];
  inventory: InventoryItem[];
  exitForm: ExitForm;
  /** The policy's final-pay rule and reminder lead as they were when it opened (a snapshot). */
  finalPay: FinalPayRule;
  reminderDaysBefore: number;
  policyVersion: number;
  /** When the owners were reminded before the last day (once). */
  remindedAt: string | null;
  /** When the last day's work ran: terminated, account closed, tasks and reports moved. */
  leftAt: string | null;
  closedAt: string | null;
  closedByName: string | null;
  cancellation: { at: string; byName: string; reason: string } | null;
  openedByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The inventory a leaver starts with: the policy's items, none checked yet. */
export function inventoryFrom(items: readonly InventoryItemPolicy[]): InventoryItem[] {
  return items.map((i) => ({
    id: i.key, key: i.key, item: i.labelZh, itemEn: i.labelEn, returned: null, amount: i.amount, defaultAmount: i.amount,
    checkedAt: null, checkedOn: null, checkedByName: null,
  }));
}

export const emptyExitForm = (): ExitForm => ({ reasonCategory: null, interviewNotes: null, rehireEligible: null, updatedAt: null, updatedByName: null });

/**
 * The day the handover was complete (001 六(三)): the latest signature of every handover item
 * and inventory check, and never before the last day (pay for the last day is in it). Null
 * while something is unsigned.
 */
export function completedOn(r: Pick<Offboarding, 'handover' | 'inventory' | 'lastDay'>): string | null {
  const signed = [
    ...r.handover.map((h) => ({ receivedOn: h.receivedOn })),
    ...r.inventory.map((i) => ({ receivedOn: i.checkedOn })),
  ];
  const on = handoverCompletedOn(signed, r.lastDay);
  if (on === null) return null;
  return on > r.lastDay ? on : r.lastDay;
}

/**
 * The final-pay date shown on the record and in the payroll export: fixed once everything is
 * signed (the 15th of the month after the last signature); until then the earliest it can be
 * (as if everything were signed on the last day), marked provisional — it moves with a late signature.
 */
export function payDate(r: Pick<Offboarding, 'handover' | 'inventory' | 'lastDay' | 'finalPay'>): { finalPayDate: string; fixed: boolean } {
  const on = completedOn(r);
  return { finalPayDate: finalPayDate(r.finalPay, on ?? r.lastDay), fixed: on !== null };
}

/** What the leaver answers for: the amounts of items not returned. */
export const amountOwed = (r: Pick<Offboarding, 'inventory'>): number => r.inventory.reduce((sum, i) => sum + (i.returned === false ? i.amount : 0), 0);

/** Checking an item back: returned (owes nothing) or missing (the amount given, else the policy's). */
export function checkInventory(item: InventoryItem, input: { returned: boolean; amount?: number | undefined }, by: { name: string; at: string; on: string }): InventoryItem {
  if (input.returned && input.amount !== undefined && input.amount !== 0) throw new DomainError('OFFBOARDING.RETURNED_WITH_AMOUNT', 'amount');
  return {
    ...item, returned: input.returned, amount: input.returned ? 0 : (input.amount ?? item.defaultAmount),
    checkedAt: by.at, checkedOn: by.on, checkedByName: by.name,
  };
}

/** What still keeps HR from closing the record, by field; empty when it may close. */
export function closeBlockers(r: Offboarding, exitReasons: readonly ExitReasonPolicy[]): { field: string; code: string }[] {
  const out: { field: string; code: string }[] = [];
  if (r.status !== 'open') out.push({ field: 'status', code: 'OFFBOARDING.NOT_OPEN' });
  if (!r.leftAt) out.push({ field: 'lastDay', code: 'OFFBOARDING.LAST_DAY_NOT_PASSED' });
  if (r.handover.some((h) => !h.receivedAt)) out.push({ field: 'handover', code: 'OFFBOARDING.HANDOVER_UNSIGNED' });
  if (r.inventory.some((i) => i.returned === null)) out.push({ field: 'inventory', code: 'OFFBOARDING.INVENTORY_UNCHECKED' });
  if (!r.exitForm.reasonCategory || !exitReasons.some((e) => e.key === r.exitForm.reasonCategory) || r.exitForm.rehireEligible === null) {
    out.push({ field: 'exitForm', code: 'OFFBOARDING.EXIT_FORM_INCOMPLETE' });
  }
  return out;
}

/** The policy's snapshot a new record keeps. */
export const policySnapshot = (p: OffboardingPolicy) => ({ finalPay: { ...p.finalPay }, reminderDaysBefore: p.reminderDaysBefore });

/**
 * The next company date the daily job has work on the record: the reminder (the policy's days
 * before the last day, once) and then the last day's work (the day after it, once the last day
 * is over). Null when neither is left, or the record is no longer open.
 */
export function nextTimerDate(r: Pick<Offboarding, 'status' | 'lastDay' | 'reminderDaysBefore' | 'remindedAt' | 'leftAt'>): string | null {
  if (r.status !== 'open' || r.leftAt) return null;
  if (!r.remindedAt && r.reminderDaysBefore > 0) return addDays(r.lastDay, -r.reminderDaysBefore);
  return addDays(r.lastDay, 1);
}
