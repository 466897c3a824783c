import { describe, expect, it } from 'vitest';
import { can, inScope, seesWholeOrganisation, type Principal } from '../../../../functions/domain/auth/roles.js';

const user = (roles: Principal['roles']): Principal => ({ kind: 'user', id: 'u', name: 'u', roles, employeeId: 'e', language: 'zh-CN' });

describe('roles and data scope (POLICIES.md §1)', () => {
  it('HR, GM and admin see the whole organisation; supervisors and below see their subtree', () => {
    expect(seesWholeOrganisation(user(['hr']))).toBe(true);
    expect(seesWholeOrganisation(user(['gm']))).toBe(true);
    expect(seesWholeOrganisation(user(['admin']))).toBe(true);
    for (const r of ['supervisor', 'cs_manager', 'team_lead', 'agent'] as const) expect(seesWholeOrganisation(user([r]))).toBe(false);
  });

  it('a subtree is everything under the root’s reporting path, never a sibling whose id shares a prefix', () => {
    expect(inScope('/gm/sup/', '/gm/sup/')).toBe(true);
    expect(inScope('/gm/sup/', '/gm/sup/lead/agent/')).toBe(true);
    expect(inScope('/gm/sup/', '/gm/sup2/')).toBe(false);
    expect(inScope(null, '/anything/')).toBe(true);
  });

  it('only HR and admin write employees; API keys do only what their scopes say', () => {
    expect(can(user(['hr']), 'employees:write')).toBe(true);
    expect(can(user(['supervisor']), 'employees:write')).toBe(false);
    expect(can(user(['gm']), 'employees:write')).toBe(false);
    const key: Principal = { kind: 'apiKey', id: 'k', name: 'k', roles: [], scopes: ['employees:read'], employeeId: null, language: 'zh-CN' };
    expect(can(key, 'employees:read')).toBe(true);
    expect(can(key, 'employees:write')).toBe(false);
  });

  it('supervisors and CS managers arrange their own people; team leads, agents and the GM do not (§1)', () => {
    for (const r of ['supervisor', 'cs_manager'] as const) expect(can(user([r]), 'employees:arrange')).toBe(true);
    for (const r of ['agent', 'team_lead', 'gm'] as const) expect(can(user([r]), 'employees:arrange')).toBe(false);
  });
});
