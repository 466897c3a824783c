import { describe, expect, it } from 'vitest';
import { createAuthProvider, type Role } from '../../../admin/src/providers/authProvider.js';
import type { Http } from '../../../admin/src/providers/http.js';

/** The console signed in with these roles (GET /users/me is all the check reads). */
const signedInAs = (roles: Role[]) =>
  createAuthProvider((async () => ({ status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles, employeeId: 'e1', name: '甲', language: 'zh-CN' } })) as Http);

const may = (roles: Role[], action: string) => signedInAs(roles).canAccess!({ action, resource: 'offboardings' } as never);

describe('离职办理 in the console: who sees what', () => {
  it('the leavers list (menu 离职办理) is for HR, administrators and the managers, not an agent', async () => {
    for (const role of ['hr', 'admin', 'gm', 'cs_manager', 'supervisor', 'team_lead'] as Role[]) expect(await may([role], 'list'), role).toBe(true);
    expect(await may(['agent'], 'list')).toBe(false);
  });

  it('a record’s page opens for anyone the API shows it to (a receiver signing from a link), and is never a form', async () => {
    expect(await may(['agent'], 'show')).toBe(true);
    for (const action of ['create', 'edit', 'delete']) expect(await may(['hr'], action), action).toBe(false);
  });
});
