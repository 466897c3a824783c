import { describe, expect, it } from 'vitest';
import { decisionsByMonth, disciplineByTeam, filteredListPath, headcountByTeam, headlineNumbers, pendingByStep, probationPipeline, turnoverByMonth } from '../../../admin/src/dashboard/chartData.js';
import type { DashboardData } from '../../../admin/src/providers/consoleMethods.js';

const ages = (lt1d = 0, d1to3 = 0, d3to7 = 0, gt7d = 0) => ({ lt1d, d1to3, d3to7, gt7d });

const DATA: DashboardData = {
  pendingApprovals: [
    { requestKind: 'probation', stepKey: 'gm', stepLabel: '总经理审批', total: 1, ages: ages(1) },
    { requestKind: 'probation', stepKey: 'supervisor', stepLabel: '主管评估', total: 5, ages: ages(2, 1, 0, 2) },
    { requestKind: 'probation', stepKey: 'cs_manager', stepLabel: '客服经理审批', total: 0, ages: ages() },
  ],
  probation: { converted: 4, in_review: 6, scheduled: 0, withdrawn: 1 },
  headcount: [
    { teamId: 't1', teamName: '客户服务中心', level: 'junior', status: 'regular', count: 5 },
    { teamId: 't1', teamName: '客户服务中心', level: 'trainee', status: 'probation', count: 2 },
    { teamId: 't1', teamName: '客户服务中心', level: 'junior', status: 'terminated', count: 9 },
    { teamId: 't2', teamName: '景区客服', level: 'senior', status: 'regular', count: 8 },
    { teamId: null, teamName: null, level: 'senior', status: 'regular', count: 1 },
  ],
  decisions: [
    { month: '2026-02', channel: 'email', count: 3 },
    { month: '2026-01', channel: 'console', count: 2 },
    { month: '2026-02', channel: 'console', count: 4 },
  ],
};

