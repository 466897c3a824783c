import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '../../../functions/workflow/handlers.js';
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
    expect(placeholders).toEqual(Object.keys(FUNCTION_NAMES).sort());
  });

  it('every Task retries transient errors or catches failures, so no failure is silent', () => {
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      expect(state.Catch?.length ?? 0, `${name} has a Catch`).toBeGreaterThan(0);
    }
  });

  it('every human step has a due time that leads to a reminder, then an escalation (not a polling loop)', () => {
    const human = Object.entries(definition.States).filter(([, s]) => s.Resource?.endsWith('.waitForTaskToken'));
    expect(human.map(([n]) => n).sort()).toEqual(['AskApprover', 'EscalateApprover', 'RemindApprover']);
    for (const [name, state] of human) {
      expect(state.TimeoutSecondsPath, name).toMatch(/^\$\.plan\.next\./);
      expect(state.Catch?.find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next, name).toBe(name === 'AskApprover' ? 'RemindApprover' : 'EscalateApprover');
    }
  });

  it('replays deterministically: waits use absolute timestamps only', () => {
    for (const [name, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Wait') continue;
      expect(state.Seconds ?? state.SecondsPath, name).toBeUndefined();
    }
    expect(raw).not.toMatch(/States\.(UUID|MathRandom)/);
  });
});
