import { describe, expect, it } from 'vitest';
import { addToStages, advance, type StageState, type TaskStatus } from '../../../functions/domain/approvals/stages.js';

/** 加签 / 或签 / 会签 as rules over one step (approval verbs issue). */
const statuses = (entries: Record<string, TaskStatus>) => new Map(Object.entries(entries));

describe('或签 any-one stage', () => {
  it('the first approval completes the stage and cancels the others', () => {
    const state: StageState = { stages: [{ taskIds: ['a', 'b'], mode: 'any' }], active: 0 };
    const next = advance(state, statuses({ a: 'pending', b: 'pending' }), 'b', 'approve');
    expect(next.complete).toBe(true);
    expect(next.changes).toEqual([{ id: 'a', status: 'cancelled' }]);
  });
});

describe('会签 all-of stage', () => {
  const state: StageState = { stages: [{ taskIds: ['a', 'b', 'c'], mode: 'all' }], active: 0 };
  it('is not complete until the last member approves', () => {
    const first = advance(state, statuses({ a: 'pending', b: 'pending', c: 'pending' }), 'a', 'approve');
    expect(first).toMatchObject({ complete: false, changes: [], activated: [] });
    const last = advance(state, statuses({ a: 'approved', b: 'approved', c: 'pending' }), 'c', 'approve');
    expect(last.complete).toBe(true);
  });
  it('one reject decides the whole step and cancels the members still pending', () => {
    const next = advance(state, statuses({ a: 'approved', b: 'pending', c: 'pending' }), 'b', 'reject');
    expect(next.complete).toBe(true);
    expect(next.changes).toEqual([{ id: 'c', status: 'cancelled' }]);
  });
});

describe('stages in order', () => {
  const state: StageState = { stages: [{ taskIds: ['x'], mode: 'any' }, { taskIds: ['me'], mode: 'any' }], active: 0 };
  it('completing a stage asks the next one', () => {
    const next = advance(state, statuses({ x: 'pending', me: 'waiting' }), 'x', 'approve');
    expect(next).toMatchObject({ complete: false, active: 1, activated: ['me'], changes: [{ id: 'me', status: 'pending' }] });
  });
  it('the last stage completes the step', () => {
    expect(advance({ ...state, active: 1 }, statuses({ x: 'approved', me: 'pending' }), 'me', 'approve').complete).toBe(true);
  });
  it('a return from an early stage decides the step and cancels the waiting ones', () => {
    const next = advance(state, statuses({ x: 'pending', me: 'waiting' }), 'x', 'return');
    expect(next.complete).toBe(true);
    expect(next.changes).toEqual([{ id: 'me', status: 'cancelled' }]);
  });
  it('an escalated task (outside every stage) decides the whole step', () => {
    const next = advance(state, statuses({ x: 'pending', me: 'waiting', boss: 'pending' }), 'boss', 'approve');
    expect(next.complete).toBe(true);
    expect(next.changes.map((c) => c.id).sort()).toEqual(['me', 'x']);
  });
});

describe('加签 positions', () => {
  const state: StageState = { stages: [{ taskIds: ['s'], mode: 'any' }, { taskIds: ['me', 'peer'], mode: 'any' }], active: 1 };
  it('before: a new stage is asked now and my stage waits for it', () => {
    const next = addToStages(state, 'me', ['n1', 'n2'], 'before', 'all');
    expect(next.stages).toEqual([{ taskIds: ['s'], mode: 'any' }, { taskIds: ['n1', 'n2'], mode: 'all' }, { taskIds: ['me', 'peer'], mode: 'any' }]);
    expect(next).toMatchObject({ active: 1, waiting: ['me', 'peer'], addedStatus: 'pending' });
  });
  it('after: a new stage follows mine and waits', () => {
    const next = addToStages(state, 'me', ['n1'], 'after', 'any');
    expect(next.stages.at(-1)).toEqual({ taskIds: ['n1'], mode: 'any' });
    expect(next).toMatchObject({ active: 1, waiting: [], addedStatus: 'waiting' });
  });
  it('parallel: they join my stage and the mode applies to all of us', () => {
    const next = addToStages(state, 'me', ['n1'], 'parallel', 'all');
    expect(next.stages[1]).toEqual({ taskIds: ['me', 'peer', 'n1'], mode: 'all' });
    expect(next.addedStatus).toBe('pending');
  });
  it('only from the stage being asked', () => {
    expect(() => addToStages(state, 's', ['n1'], 'after', 'any')).toThrow();
  });
});