describe('the dashboard’s numbers shaped for its charts', () => {
  it('open approvals: one bar per step with tasks, most first, stacked by waiting time', () => {
    expect(pendingByStep(DATA)).toEqual({
      categories: [
        { key: 'probation|supervisor', label: '主管评估' },
        { key: 'probation|gm', label: '总经理审批' },
      ],
      series: [
        { key: 'lt1d', data: [2, 1] },
        { key: 'd1to3', data: [1, 0] },
        { key: 'd3to7', data: [0, 0] },
        { key: 'gt7d', data: [2, 0] },
      ],
    });
  });

  it('the probation pipeline in its order: due and in review always, endings once they happened', () => {
    expect(probationPipeline(DATA)).toEqual([
      { status: 'scheduled', count: 0 },
      { status: 'in_review', count: 6 },
      { status: 'converted', count: 4 },
      { status: 'withdrawn', count: 1 },
    ]);
  });

  it('headcount: people still here, per team (largest first, no team last), stacked by level in ladder order', () => {
    const shaped = headcountByTeam(DATA, '未分配团队');
    expect(shaped.categories.map((c) => c.label)).toEqual(['景区客服', '客户服务中心', '未分配团队']);
    expect(shaped.teamIds).toEqual(['t2', 't1', null]);
    expect(shaped.series).toEqual([
      { key: 'trainee', data: [0, 2, 0] },
      { key: 'junior', data: [0, 5, 0] },
      { key: 'senior', data: [8, 0, 1] },
    ]);
  });

  it('decisions per month by channel: consecutive months up to the latest, quiet months empty', () => {
    expect(decisionsByMonth(DATA, 3)).toEqual({
      categories: [{ key: '2025-12', label: '2025-12' }, { key: '2026-01', label: '2026-01' }, { key: '2026-02', label: '2026-02' }],
      series: [{ key: 'console', data: [0, 2, 4] }, { key: 'email', data: [0, 0, 3] }],
    });
    expect(decisionsByMonth(DATA).categories.map((c) => c.key)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(decisionsByMonth({ ...DATA, decisions: [] })).toEqual({ categories: [], series: [] });
  });

  it('the headline numbers leave out those who left', () => {
    expect(headlineNumbers(DATA)).toEqual({ headcount: 16, probation: 2, pending: 6, overdue: 2 });
  });

  it('a click-through is the list’s address with its filter', () => {
    expect(filteredListPath('employees', { teamId: 't1' })).toBe('/employees?filter=%7B%22teamId%22%3A%22t1%22%7D');
  });
});

describe('recruitmentFunnel (#14: the recruitment funnel and time to hire)', () => {
  const row = (month: string, over: Record<string, number | null>) => ({ month, candidates: 0, interviewed: 0, offered: 0, accepted: 0, declined: 0, hired: 0, lapsed: 0, averageDaysToHire: null, ...over });
  it('sums the last six months by stage, weighs each month’s time to hire by its hires, and leaves older months out', async () => {
    const { recruitmentFunnel } = await import('../../../admin/src/dashboard/chartData.js');
    const data = { ...DATA, recruitment: [
      row('2025-05', { candidates: 100, hired: 9, averageDaysToHire: 90 }),
      row('2025-11', { candidates: 10, interviewed: 6, offered: 3, accepted: 2, hired: 1, declined: 1, averageDaysToHire: 20 }),
      row('2026-02', { candidates: 5, interviewed: 4, offered: 3, accepted: 3, hired: 3, lapsed: 1, averageDaysToHire: 12 }),
    ] };
    const f = recruitmentFunnel(data);
    expect(f.funnel.categories.map((c) => c.key)).toEqual(['candidates', 'interviewed', 'offered', 'accepted', 'hired']);
    expect(f.funnel.series).toEqual([{ key: 'count', data: [15, 10, 6, 5, 4] }]);
    expect({ declined: f.declined, lapsed: f.lapsed }).toEqual({ declined: 1, lapsed: 1 });
    // (20×1 + 12×3) / 4 hires = 14.
    expect(f.averageDaysToHire).toBe(14);
    expect(recruitmentFunnel({ ...DATA, recruitment: [] }).funnel.categories).toEqual([]);
  });
});

describe('turnoverByMonth (#15: leavers by month and why, with the month’s rate)', () => {
  const row = (month: string, resignation: number, probation_not_converted: number, dismissal: number, ratePercent: number | null) =>
    ({ month, resignation, probation_not_converted, dismissal, total: resignation + probation_not_converted + dismissal, ratePercent });

  it('stacks 辞职 / 试用期未转正 / 辞退 over consecutive months up to the latest with leavers, each with its rate; a quiet month is an empty bar at 0%', () => {
    const data = { ...DATA, turnover: [row('2026-03', 1, 0, 1, 11.1), row('2026-01', 2, 1, 0, 15.8)] };
    expect(turnoverByMonth(data, 4)).toEqual({
      categories: [{ key: '2025-12', label: '2025-12' }, { key: '2026-01', label: '2026-01' }, { key: '2026-02', label: '2026-02' }, { key: '2026-03', label: '2026-03' }],
      series: [
        { key: 'resignation', data: [0, 2, 0, 1] },
        { key: 'probation_not_converted', data: [0, 1, 0, 0] },
        { key: 'dismissal', data: [0, 0, 0, 1] },
      ],
      rates: [0, 15.8, 0, 11.1],
    });
    expect(turnoverByMonth(data).categories.map((c) => c.key)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('no leavers yet (or a server from before #15): no months, so the card shows its empty state', () => {
    const none = { categories: [], series: [], rates: [] };
    expect(turnoverByMonth({ ...DATA, turnover: [] })).toEqual(none);
    expect(turnoverByMonth(DATA)).toEqual(none);
    expect(turnoverByMonth({ ...DATA, turnover: [row('2026-03', 0, 0, 0, 0)] })).toEqual(none);
  });

  it('a quiet month’s rate is unknown when nobody is employed', () => {
    const everyoneGone = { ...DATA, headcount: [{ teamId: 't1', teamName: '客户服务中心', level: 'junior', status: 'terminated', count: 3 }], turnover: [row('2026-02', 3, 0, 0, 100)] };
    expect(turnoverByMonth(everyoneGone, 2).rates).toEqual([null, 100]);
  });
});

describe('disciplineByTeam (违纪处罚 by team and level, #16)', () => {
  const base = { pendingApprovals: [], probation: {}, headcount: [], decisions: [] } as unknown as DashboardData;
  it('stacks the levels per team, most actions first, over the 12 months ending with the latest; no actions → no bars', () => {
    expect(disciplineByTeam(base, '未分配团队')).toEqual({ categories: [], series: [] });
    const data = {
      ...base,
      discipline: [
        { month: '2026-11', level: 'verbal', teamId: 't1', teamName: '客户服务中心', count: 3 },
        { month: '2026-10', level: 'written', teamId: 't1', teamName: '客户服务中心', count: 1 },
        { month: '2026-11', level: 'dismissal', teamId: 't2', teamName: '景区客服', count: 1 },
        { month: '2026-11', level: 'final', teamId: null, teamName: null, count: 2 },
        // 13 months before the latest: out of the window.
        { month: '2025-10', level: 'final', teamId: 't2', teamName: '景区客服', count: 5 },
      ],
    } as DashboardData;
    const shaped = disciplineByTeam(data, '未分配团队');
    expect(shaped.categories).toEqual([{ key: 't1', label: '客户服务中心' }, { key: '-', label: '未分配团队' }, { key: 't2', label: '景区客服' }]);
    expect(shaped.series).toEqual([
      { key: 'verbal', data: [3, 0, 0] },
      { key: 'written', data: [1, 0, 0] },
      { key: 'final', data: [0, 2, 0] },
      { key: 'dismissal', data: [0, 0, 1] },
    ]);
  });
});
