/**
 * 加签 / 或签 / 会签 as pure rules over one approval step. A step's approvers decide in
 * *stages*, one after another; within a stage, mode `any` (或签) completes on the first
 * approval and `all` (会签) on every member's. A reject or a return by anyone decides the
 * whole step at once. A task outside every stage (an escalation to a superior) decides the
 * whole step too: the superior stands in for the step, not for one of its people.
 */
export type StageMode = 'any' | 'all';
export type Position = 'before' | 'after' | 'parallel';

export interface Stage {
  taskIds: string[];
  mode: StageMode;
}

export type TaskStatus = 'pending' | 'waiting' | 'approved' | 'rejected' | 'returned' | 'cancelled' | 'transferred' | 'cc';

export interface StageState {
  stages: Stage[];
  active: number;
}

export interface Advance extends StageState {
  /** The step is decided: the workflow moves on. */
  complete: boolean;
  /** Tasks whose status changes besides the deciding task. */
  changes: { id: string; status: TaskStatus }[];
  /** Tasks that became pending and must be told (the next stage). */
  activated: string[];
}

const OPEN: readonly TaskStatus[] = ['pending', 'waiting'];

/** The effect of `decision` on task `taskId`, given every task's current status. */
export function advance(state: StageState, status: ReadonlyMap<string, TaskStatus>, taskId: string, decision: 'approve' | 'reject' | 'return'): Advance {
  const stageIndex = state.stages.findIndex((s) => s.taskIds.includes(taskId));
  const closeAllOthers = (): Advance => ({
    ...state,
    complete: true,
    changes: [...status].filter(([id, st]) => id !== taskId && OPEN.includes(st)).map(([id]) => ({ id, status: 'cancelled' as const })),
    activated: [],
  });
  if (decision !== 'approve' || stageIndex < 0) return closeAllOthers();

  const stage = state.stages[stageIndex]!;
  const after = new Map(status);
  after.set(taskId, 'approved');
  const changes: { id: string; status: TaskStatus }[] = [];
  let stageDone: boolean;
  if (stage.mode === 'any') {
    stageDone = true;
    for (const id of stage.taskIds) if (id !== taskId && OPEN.includes(after.get(id)!)) changes.push({ id, status: 'cancelled' });
  } else {
    stageDone = stage.taskIds.every((id) => after.get(id) === 'approved' || after.get(id) === 'cancelled' || after.get(id) === 'transferred');
  }
  if (!stageDone) return { ...state, complete: false, changes, activated: [] };
  const next = stageIndex + 1;
  if (next >= state.stages.length) {
    const rest = closeAllOthers().changes.filter((c) => !changes.some((x) => x.id === c.id));
    return { ...state, complete: true, changes: [...changes, ...rest], activated: [] };
  }
  const activated = state.stages[next]!.taskIds.filter((id) => after.get(id) === 'waiting');
  return { stages: state.stages, active: next, complete: false, changes: [...changes, ...activated.map((id) => ({ id, status: 'pending' as const }))], activated };
}

/**
 * 加签: `added` task ids join the step relative to the stage of `byTaskId` (which must be
 * the active stage). `before`: a new stage asked now, the actor's stage waits for it;
 * `after`: a new stage asked once the actor's stage completes; `parallel`: the added people
 * join the actor's stage, whose mode becomes `mode`.
 */
export function addToStages(state: StageState, byTaskId: string, added: string[], position: Position, mode: StageMode): StageState & { waiting: string[]; addedStatus: 'pending' | 'waiting' } {
  const s = state.stages.findIndex((st) => st.taskIds.includes(byTaskId));
  if (s !== state.active) throw new Error('the adding task is not in the active stage');
  const stages = state.stages.map((st) => ({ ...st, taskIds: [...st.taskIds] }));
  if (position === 'parallel') {
    stages[s] = { taskIds: [...stages[s]!.taskIds, ...added], mode };
    return { stages, active: s, waiting: [], addedStatus: 'pending' };
  }
  if (position === 'after') {
    stages.splice(s + 1, 0, { taskIds: added, mode });
    return { stages, active: s, waiting: [], addedStatus: 'waiting' };
  }
  stages.splice(s, 0, { taskIds: added, mode });
  return { stages, active: s, waiting: stages[s + 1]!.taskIds, addedStatus: 'pending' };
}
