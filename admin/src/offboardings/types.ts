/**
 * 离职办理 as GET /api/v1/offboardings/{id} shows it (POLICIES.md §9; seed 001 六): the handover
 * (离职工作移交单), the inventory (物品盘点), the exit form (员工离职表, HR's only), the dates and
 * what the reader may do (`can`).
 */

export const OFFBOARDING_REASONS = ['resignation', 'probation_not_converted', 'dismissal'] as const;
export type OffboardingReason = (typeof OFFBOARDING_REASONS)[number];

/** The API lists one status at a time (open when none is given). */
export const OFFBOARDING_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type OffboardingStatus = (typeof OFFBOARDING_STATUSES)[number];

export const HANDOVER_SOURCES = ['task', 'request', 'onboarding', 'report', 'other'] as const;
export type HandoverSource = (typeof HANDOVER_SOURCES)[number];

/** What has to be true before HR closes the record, in the order the checklist shows it. */
export const CLOSE_REQUIREMENTS = ['lastDay', 'handover', 'inventory', 'exitForm'] as const;

export interface HandoverItem {
  id: string;
  source: HandoverSource;
  /** In the reader's language. */
  description: string;
  /** The task, request, checklist or (for `report`) the employee it is about. */
  refId: string | null;
  /** Null: any HR member signs (receiverName then says 人力资源部). */
  receiverEmployeeId: string | null;
  receiverName: string | null;
  receivedAt: string | null;
  receivedByName: string | null;
}

export interface InventoryItem {
  id: string;
  item: string;
  /** Null until checked; false: missing, the leaver answers for `amount`. */
  returned: boolean | null;
  amount: number;
  /** The policy's amount for a missing one (what the console offers first). */
  defaultAmount: number;
  checkedAt: string | null;
  checkedByName: string | null;
}

export interface ExitForm {
  reasonCategory: string | null;
  reasonLabel: string | null;
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
  reason: OffboardingReason;
  reasonLabel: string;
  lastDay: string;
  /** Fixed once everything is signed; until then the earliest it can be (预计). */
  finalPayDate: string;
  finalPayDateFixed: boolean;
  status: OffboardingStatus;
  statusLabel: string;
  handover: HandoverItem[];
  inventory: InventoryItem[];
  amountOwed: number;
  /** HR's only: null for everyone else. */
  exitForm: ExitForm | null;
  resignationId: string | null;
  reviewId: string | null;
  remindedAt: string | null;
  /** When the last day's work ran (terminated, account closed). */
  leftAt: string | null;
  closedAt: string | null;
  closedByName: string | null;
  cancellation: { at: string; byName: string; reason: string } | null;
  can: {
    /** Handover items the reader may sign. */
    receive: string[];
    /** Check the inventory, add items, name receivers (HR, a manager over the leaver). */
    manage: boolean;
    exitForm: boolean;
    close: boolean;
    cancel: boolean;
    closeBlockers: Array<{ field: string; code: string }>;
  };
  consolePath: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** PUT /offboardings/{id}/exit-form */
export interface ExitFormInput {
  reasonCategory: string;
  interviewNotes?: string | null;
  rehireEligible: boolean;
}

/** Handover items signed, of all. */
export const handoverProgress = (r: Pick<Offboarding, 'handover'>) => ({ signed: r.handover.filter((h) => h.receivedAt).length, total: r.handover.length });
