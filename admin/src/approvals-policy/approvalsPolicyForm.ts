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
}

const INPUTS = /^values\.(remindIntervalHours|sameApproverDecidesOnce|requesterIsApprover|approverLeft)$/;

export function isApprovalsPolicyInput(path: string): boolean {
  return INPUTS.test(path);
}

/** The form's values as PUT /policies/approvals takes them; the API validates and names each problem. */
export function toApprovalsPolicy(values: Record<string, unknown>): Record<string, unknown> {
  return { ...values, remindIntervalHours: formNumber(values.remindIntervalHours), sameApproverDecidesOnce: Boolean(values.sameApproverDecidesOnce) };
}
