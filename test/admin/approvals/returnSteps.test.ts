import { describe, expect, it } from 'vitest';
import { returnableSteps } from '../../../admin/src/approvals/returnSteps.js';
import type { ApprovalStep } from '../../../admin/src/approvals/types.js';

function step(stepKey: string, decision: ApprovalStep['decision'], id = `${stepKey}.${decision ?? 'open'}`): ApprovalStep {
  return {
    id,
    stepKey,
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
});
