import { describe, expect, it } from 'vitest';
import { companyToday, delegationBody, delegationDefaults, inForce } from '../../../admin/src/delegation/delegationForm.js';
import type { Delegation } from '../../../admin/src/providers/consoleMethods.js';

const delegation: Delegation = {
  delegateId: 'u2', delegateName: '李娜', from: '2026-02-01', to: '2026-02-07', setById: 'u1', setByName: '王芳', setAt: '2026-01-30T02:00:00Z',
};

describe('the out-of-office (代理) form', () => {
  it('counts days in company time: late evening UTC is already tomorrow in Shanghai', () => {
    expect(companyToday(new Date('2026-01-31T17:00:00Z'))).toBe('2026-02-01');
    expect(companyToday(new Date('2026-01-31T15:59:00Z'))).toBe('2026-01-31');
  });

  it('starts from the delegation set, or from today for a new one; pending tasks move only when asked', () => {
    expect(delegationDefaults(delegation, '2026-01-31')).toEqual({ delegateId: 'u2', from: '2026-02-01', to: '2026-02-07', movePending: false });
    expect(delegationDefaults(null, '2026-01-31')).toEqual({ delegateId: '', from: '2026-01-31', to: '2026-01-31', movePending: false });
    expect(delegationBody({ delegateId: 'u3', from: '2026-03-01', to: '2026-03-02' })).toEqual({ delegateId: 'u3', from: '2026-03-01', to: '2026-03-02', movePending: false });
  });

  it('is in force from its first to its last day, both included', () => {
    expect(inForce(delegation, '2026-01-31')).toBe(false);
    expect(inForce(delegation, '2026-02-01')).toBe(true);
    expect(inForce(delegation, '2026-02-07')).toBe(true);
    expect(inForce(delegation, '2026-02-08')).toBe(false);
    expect(inForce(null, '2026-02-02')).toBe(false);
  });
});
