import { describe, expect, it } from 'vitest';
import type { Employee } from '../../../../functions/domain/people/model.js';
import { DEFAULT_POLICIES, type ProbationChainStep } from '../../../../functions/domain/policy/defaults.js';
import { nextStep, reportingLine, resolveApprover, stepRecords } from '../../../../functions/domain/probation/chain.js';
import { validateProbationPolicy } from '../../../../functions/domain/probation/policy-validation.js';
import { policy, trainee } from './builders.js';

const CHAIN = DEFAULT_POLICIES.probation.chain;

/** 001 (六): department head evaluates → deputy GM in charge → GM agrees. */
const CHAIN_001: ProbationChainStep[] = [
  { key: 'dept_head', approver: { kind: 'post_in_line', post: 'cs_manager', fallback: 'superior' }, records: 'scores', labelZh: '部门负责人评价', labelEn: 'Department head assessment' },
  { key: 'deputy_gm', approver: { kind: 'role', role: 'deputy_gm', mode: 'any' }, records: null, labelZh: '分管副总经理审核', labelEn: 'Deputy GM review' },
  { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, records: 'outcome', labelZh: '总经理同意', labelEn: 'GM approval' },
];

const person = (id: string, post: Employee['post'], status: Employee['status'] = 'regular') => ({ id, post, status });

describe('the probation approval chain (POLICIES.md §3)', () => {
  it('by default follows the 000 flow chart: supervisor scores → CS manager → GM → HR records the outcome', () => {
    expect(CHAIN.map((s) => [s.key, stepRecords(s)])).toEqual([
      ['supervisor', 'scores'], ['cs_manager', null], ['gm', null], ['hr', 'outcome'],
    ]);
    expect(CHAIN.map((s) => s.approver)).toEqual([
      { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' },
      { kind: 'post_in_line', post: 'cs_manager' },
      { kind: 'role', role: 'gm', mode: 'any' },
      { kind: 'role', role: 'hr', mode: 'any' },
    ]);
  });

  it('the next step is the first one not yet decided', () => {
    expect(nextStep(CHAIN, [])?.key).toBe('supervisor');
    expect(nextStep(CHAIN, ['supervisor'])?.key).toBe('cs_manager');
    expect(nextStep(CHAIN, ['supervisor', 'cs_manager', 'gm'])?.key).toBe('hr');
    expect(nextStep(CHAIN, CHAIN.map((s) => s.key))).toBeNull();
  });

  it('001’s chain (department head → deputy GM → GM) is just another policy value', () => {
    expect(validateProbationPolicy(policy({ chain: CHAIN_001 }))).toEqual([]);
    expect(nextStep(CHAIN_001, ['dept_head'])?.key).toBe('deputy_gm');
    expect(stepRecords(CHAIN_001[2]!)).toBe('outcome');
  });
});

describe('who decides a step', () => {
  const [supervisorStep, managerStep, gmStep] = CHAIN as [ProbationChainStep, ProbationChainStep, ProbationChainStep];

  it('reads the reporting line nearest first from the path', () => {
    expect(reportingLine(trainee())).toEqual(['sup', 'mgr', 'gm']);
  });

  it('the supervisor step goes to the nearest supervisor above a team lead', () => {
    const line = [person('lead', 'team_lead'), person('sup', 'supervisor'), person('mgr', 'cs_manager')];
    expect(resolveApprover(supervisorStep.approver, line)).toEqual({ kind: 'employee', employeeId: 'sup' });
    expect(resolveApprover(managerStep.approver, line)).toEqual({ kind: 'employee', employeeId: 'mgr' });
  });

  it('with no supervisor in the line it falls back to the direct superior; the CS manager step has no fallback', () => {
    expect(resolveApprover(supervisorStep.approver, [person('lead', 'team_lead'), person('gm', 'gm')])).toEqual({ kind: 'employee', employeeId: 'lead' });
    expect(resolveApprover(managerStep.approver, [person('lead', 'team_lead'), person('gm', 'gm')])).toBeNull();
  });

  it('skips superiors who have left or are suspended', () => {
    const line = [person('sup', 'supervisor', 'terminated'), person('sup2', 'supervisor'), person('mgr', 'cs_manager', 'suspended')];
    expect(resolveApprover(supervisorStep.approver, line)).toEqual({ kind: 'employee', employeeId: 'sup2' });
    expect(resolveApprover(managerStep.approver, line)).toBeNull();
    expect(resolveApprover({ kind: 'superior' }, line)).toEqual({ kind: 'employee', employeeId: 'sup2' });
  });

  it('a role step goes to anyone holding the role (or-sign)', () => {
    expect(resolveApprover(gmStep.approver, [])).toEqual({ kind: 'role', role: 'gm', mode: 'any' });
  });
});
