import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatePut, getCandidate } from '../../../functions/storage/candidates.js';
import { fileKey } from '../../../functions/storage/attachments.js';
import { newId } from '../../../functions/storage/ids.js';
import { headObject } from '../../../functions/storage/objects.js';
import { getOpening, openingCreate, openingPut, type Opening } from '../../../functions/storage/openings.js';
import { transact } from '../../../functions/storage/transact.js';
import { getTasks } from '../../../functions/storage/approvals.js';
import { getRequest } from '../../../functions/storage/requests.js';
import { jobNamed } from '../../../functions/workflow/jobs.js';
import { HIRING, type HiringRequest } from '../../../functions/workflow/kinds/hiring.js';
import { until } from '../../support/mail.js';
import { testApi, type TestApi } from '../../support/api.js';
import { buildOrg, type TestOrg } from '../../support/org.js';

/**
 * Candidates not hired are kept for the recruitment policy's `candidateRetentionDays` (default
 * 180) after their last change, then erased (#14; POLICIES.md §2, §8 personal data): on the
 * local parts (DynamoDB Local, s3rver) and the test's clock, the daily job erases name, mobile,
 * email, notes and the CV (record and file), takes them off the contact lists (nobody is flagged
 * as their duplicate any more), keeps the record that they existed, and never touches a hired
 * candidate or one still in the pipeline of an open opening.
 */
let api: TestApi;
let org: TestOrg;
let hr = '';
const DAY = 86_400_000;
const run = async () => (await jobNamed('eraseCandidates')!.run(api.workflow)) as { erased: string[]; kept: number };

interface Candidate {
  id: string; name: string; phone: string | null; email: string | null; notes: string | null; cv: { id: string } | null;
  stage: string; duplicateOf: string[]; erasedAt: string | null; version: number; updatedAt: string;
}

