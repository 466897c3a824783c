import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist, markItem, type OnboardingChecklist } from '../../../../functions/domain/recruitment/onboarding.js';
import { onboardingListMigration } from '../../../../functions/storage/migrations/0004-onboarding-list.js';
import { runMigrations } from '../../../../functions/storage/migrations/run.js';
import { onboardingChecklistKey } from '../../../../functions/storage/keys.js';
import { checklistWrites, listChecklists } from '../../../../functions/storage/onboarding.js';
import { getPolicy } from '../../../../functions/storage/policies.js';
import { transact } from '../../../../functions/storage/transact.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * Migration 0004: checklists written before HR's list existed get its index (gsi2), open and
 * done alike, so the list shows them; running it again writes nothing.
 */
let api: TestApi;
let org: TestOrg;
const infos: Record<string, unknown>[] = [];
const log = (level: string, msg: string, fields?: Record<string, unknown>) => { if (level === 'info' && msg.startsWith('onboarding')) infos.push(fields ?? {}); };

beforeAll(async () => {
  api = await testApi();
  org = await buildOrg(api);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

/** A checklist as a release before the list wrote it: the same item without the gsi2 keys. */
async function oldChecklist(name: string, reportDate: string, done = false): Promise<OnboardingChecklist> {
  const hire = await createEmployee(api, org.hr, { name, level: 'trainee', superiorId: org.supA.id, teamId: org.units.center, hireDate: reportDate });
  const policy = await getPolicy(api.store, 'recruitment');
  let checklist = buildChecklist({
    employee: { id: hire.id, name, superiorId: org.supA.id }, superiorName: org.supA.name, mentor: null,
    reportDate, offerId: null, policy: { version: policy.version, values: policy.values }, at: api.clock.now.toISOString(),
  });
  if (done) for (const item of checklist.items) checklist = markItem(checklist, item.key, true, { id: 'u', name: 'HR' }, checklist.createdAt) ?? checklist;
  await transact(api.store, checklistWrites(api.store, checklist, { actor: null, channel: 'system' }));
  await api.store.doc.send(new UpdateCommand({ TableName: api.store.table, Key: onboardingChecklistKey(checklist.id), UpdateExpression: 'REMOVE gsi2pk, gsi2sk' }));
  return checklist;
}

const ids = async (status: 'open' | 'done') => (await listChecklists(api.store, { status, limit: 200 })).items.map((c) => c.id);
// (The harness records its tables as migrated under the real id; the test runs its own.)
const migrate = (id: string) => runMigrations(api.store, { migrations: [onboardingListMigration(id, 2)], now: () => api.clock.now, log, runner: 'test' });

describe('0004-onboarding-list', () => {
  it('indexes old open and done checklists for the list, newest report first, a page of employees at a time; again, it writes nothing', async () => {
    const open = await oldChecklist('旧清单甲', '2026-10-01');
    const later = await oldChecklist('旧清单乙', '2026-10-05');
    const done = await oldChecklist('旧清单丙', '2026-09-20', true);
    expect(done.status).toBe('done');
    expect([...(await ids('open')), ...(await ids('done'))]).not.toContain(open.id);

    const report = await migrate('0004-onboarding-list-first');
    expect(report.applied).toEqual(['0004-onboarding-list-first']);
    expect((await ids('open')).filter((id) => id === open.id || id === later.id)).toEqual([later.id, open.id]);
    expect(await ids('done')).toContain(done.id);
    expect(infos.at(-1)).toEqual({ count: 3 });
    // The reminder's index is left as it was.
    const stored = await api.store.doc.send(new GetCommand({ TableName: api.store.table, Key: onboardingChecklistKey(open.id) }));
    expect(stored.Item).toMatchObject({ gsi1pk: 'ONBOARDING#open', gsi2pk: 'ONBOARDING#STATUS#open', gsi2sk: `2026-10-01#${open.createdAt}#${open.id}`, version: open.version });

    await migrate('0004-onboarding-list-again');
    expect(infos.at(-1)).toEqual({ count: 0 });
  });
});
