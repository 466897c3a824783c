import type { ApprovalStep, StageMode, StepTask } from './types.js';

/**
 * The people of one stage of a step (加签 / 会签), or outside every stage (`index` null): those
 * an escalation asked, and those who transferred their task to someone else (转交).
 */
export interface StageGroup {
  index: number | null;
  /** For a group outside the stages: why its people are there. */
  outside?: 'escalated' | 'transferred';
  mode: StageMode | null;
  /** The stage deciding now, on a step still open. */
  active: boolean;
  tasks: StepTask[];
}

/**
 * A step's people by stage, in the order they decide; those an escalation asked (outside every
 * stage) last. Without stages (an older answer) everyone is one group.
 */
export function stageGroups(step: ApprovalStep): StageGroup[] {
  const tasks = step.tasks ?? [];
  const stages = step.stages ?? [];
  if (stages.length === 0) return tasks.length > 0 ? [{ index: 0, mode: null, active: step.status === 'pending', tasks }] : [];
  const groups: StageGroup[] = stages.map((stage, index) => ({
    index,
    mode: stage.mode,
    active: step.status === 'pending' && index === step.activeStage,
    tasks: tasks.filter((t) => t.stage === index),
  }));
  const outside = tasks.filter((t) => t.stage === null || t.stage === undefined);
  const transferred = outside.filter((t) => t.status === 'transferred');
  const escalated = outside.filter((t) => t.status !== 'transferred');
  if (escalated.length > 0) groups.push({ index: null, outside: 'escalated', mode: null, active: false, tasks: escalated });
  if (transferred.length > 0) groups.push({ index: null, outside: 'transferred', mode: null, active: false, tasks: transferred });
  return groups.filter((g) => g.tasks.length > 0);
}

/** Whether the step's people need their stages shown: more than one group, or a group of several. */
export function showsStages(groups: readonly StageGroup[]): boolean {
  return groups.length > 1 || groups.some((g) => g.tasks.length > 1);
}

/**
 * Who a waiting task (等待中) waits for: the people still to decide at its step — the stage
 * before it (前加签) or the one it follows (后加签).
 */
export function waitingFor(taskId: string, timeline: readonly ApprovalStep[]): string[] {
  const step = [...timeline].reverse().find((s) => s.tasks?.some((t) => t.id === taskId));
  return (step?.tasks ?? []).filter((t) => t.status === 'pending' && t.id !== taskId).map((t) => t.approverName);
}
