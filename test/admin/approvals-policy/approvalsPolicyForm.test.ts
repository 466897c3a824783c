import { describe, expect, it } from 'vitest';
import { isApprovalsPolicyInput, toApprovalsPolicy } from '../../../admin/src/approvals-policy/approvalsPolicyForm.js';

describe('the approvals policy form (审批规则)', () => {
  it('puts the server’s errors under the four inputs and nowhere else', () => {
    for (const name of ['remindIntervalHours', 'sameApproverDecidesOnce', 'requesterIsApprover', 'approverLeft']) {
      expect(isApprovalsPolicyInput(`values.${name}`)).toBe(true);
    }
    expect(isApprovalsPolicyInput('values.unknown')).toBe(false);
    expect(isApprovalsPolicyInput('remindIntervalHours')).toBe(false);
  });

  it('sends the interval as a number and the switch as a boolean; an emptied interval as null for the API to name', () => {
    expect(toApprovalsPolicy({ remindIntervalHours: '6', sameApproverDecidesOnce: undefined, requesterIsApprover: 'skip', approverLeft: 'hr' })).toEqual({
      remindIntervalHours: 6, sameApproverDecidesOnce: false, requesterIsApprover: 'skip', approverLeft: 'hr',
    });
    expect(toApprovalsPolicy({ remindIntervalHours: '', sameApproverDecidesOnce: true, requesterIsApprover: 'self', approverLeft: 'superior' }).remindIntervalHours).toBeNull();
  });
});
