import type { Delegation, DelegationInput } from '../providers/consoleMethods.js';

/** Today in company time (Asia/Shanghai, where the API counts a delegation's days), YYYY-MM-DD. */
export function companyToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export interface DelegationFormValues {
  delegateId: string;
  from: string;
  to: string;
  movePending: boolean;
}

/** The form starts from the delegation in force, or from today for a new one. */
export function delegationDefaults(current: Delegation | null, today: string): DelegationFormValues {
  return { delegateId: current?.delegateId ?? '', from: current?.from ?? today, to: current?.to ?? today, movePending: false };
}

/**
 * The form's values as PUT /users/{id}/delegation takes them; the API checks the range (至多
 * 366 天, 结束不早于开始) and the delegate, and names the field of each problem.
 */
export function delegationBody(values: Partial<DelegationFormValues>): DelegationInput {
  return { delegateId: String(values.delegateId ?? ''), from: String(values.from ?? ''), to: String(values.to ?? ''), movePending: Boolean(values.movePending) };
}

/** Whether a delegation is in force on `today` (both ends inclusive). */
export function inForce(delegation: Delegation | null, today: string): boolean {
  return !!delegation && delegation.from <= today && today <= delegation.to;
}
