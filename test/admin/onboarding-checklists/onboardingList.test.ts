import { describe, expect, it } from 'vitest';
import { createAuthProvider } from '../../../admin/src/providers/authProvider.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';
import { onboardingChecklistsMessages } from '../../../admin/src/onboarding-checklists/messages.js';

function signedInAs(roles: string[]) {
  const http = (async () => ({ status: 200, headers: new Headers(), json: { id: 'u1', email: 'a@example.com', roles, employeeId: 'e1', name: '甲', language: 'zh-CN' } })) as Http;
  return createAuthProvider(http);
}
const can = async (roles: string[], action: string) => signedInAs(roles).canAccess!({ action, resource: 'onboarding-checklists' } as never);

describe('who sees 入职清单 in the menu (HR’s list)', () => {
  it('HR and administrators have the list; managers and agents do not (a manager sees a checklist on their people’s files)', async () => {
    for (const role of ['hr', 'admin']) expect(await can([role], 'list'), role).toBe(true);
    for (const role of ['supervisor', 'cs_manager', 'gm', 'team_lead', 'agent']) expect(await can([role], 'list'), role).toBe(false);
  });

  it('nobody opens, creates, edits or deletes a checklist as a record (a row opens the new hire’s file)', async () => {
    for (const action of ['show', 'create', 'edit', 'delete']) expect(await can(['admin'], action), action).toBe(false);
  });
});

describe('the list in the data provider', () => {
  it('asks for one status, and fills a page from the next cursor when the API answers short', async () => {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const answers = [
      { items: [{ id: 'a' }], nextCursor: 'c1' },
      { items: [{ id: 'b' }], nextCursor: null },
    ];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: answers[calls.length - 1] };
    }) as Http;
    const { data } = await createDataProvider(http).getList('onboarding-checklists', { filter: { status: 'done' }, pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' } });
    expect(data.map((r) => r.id)).toEqual(['a', 'b']);
    expect(calls).toMatchObject([
      { path: '/onboarding-checklists', options: { query: { status: 'done', limit: 2 } } },
      { path: '/onboarding-checklists', options: { query: { status: 'done', limit: 1, cursor: 'c1' } } },
    ]);
  });

  it('the menu reads 入职清单 / Onboarding', () => {
    expect(onboardingChecklistsMessages['zh-CN'].name.split(' |||| ')[1]).toBe('入职清单');
    expect(onboardingChecklistsMessages.en.name.split(' |||| ')[1]).toBe('Onboarding');
  });
});
