import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../functions/domain/auth/roles.js';
import { DomainError, DomainFieldsError } from '../../../../functions/domain/errors.js';
import { arrangeablePatch, assertArrangeable, assertPlacementInReach, editableEmployeeFields } from '../../../../functions/domain/people/arrangement.js';
import type { Employee, OrgUnit } from '../../../../functions/domain/people/model.js';

const NOW = '2026-11-02T00:00:00.000Z';
const person = (id: string, path: string, over: Partial<Employee> = {}): Employee => ({
  id, employeeNo: id, name: id, email: `${id}@x.cn`, phone: '13800000000', post: 'agent', level: 'junior', status: 'regular',
  superiorId: null, teamId: 'center', departmentId: 'cs', hireDate: '2026-01-01', probationEndDate: null, path, version: 1, createdAt: NOW, updatedAt: NOW, ...over,
});
const unit = (id: string, kind: OrgUnit['kind'], departmentId: string | null): OrgUnit => ({ id, name: id, kind, parentId: null, departmentId, version: 1, createdAt: NOW, updatedAt: NOW });

const SUP = person('sup', '/gm/mgr/sup/', { post: 'supervisor' });
const LEAD = person('lead', '/gm/mgr/sup/lead/', { superiorId: 'sup' });
const AGENT = person('agent', '/gm/mgr/sup/lead/agent/', { superiorId: 'lead' });
const PEER = person('peer', '/gm/mgr/peer/', { post: 'supervisor' });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainFieldsError) return `${err.code}@${err.fields.join(',')}`;
    return err instanceof DomainError ? `${err.code}@${err.field}` : String(err);
  }
  return undefined;
}

describe('who a supervisor or CS manager may arrange (POLICIES.md §1: their own subtree)', () => {
  it('anyone strictly below them, at any depth; never themselves, a peer or their own superior', () => {
    expect(codeOf(() => assertArrangeable(SUP, LEAD))).toBeUndefined();
    expect(codeOf(() => assertArrangeable(SUP, AGENT))).toBeUndefined();
    expect(codeOf(() => assertArrangeable(SUP, SUP))).toBe('EMPLOYEE.NOT_YOURS_TO_ARRANGE@id');
    expect(codeOf(() => assertArrangeable(SUP, PEER))).toBe('EMPLOYEE.NOT_YOURS_TO_ARRANGE@id');
    expect(codeOf(() => assertArrangeable(SUP, person('mgr', '/gm/mgr/')))).toBe('EMPLOYEE.NOT_YOURS_TO_ARRANGE@id');
  });
});

describe('which fields (org policy managerEditableFields)', () => {
  const editable = ['teamId', 'superiorId', 'phone'] as const;

  it('keeps the listed fields and refuses every other changed field, all named at once', () => {
    expect(arrangeablePatch(AGENT, { phone: '13900000000', teamId: 'scenic' }, editable)).toEqual({ phone: '13900000000', teamId: 'scenic' });
    expect(codeOf(() => arrangeablePatch(AGENT, { phone: '13900000000', level: 'senior', email: 'n@x.cn' }, editable))).toBe('EMPLOYEE.FIELD_HR_ONLY@level,email');
    expect(codeOf(() => arrangeablePatch(AGENT, { phone: '13900000000' }, []))).toBe('EMPLOYEE.FIELD_HR_ONLY@phone');
  });

  it('an HR-only field that repeats the current value is no change and is dropped (a pasted row has every column)', () => {
    expect(arrangeablePatch(AGENT, { level: 'junior', name: 'agent', status: 'regular', phone: '13900000000' }, editable)).toEqual({ phone: '13900000000' });
  });
});

describe('where to (a superior in their subtree, a team of their department)', () => {
  const reach = (patch: Parameters<typeof assertPlacementInReach>[2], found: Parameters<typeof assertPlacementInReach>[3]) => codeOf(() => assertPlacementInReach(SUP, AGENT, patch, found));

  it('a superior who is the arranger or below them; anyone else, or none, is unknown to them', () => {
    expect(reach({ superiorId: 'sup' }, { superior: SUP, team: null })).toBeUndefined();
    expect(reach({ superiorId: 'lead' }, { superior: LEAD, team: null })).toBeUndefined();
    expect(reach({ superiorId: 'peer' }, { superior: PEER, team: null })).toBe('EMPLOYEE.SUPERIOR_NOT_FOUND@superiorId');
    expect(reach({ superiorId: 'ghost' }, { superior: null, team: null })).toBe('EMPLOYEE.SUPERIOR_NOT_FOUND@superiorId');
    expect(reach({ superiorId: null }, { superior: null, team: null })).toBe('EMPLOYEE.SUPERIOR_NOT_FOUND@superiorId');
  });

  it('a team (or the department itself) of their own department; another department’s is unknown to them', () => {
    expect(reach({ teamId: 'scenic' }, { superior: null, team: unit('scenic', 'team', 'cs') })).toBeUndefined();
    expect(reach({ teamId: 'cs' }, { superior: null, team: unit('cs', 'department', 'cs') })).toBeUndefined();
    expect(reach({ teamId: 'ads' }, { superior: null, team: unit('ads', 'team', 'mkt') })).toBe('EMPLOYEE.TEAM_NOT_FOUND@teamId');
    expect(reach({ teamId: 'ghost' }, { superior: null, team: null })).toBe('EMPLOYEE.TEAM_NOT_FOUND@teamId');
    expect(codeOf(() => assertPlacementInReach({ ...SUP, departmentId: null }, AGENT, { teamId: 'scenic' }, { superior: null, team: unit('scenic', 'team', 'cs') }))).toBe('EMPLOYEE.TEAM_NOT_FOUND@teamId');
  });
});

describe('the fields a principal may change on others (GET /users/me)', () => {
  const user = (roles: Principal['roles'], employeeId: string | null = 'e'): Principal => ({ kind: 'user', id: 'u', name: 'u', roles, employeeId, language: 'zh-CN' });
  it('HR every field; supervisors and CS managers the policy’s list when they have a place in the tree; others none', () => {
    expect(editableEmployeeFields(user(['hr']), ['phone'])).toContain('level');
    expect(editableEmployeeFields(user(['supervisor']), ['phone', 'email'])).toEqual(['phone', 'email']);
    expect(editableEmployeeFields(user(['cs_manager'], null), ['phone'])).toEqual([]);
    expect(editableEmployeeFields(user(['team_lead']), ['phone'])).toEqual([]);
    expect(editableEmployeeFields(user(['gm']), ['phone'])).toEqual([]);
  });
});
