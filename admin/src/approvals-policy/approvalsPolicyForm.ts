import { formNumber } from '../components/policyPaths.js';

/** The approvals policy's values (GET /api/v1/policies/approvals → values): rules every workflow shares. */
export interface ApprovalsPolicyValues {
  /** 催办: at most once per this many hours (1–168). */
  remindIntervalHours: number;
  /** 同一审批人只审一次: an approver asked again later in one chain is not asked twice. */
  sameApproverDecidesOnce: boolean;
  /** 审批人即发起人: decide themselves, skip the step, or ask their direct superior. */
  requesterIsApprover: 'self' | 'skip' | 'superior';
  /** 审批人离职: their tasks go to their direct superior or to HR. */
  approverLeft: 'superior' | 'hr';
  /** 附件 (#12): the largest file in bytes (the form shows MB), the kinds of file, how many on one decision or comment. */
  attachments?: { maxBytes: number; allowedTypes: string[]; perItem: number };
}

const MB = 1024 * 1024;

const INPUTS = /^values\.(remindIntervalHours|sameApproverDecidesOnce|requesterIsApprover|approverLeft|attachments\.(allowedTypes|perItem))$/;

/** The inputs own their errors; the size (sent in bytes) and a listed type are shown under the section (`values.attachments`). */
export function isApprovalsPolicyInput(path: string): boolean {
  return INPUTS.test(path);
}

/**
 * The stored values as the form shows them: the largest file in MB; a version saved before
 * attachments existed starts from the default in force.
 */
export function toApprovalsForm(values: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const source = (values.attachments ?? defaults.attachments) as { maxBytes?: unknown; allowedTypes?: unknown; perItem?: unknown } | undefined;
  if (!source) return values;
  const { maxBytes, ...rest } = source;
  return { ...values, attachments: { ...rest, maxMegabytes: typeof maxBytes === 'number' ? Number((maxBytes / MB).toFixed(3)) : maxBytes } };
}

/** The form's values as PUT /policies/approvals takes them; the API validates and names each problem. */
export function toApprovalsPolicy(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values, remindIntervalHours: formNumber(values.remindIntervalHours), sameApproverDecidesOnce: Boolean(values.sameApproverDecidesOnce) };
  const a = values.attachments as { maxMegabytes?: unknown; allowedTypes?: unknown; perItem?: unknown } | undefined;
  if (a && typeof a === 'object') {
    const mb = formNumber(a.maxMegabytes);
    out.attachments = {
      // Whole bytes; anything that is not a number goes as it is, for the API to name.
      maxBytes: typeof mb === 'number' ? Math.round(mb * MB) : mb,
      allowedTypes: Array.isArray(a.allowedTypes) ? a.allowedTypes : [],
      perItem: formNumber(a.perItem),
    };
  }
  return out;
}
