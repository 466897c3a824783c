import { describe, expect, it } from 'vitest';
import { showsStages, stageGroups, waitingFor } from '../../../admin/src/approvals/stepStages.js';
import { statusKey, type ApprovalStep, type StepTask } from '../../../admin/src/approvals/types.js';
import zhCN from '../../../admin/src/i18n/zh-CN.js';

const person = (id: string, status: StepTask['status'], stage: number | null, extra: Partial<StepTask> = {}): StepTask => ({
  id,
  approverId: `u-${id}`,
  approverName: `N-${id}`,
  status,
  reason: 'assigned',
  lastRemindedAt: null,
  stage,
  ...extra,
});

function step(tasks: StepTask[], stages: ApprovalStep['stages'], activeStage = 0, status: ApprovalStep['status'] = 'pending'): ApprovalStep {
  return {
    id: 's1', stepKey: 'cs_manager', status, attempt: 'ask', dueAt: '2026-01-02T00:00:00Z', createdAt: '2026-01-01T00:00:00Z',
    decision: null, decidedByName: null, decidedAt: null, channel: null, comment: null, tasks, stages, activeStage,
  };
}

describe('a step’s people by stage (加签, 或签 / 会签)', () => {
  it('前加签: the added people decide first, the approver after them; escalations come last', () => {
    const s = step(
      [person('mgr', 'waiting', 1), person('a', 'pending', 0, { reason: 'added', addedByName: 'N-mgr' }), person('b', 'pending', 0), person('boss', 'pending', null, { reason: 'escalated' })],
      [{ mode: 'all', size: 2 }, { mode: 'any', size: 1 }],
    );
    const groups = stageGroups(s);
    expect(groups.map((g) => [g.index, g.mode, g.active, g.tasks.map((t) => t.id)])).toEqual([
      [0, 'all', true, ['a', 'b']],
      [1, 'any', false, ['mgr']],
      [null, null, false, ['boss']],
    ]);
    expect(showsStages(groups)).toBe(true);
  });

  it('转交: whoever transferred their task is shown apart, not under 升级至上级 (#12 item 10)', () => {
    const s = step(
      [person('old', 'transferred', null), person('new', 'pending', 0, { reason: 'transferred' }), person('boss', 'pending', null, { reason: 'escalated' })],
      [{ mode: 'any', size: 1 }],
    );
    expect(stageGroups(s).map((g) => [g.index, g.outside ?? null, g.tasks.map((t) => t.id)])).toEqual([
      [0, null, ['new']],
      [null, 'escalated', ['boss']],
      [null, 'transferred', ['old']],
    ]);
  });

  it('a cancelled task says why it ended: 已撤回, 他人已处理, 期限已过 (#12 item 10)', () => {
    expect(statusKey({ status: 'cancelled', cancelledBy: 'withdraw' })).toBe('resources.approvals.choices.cancelled.withdraw');
    expect(statusKey({ status: 'cancelled', cancelledBy: null })).toBe('resources.approvals.choices.status.cancelled');
    expect(statusKey({ status: 'approved' })).toBe('resources.approvals.choices.status.approved');
    for (const why of ['withdraw', 'others', 'deadline'] as const) {
      expect(zhCN.resources.approvals.choices.cancelled[why]).toMatch(/\p{Script=Han}/u);
      expect(zhCN.resources.approvals.decided.cancelled_by[why]).toMatch(/\p{Script=Han}/u);
    }
    expect(zhCN.resources.approvals.timeline.cancelled).toBe('申请已撤回');
  });

  it('a step of one person shows no stage headings; a decided step has no active stage', () => {
    const groups = stageGroups(step([person('x', 'approved', 0)], [{ mode: 'any', size: 1 }], 0, 'decided'));
    expect(groups).toEqual([{ index: 0, mode: 'any', active: false, tasks: [person('x', 'approved', 0)] }]);
    expect(showsStages(groups)).toBe(false);
  });

  it('without stages (an older answer) everyone is one group', () => {
    expect(stageGroups(step([person('x', 'pending', null), person('y', 'cancelled', null)], undefined)).map((g) => g.tasks.length)).toEqual([2]);
    expect(stageGroups(step([], []))).toEqual([]);
  });
});

describe('who a waiting task waits for', () => {
  it('is the people still to decide at its step', () => {
    const timeline = [
      step([person('old', 'approved', 0)], [{ mode: 'any', size: 1 }], 0, 'decided'),
      { ...step([person('mgr', 'waiting', 1), person('a', 'pending', 0), person('b', 'approved', 0)], [{ mode: 'all', size: 2 }, { mode: 'any', size: 1 }]), id: 's2' },
    ];
    expect(waitingFor('mgr', timeline)).toEqual(['N-a']);
    expect(waitingFor('nobody', timeline)).toEqual([]);
  });
});
