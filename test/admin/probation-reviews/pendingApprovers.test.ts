import { describe, expect, it } from 'vitest';
import type { ApprovalStep } from '../../../admin/src/approvals/types.js';
import { pendingApprovers } from '../../../admin/src/probation-reviews/pendingApprovers.js';

const base: Omit<ApprovalStep, 'id' | 'stepKey' | 'status' | 'decision'> = {
  attempt: 'ask',
  dueAt: '2026-01-02T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  decidedByName: null,
  decidedAt: null,
  channel: null,
  comment: null,
};
const chain = [
  { key: 'team_lead', label: '组长', records: 'scores' as const },
  { key: 'supervisor', label: '主管', records: null },
];
const task = (id: string, status: 'pending' | 'cancelled' = 'pending') => ({
  id,
  approverId: `u-${id}`,
  approverName: `N-${id}`,
  status,
  reason: 'assigned' as const,
  lastRemindedAt: null,
});

describe('who a review waits for (催办)', () => {
  it('lists the pending tasks of the pending step, once each, with the step’s name', () => {
    const steps: ApprovalStep[] = [
      { ...base, id: 's1', stepKey: 'team_lead', status: 'decided', decision: 'approve', tasks: [task('old')] },
      { ...base, id: 's2', stepKey: 'supervisor', status: 'pending', decision: null, tasks: [task('t1'), task('t2', 'cancelled')] },
      { ...base, id: 's3', stepKey: 'supervisor', status: 'pending', decision: null, attempt: 'remind', tasks: [task('t1')] },
    ];
    expect(pendingApprovers({ status: 'in_review', chain, steps })).toEqual([{ ...task('t1'), stepKey: 'supervisor', stepLabel: '主管' }]);
  });

  it('is empty once the review ended, or when the API sent no tasks', () => {
    const steps: ApprovalStep[] = [{ ...base, id: 's2', stepKey: 'supervisor', status: 'pending', decision: null, tasks: [task('t1')] }];
    expect(pendingApprovers({ status: 'withdrawn', chain, steps })).toEqual([]);
    expect(pendingApprovers({ status: 'in_review', chain, steps: [{ ...steps[0]!, tasks: undefined }] })).toEqual([]);
    expect(pendingApprovers({ status: 'in_review', chain })).toEqual([]);
  });

  it('names a step outside the chain (the requester resubmitting after 退回) as asked', () => {
    const steps: ApprovalStep[] = [{ ...base, id: 's9', stepKey: 'requester', status: 'pending', decision: null, tasks: [task('r1')] }];
    const rows = pendingApprovers({ status: 'in_review', chain, steps }, (key) => (key === 'requester' ? '发起人修改后重新提交' : undefined));
    expect(rows.map((r) => r.stepLabel)).toEqual(['发起人修改后重新提交']);
  });

  it('serves a requisition too: its chain runs while it is pending_approval (人才增补单)', () => {
    const steps: ApprovalStep[] = [{ ...base, id: 's1', stepKey: 'cs_manager', status: 'pending', decision: null, tasks: [task('m1')] }];
    const requisitionChain = [{ key: 'cs_manager', label: '客服经理审批' }];
    const running = ['pending_approval'];
    expect(pendingApprovers({ status: 'pending_approval', chain: requisitionChain, steps }, undefined, running).map((r) => r.stepLabel)).toEqual(['客服经理审批']);
    expect(pendingApprovers({ status: 'rejected', chain: requisitionChain, steps }, undefined, running)).toEqual([]);
    // A requisition's statuses are not a review's: without its own list it waits on nobody.
    expect(pendingApprovers({ status: 'pending_approval', chain: requisitionChain, steps })).toEqual([]);
  });
});