beforeAll(async () => {
  api = await testApi({ workflows: true });
  // s3rver judges a presigned URL's expiry by the machine's clock: the uploads run on today's time.
  api.clock.now = new Date();
  org = await buildOrg(api);
  hr = org.hr;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function opening(status: Opening['status'] = 'open'): Promise<string> {
  const id = newId();
  const at = api.clock.now.toISOString();
  await transact(api.store, [openingCreate(api.store, {
    id, requisitionId: id, post: 'agent', teamId: org.units.center, teamName: '客服中心', level: 'trainee', salaryMin: 2800, salaryMax: 3200,
    headcount: 2, filled: 0, status, statusReason: null, requesterId: null, requesterName: null, scopePath: org.supA.path as string, createdAt: at, updatedAt: at, version: 1,
  })]);
  return id;
}

async function add(openingId: string, body: Record<string, unknown>): Promise<Candidate> {
  const res = await api.request('POST', '/api/v1/candidates', { token: hr, body: { openingId, source: 'boss', ...body } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Candidate;
}

async function read(id: string): Promise<Candidate> {
  const res = await api.request('GET', `/api/v1/candidates/${id}`, { token: hr });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Candidate;
}

async function reject(c: Candidate): Promise<Candidate> {
  const res = await api.request('POST', `/api/v1/candidates/${c.id}/stage`, { token: hr, body: { stage: 'rejected', reason: '经验不符', version: c.version } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Candidate;
}

async function uploadCv(fileName: string): Promise<string> {
  const bytes = Buffer.from(`%PDF-1.4 ${fileName}\n`, 'utf8');
  const res = await api.request('POST', '/api/v1/attachments', { token: hr, body: { fileName, contentType: 'application/pdf', size: bytes.length } });
  expect(res.status, await res.clone().text()).toBe(201);
  const u = (await res.json()) as { id: string; uploadUrl: string; method: string; headers: Record<string, string> };
  expect((await fetch(u.uploadUrl, { method: u.method, headers: u.headers, body: bytes })).status).toBe(200);
  return u.id;
}

/** Moves the clock to `days` after `from` (ISO), plus `ms`. */
async function at(from: string, days: number, ms: number): Promise<void> {
  const target = Date.parse(from) + days * DAY + ms;
  await api.clock.advance(target - api.clock.now.getTime());
  // Sessions end after 12 hours: HR signs in again on the new day.
  hr = await api.signIn(['hr']);
}

describe('erasing candidates not hired (recruitment policy candidateRetentionDays: 180)', () => {
  it('is a daily job, and the policy says how long: 179 days and 23 hours after the rejection they are kept; just past 180 days they are erased', async () => {
    expect(jobNamed('eraseCandidates')?.schedule).toEqual({ dailyAt: { hour: 2, minute: 30 } });
    const openingId = await opening();
    const cv = await uploadCv('王小明-简历.pdf');
    const gone = await reject(await add(openingId, { name: '王小明', phone: '13912345678', email: 'wang.xm@example.net', notes: '口齿清晰', cv }));
    // Applied earlier with the same mobile: kept (still in the pipeline of an open opening).
    const kept = await add(openingId, { name: '王小明（二次投递）', phone: '13912345678' });
    expect(kept.duplicateOf).toEqual([gone.id]);
    expect(await headObject(api.objects, fileKey(cv))).not.toBeNull();

    await at(gone.updatedAt, 180, -3600_000);
    expect((await run()).erased).not.toContain(gone.id);
    expect((await read(gone.id)).name).toBe('王小明');

    await at(gone.updatedAt, 180, 60_000);
    const result = await run();
    expect(result.erased).toContain(gone.id);
    expect(result.erased).not.toContain(kept.id);

    // Who it was is gone; that they applied, and how far they got, stays.
    const erased = await read(gone.id);
    expect(erased).toMatchObject({ name: '（已删除的候选人）', phone: null, email: null, notes: null, cv: null, stage: 'rejected', erasedAt: api.clock.now.toISOString() });
    expect(JSON.stringify(await getCandidate(api.store, gone.id))).not.toMatch(/王小明|13912345678|wang\.xm|口齿清晰/);
    // The CV: its file and its record.
    expect(await headObject(api.objects, fileKey(cv))).toBeNull();
    expect((await api.request('GET', `/api/v1/candidates/${gone.id}/cv`, { token: hr })).status).toBe(404);
    // The trail records the erasure (ids only).
    const trail = (await (await api.request('GET', `/api/v1/audit?entityType=candidate&entityId=${gone.id}`, { token: hr })).json()) as { items: { action: string; actorId: string | null; after: Record<string, unknown> }[] };
    expect(trail.items).toContainEqual(expect.objectContaining({ action: 'erase', actorId: null, after: expect.objectContaining({ reason: 'retention', retentionDays: 180, cv }) }));

    // Off the contact lists: a new applicant with that mobile is flagged with the kept one only,
    // and one with the erased email with nobody.
    const again = await add(openingId, { name: '王小明（三次投递）', phone: '13912345678' });
    expect(again.duplicateOf).toEqual([kept.id]);
    expect((await add(openingId, { name: '新人', email: 'wang.xm@example.net' })).duplicateOf).toEqual([]);

    // Erased once: the next run finds nothing of theirs to do.
    expect((await run()).erased).not.toContain(gone.id);
  }, 90_000);

  it('keeps someone still in the pipeline of an open opening, however long; erases them once the opening is cancelled', async () => {
    const openingId = await opening();
    const waiting = await add(openingId, { name: '赵等待', phone: '13700001234' });
    await at(waiting.updatedAt, 400, 0);
    expect((await run()).erased).not.toContain(waiting.id);
    expect((await read(waiting.id)).name).toBe('赵等待');

    const o = (await getOpening(api.store, openingId))!;
    await transact(api.store, [openingPut(api.store, { ...o, status: 'cancelled', statusReason: '岗位撤销', version: o.version + 1 }, o)]);
    expect((await run()).erased).toContain(waiting.id);
    expect((await read(waiting.id)).name).toBe('（已删除的候选人）');
  }, 60_000);

  it('never erases a hired candidate (an employee now), and follows the policy HR edits (30 days)', async () => {
    const openingId = await opening();
    const hired = await add(openingId, { name: '钱录用', phone: '13600005678' });
    const stored = (await getCandidate(api.store, hired.id))!;
    await transact(api.store, [candidatePut(api.store, { ...stored, stage: 'hired', version: stored.version + 1 }, stored)]);
    const soon = await reject(await add(openingId, { name: '孙短期', phone: '13600009999' }));

    const policy = (await (await api.request('GET', '/api/v1/policies/recruitment', { token: hr })).json()) as { version: number; values: Record<string, unknown> };
    const saved = await api.request('PUT', '/api/v1/policies/recruitment', { token: hr, body: { version: policy.version, values: { ...policy.values, candidateRetentionDays: 30 } } });
    expect(saved.status, await saved.clone().text()).toBe(200);

    await at(soon.updatedAt, 30, 60_000);
    const result = await run();
    expect(result.erased).toContain(soon.id);
    await at(soon.updatedAt, 1000, 0);
    expect((await run()).erased).not.toContain(hired.id);
    expect((await read(hired.id)).name).toBe('钱录用');
  }, 60_000);

  it('takes the name off the hiring process and its tasks (inboxes, timelines), keeping the scores under the candidate’s id', async () => {
    const openingId = await opening();
    const c = await add(openingId, { name: '周面试', email: 'zhou.ms@example.net' });
    const interviewer = await api.signIn(['supervisor'], org.supA.id, 'erase.supa@example.com');
    const scheduled = await api.request('POST', '/api/v1/interviews', {
      token: hr, body: { candidateId: c.id, round: 1, at: new Date(api.clock.now.getTime() + DAY).toISOString(), place: '3楼会议室', interviewerIds: [org.supA.id] },
    });
    expect(scheduled.status, await scheduled.clone().text()).toBe(201);
    const hiring = { id: (await getCandidate(api.store, c.id))!.hiringId! };
    const task = await until(async () => {
      const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: interviewer })).json()) as { items: { id: string; requestId: string; title: string }[] };
      return page.items.find((t) => t.requestId === hiring.id);
    }, 'the interviewer’s task');
    expect(task.title).toContain('周面试');
    const decided = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: interviewer, body: { decision: 'reject', comment: '不合适', score: 55, recommendation: 'reject' } });
    expect(decided.status, await decided.clone().text()).toBe(200);
    await until(async () => (await getRequest<HiringRequest>(api.store, HIRING, hiring.id))?.status === 'not_hired', 'the process to end');
    const ended = (await getCandidate(api.store, c.id))!;
    expect(ended.stage).toBe('rejected');

    await at(ended.updatedAt, 30, 60_000);
    expect((await run()).erased).toContain(c.id);
    const record = (await getRequest<HiringRequest>(api.store, HIRING, hiring.id))!;
    expect(record.candidateName).toBe('（已删除的候选人）');
    expect(Object.values(record.answers).flat()).toEqual([expect.objectContaining({ score: 55, recommendation: 'reject' })]);
    const [stored] = await getTasks(api.store, [task.id]);
    expect(stored!.title['zh-CN']).not.toContain('周面试');
    expect(stored!.title.en).toContain('(erased candidate)');
  }, 90_000);
});
