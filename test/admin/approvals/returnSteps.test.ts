import { describe, expect, it } from 'vitest';
import { approvedSteps, returnableSteps } from '../../../admin/src/approvals/returnSteps.js';
import type { ApprovalStep } from '../../../admin/src/approvals/types.js';

function step(stepKey: string, decision: ApprovalStep['decision'], id = `${stepKey}.${decision ?? 'open'}`, returnTo: string | null = null): ApprovalStep {
  return {
    id,
    stepKey,
    returnTo,
    status: decision ? 'decided' : 'pending',
    attempt: 'ask',
    dueAt: '2026-01-02T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    decision,
    decidedByName: decision ? 'A' : null,
    decidedAt: decision ? '2026-01-01T12:00:00Z' : null,
    channel: decision ? 'console' : null,
    comment: null,
  };
}

describe('the steps a task can be returned to', () => {
  it('are the earlier approved steps, once each, oldest first, named by the chain', () => {
    const timeline = [
      step('team_lead', 'approve', 'a'),
      step('supervisor', 'return', 'b'),
      step('team_lead', 'approve', 'c'),
      step('supervisor', 'approve', 'd'),
      step('manager', null),
    ];
    const labels: Record<string, string> = { team_lead: '组长', supervisor: '主管' };
    expect(returnableSteps(timeline, 'manager', (key) => labels[key] ?? key)).toEqual([
      { id: 'team_lead', name: '组长' },
      { id: 'supervisor', name: '主管' },
    ]);
  });

  it('leave out the task’s own step, rejections and steps still waiting; the key names an unknown step', () => {
    const timeline = [step('hr', 'approve'), step('ops', 'reject'), step('manager', 'approve'), step('x', null)];
    expect(returnableSteps(timeline, 'manager')).toEqual([{ id: 'hr', name: 'hr' }]);
  });

  it('are none on the first step', () => {
    expect(returnableSteps([step('team_lead', null)], 'team_lead')).toEqual([]);
  });

  it('offer 发起人 first when the request has a requester', () => {
    const timeline = [step('team_lead', 'approve'), step('supervisor', null)];
    expect(returnableSteps(timeline, 'supervisor', (key) => key, '发起人')).toEqual([
      { id: 'requester', name: '发起人' },
      { id: 'team_lead', name: 'team_lead' },
    ]);
  });

  it('are none on the requester’s own task (重新提交 is the only way on)', () => {
    expect(returnableSteps([step('team_lead', 'return', 'a', 'requester'), step('requester', null)], 'requester', (k) => k, '发起人')).toEqual([]);
  });
});

describe('the steps a request has approved, as the API counts them', () => {
  it('a return to a step undoes it and every step after it', () => {
    const timeline = [step('a', 'approve', '1'), step('b', 'approve', '2'), step('c', 'return', '3', 'b'), step('b', 'approve', '4')];
    expect(approvedSteps(timeline)).toEqual(['a', 'b']);
    expect(approvedSteps(timeline.slice(0, 3))).toEqual(['a']);
  });

  it('a return to the requester undoes them all, and so does the resubmission', () => {
    const returned = [step('a', 'approve', '1'), step('b', 'return', '2', 'requester')];
    expect(approvedSteps(returned)).toEqual([]);
    expect(approvedSteps([...returned, step('requester', 'approve', '3'), step('a', 'approve', '4')])).toEqual(['a']);
  });
});
