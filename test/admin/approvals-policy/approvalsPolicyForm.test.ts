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

describe('the attachments section of the approvals policy form (#12 attachments)', () => {
  it('shows the largest file in MB, from the defaults for a version saved before attachments existed', async () => {
    const { toApprovalsForm } = await import('../../../admin/src/approvals-policy/approvalsPolicyForm.js');
    const defaults = { attachments: { maxBytes: 20 * 1024 * 1024, allowedTypes: ['pdf'], perItem: 10 } };
    expect(toApprovalsForm({ remindIntervalHours: 4 }, defaults)).toEqual({ remindIntervalHours: 4, attachments: { maxMegabytes: 20, allowedTypes: ['pdf'], perItem: 10 } });
    expect(toApprovalsForm({ attachments: { maxBytes: 1536 * 1024, allowedTypes: [], perItem: 1 } }, defaults).attachments).toMatchObject({ maxMegabytes: 1.5 });
  });

  it('sends the size in whole bytes (policy attachments.maxBytes); errors on the size go under the section', () => {
    expect(toApprovalsPolicy({ remindIntervalHours: 4, sameApproverDecidesOnce: true, attachments: { maxMegabytes: '0.5', allowedTypes: ['pdf', 'png'], perItem: '3' } }).attachments).toEqual({
      maxBytes: 512 * 1024, allowedTypes: ['pdf', 'png'], perItem: 3,
    });
    expect(isApprovalsPolicyInput('values.attachments.perItem')).toBe(true);
    expect(isApprovalsPolicyInput('values.attachments.maxBytes')).toBe(false);
  });
});
