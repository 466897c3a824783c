import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { TASKS } from '../../../functions/workflow/handlers.js';
import { APPROVAL_ASL, approvalDefinition } from '../../../infra/local/workflows.js';

interface State { Type: string; Resource?: string; Retry?: unknown[]; Catch?: { ErrorEquals: string[]; Next: string }[]; TimeoutSecondsPath?: string; TimeoutSeconds?: number; Seconds?: number; SecondsPath?: string; Next?: string; End?: boolean }

const raw = readFileSync(APPROVAL_ASL, 'utf8');
const definition = JSON.parse(approvalDefinition()) as { StartAt: string; States: Record<string, State> };

describe('the approval state machine (functions/workflow/approval.asl.json)', () => {
  it('is valid Amazon States Language once its placeholders are substituted', () => {
    const { isValid, errorsText } = aslValidator(definition);
    expect(isValid, errorsText('\n')).toBe(true);
  });

  it('uses exactly the task functions the stack and the local endpoint provide', () => {
    const placeholders = [...new Set([...raw.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]))].sort();
    expect(placeholders).toEqual(Object.keys(TASKS).sort());
  });

  it('every Task retries transient Lambda errors and catches the rest, so one throttle fails nothing and no failure is silent', () => {
    const transient = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];
    const tasks = Object.entries(definition.States).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThanOrEqual(6);
    for (const [name, state] of tasks) {
      const retried = (state.Retry ?? []).flatMap((r) => (r as { ErrorEquals: string[]; MaxAttempts?: number }).MaxAttempts === 0 ? [] : (r as { ErrorEquals: string[] }).ErrorEquals);
      for (const error of transient) expect(retried.includes(error) || retried.includes('States.ALL'), `${name} retries ${error}`).toBe(true);
      expect(retried, `${name} never retries a time limit (that is a reminder, not a fault)`).not.toContain('States.Timeout');
      expect(state.Catch?.length ?? 0, `${name} has a Catch`).toBeGreaterThan(0);
    }
  });

  it('every person’s step has a due time that leads to a reminder, then an escalation (not a polling loop)', () => {
    const human = Object.entries(definition.States).filter(([, s]) => s.Resource?.endsWith('.waitForTaskToken'));
    expect(human.map(([n]) => n).sort()).toEqual(['AskApprover', 'AskSubject', 'EscalateApprover', 'RemindApprover']);
    for (const [name, state] of human.filter(([n]) => n !== 'AskSubject')) {
      expect(state.TimeoutSecondsPath, name).toMatch(/^\$\.plan\.next\./);
      expect(state.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next, name).toBe(name === 'AskApprover' ? 'RemindApprover' : 'EscalateApprover');
    }
  });

  it('branches on the planned step’s type: people, the subject until a deadline, or a time', () => {
    const choices = (definition.States.ChainDone as unknown as { Choices: { Variable: string; StringEquals?: string; BooleanEquals?: boolean; Next: string }[]; Default: string });
    expect(choices.Choices.map((c) => [c.Variable, c.StringEquals ?? c.BooleanEquals, c.Next])).toEqual([
      ['$.plan.next.done', true, 'Approved'],
      ['$.plan.next.type', 'waitForSubject', 'AskSubject'],
      ['$.plan.next.type', 'waitUntil', 'WaitUntil'],
    ]);
    expect(choices.Default).toBe('AskApprover');
    // The subject's deadline ends the step by itself (StepDeadline), not in reminders.
    const subject = definition.States.AskSubject!;
    expect(subject.TimeoutSecondsPath).toBe('$.plan.next.deadlineSeconds');
    expect(subject.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next).toBe('StepDeadline');
    expect(definition.States.StepDeadline?.Next).toBe('Decided');
    // A timed step waits on an absolute timestamp, then is recorded as passed.
    expect((definition.States.WaitUntil as unknown as { TimestampPath: string }).TimestampPath).toBe('$.plan.next.until');
    expect(definition.States.WaitUntil?.Next).toBe('PassStep');
    expect(definition.States.PassStep?.Next).toBe('PlanNextStep');
  });

  it('replays deterministically: waits use absolute timestamps only', () => {
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Wait') continue;
      expect(state.Seconds ?? state.SecondsPath, name).toBeUndefined();
    }
    expect(raw).not.toMatch(/States\.(UUID|MathRandom)/);
  });
});
