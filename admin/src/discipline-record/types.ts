import type { DisciplineLevel } from '../discipline-policy/disciplinePolicyForm.js';

/**
 * 记录违纪's shapes as the API has them (functions/http/routes/disciplinary-actions.ts; POLICIES.md
 * §4): what the ladder would make of a violation now (preview), what recording one sends, an
 * employee's history and HR's fines for payroll. Words (`levelLabel`, `statusLabel`, the rule) come
 * from the API in the reader's language.
 */

/** 违纪事实's longest text (the API's FACTS_MAX). */
export const FACTS_MAX = 2000;

/** POST /disciplinary-actions/preview: the level a violation would be issued at now, and why (nothing is written). */
export interface DisciplinePreview {
  level: DisciplineLevel;
  levelLabel: string;
  rule: { code: string; rules: string[]; text: string };
  /** The earlier actions the level rests on (rolled up into it, or the active final warning). */
  counted: string[];
  fine: number;
  policyVersion: number;
}

export interface PreviewInput {
  employeeId: string;
  violationCode: string;
  /** ISO-8601 with an offset (company time: +08:00). */
  occurredAt: string;
}

export interface RecordViolationInput extends PreviewInput {
  facts: string;
  /** Attachment ids (POST /attachments) the issuer uploaded. */
  evidence: string[];
}

export const DISCIPLINE_STATUSES = ['pending_signature', 'appeal_window', 'under_appeal', 'effective', 'voided', 'expired', 'dismissal_pending', 'dismissed'] as const;
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number];

/** A disciplinary action as the employee's history lists it (GET /disciplinary-actions?employeeId=): the fields it shows. */
export interface DisciplinaryAction {
  id: string;
  status: DisciplineStatus;
  statusLabel: string;
  level: DisciplineLevel;
  levelLabel: string;
  catalogueLevel: DisciplineLevel;
  violationCode: string;
  violation: { code: string; level: string; fine: number; label: string };
  fine: number;
  employeeId: string;
  employeeName: string;
  occurredAt: string;
  /** YYYY-MM-DD, company time. */
  occurredOn: string;
  counted: string[];
  rule: { code: string; rules: string[]; text: string };
  /** Rolled up into this later action: it no longer counts on its own. */
  rolledUpInto: string | null;
  restored: { fromActionId: string; at: string } | null;
  /** The last day it counts towards the ladder. */
  countsUntil: string;
  voided: { reason: 'appeal_upheld' | 'not_served'; at: string; restored: string[] } | null;
}

/** GET /disciplinary-actions/fines?month=: the 乐捐 of the actions that took effect in a month (HR). */
export interface DisciplineFines {
  month: string;
  total: number;
  items: DisciplineFine[];
}

export interface DisciplineFine {
  actionId: string;
  employeeId: string;
  employeeNo: string;
  employeeName: string;
  violationCode: string;
  /** The violation's words, in the reader's language. */
  violation: string;
  level: DisciplineLevel;
  levelLabel: string;
  fine: number;
  /** YYYY-MM-DD, company time. */
  effectiveOn: string;
}
