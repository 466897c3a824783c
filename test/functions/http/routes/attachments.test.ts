import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

/**
 * Attachments (#12) end to end on the real parts: the app on DynamoDB Local, the approval
 * workflow on the local Step Functions endpoint, files on s3rver through presigned URLs.
 */
let api: TestApi;
let org: TestOrg;
const tokens: Record<string, string> = {};

interface Problem { status: number; code: string; detail: string; errors?: { path: string; message: string; code: string }[] }
interface Upload { id: string; uploadUrl: string; method: string; headers: Record<string, string>; expiresAt: string; fileName: string; contentType: string; size: number }
interface Task { id: string; requestId: string; stepKey: string; status: string }
type TimelineTask = { approverId: string; status: string; attachments?: { id: string; fileName: string; contentType: string; size: number }[] };

const day = (d: Date) => d.toISOString().slice(0, 10);
const scores = { dailyPerformance: 88, professionalTest: 86, interview: 90 };
const attendance = { personalLeaveCount: 0, lateCount: 0, earlyLeaveCount: 0 };
const transcript = Buffer.from('%PDF-1.4 成绩单 — 测试文件\n', 'utf8');

beforeAll(async () => {
  api = await testApi({ workflows: true });
  // s3rver judges a presigned URL's expiry by the machine's clock, which the test cannot move:
  // run on today's time (S3 itself is fine with any signing time within the URL's life).
  api.clock.now = new Date();
  org = await buildOrg(api);
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id);
  tokens.agentB = await api.signIn(['agent'], org.agentB1.id);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function startReview(name: string): Promise<string> {
  // Two months of service: an early application by the supervisor is never deferred (§3).
  const hireDate = day(new Date(api.clock.now.getTime() - 60 * 86_400_000));
  const trainee = await createEmployee(api, org.hr, { name, level: 'trainee', hireDate, superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.supA, body: { employeeId: trainee.id, kind: 'early' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function taskOf(who: string, requestId: string, stepKey: string): Promise<Task> {
  return until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
    return page.items.find((t) => t.requestId === requestId && t.stepKey === stepKey);
  }, `${who}'s ${stepKey} task`);
}

async function upload(token: string, fileName: string, contentType: string, bytes: Buffer, declaredSize = bytes.length): Promise<Upload> {
  const res = await api.request('POST', '/api/v1/attachments', { token, body: { fileName, contentType, size: declaredSize } });
  expect(res.status, await res.clone().text()).toBe(201);
  const u = (await res.json()) as Upload;
  const put = await fetch(u.uploadUrl, { method: u.method, headers: u.headers, body: bytes });
  expect(put.status, await put.clone().text()).toBe(200);
  return u;
}

describe('attachments on a decision (#12 attachments)', () => {
  let reviewId: string;
  let file: Upload;
  let supTask: Task;

  it('a file uploaded by presigned PUT goes with the decision, shows in the timeline, and downloads as the same bytes, audited', async () => {
    reviewId = await startReview('附件一');
    supTask = await taskOf('supA', reviewId, 'supervisor');
    file = await upload(tokens.supA!, '成绩单.pdf', 'application/pdf', transcript);
    expect(file).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'application/pdf' }, fileName: '成绩单.pdf', size: transcript.length });
    expect(Date.parse(file.expiresAt)).toBeGreaterThan(api.clock.now.getTime());
    // The PUT is signed for exactly this type and length (S3 refuses anything else).
    expect(new URL(file.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');

    const decided = await api.request('POST', `/api/v1/approvals/${supTask.id}/decision`, {
      token: tokens.supA, body: { decision: 'approve', comment: '成绩单见附件', scores, attendance, attachments: [file.id] },
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    // The same decision sent again (a lost answer): who decided, not a refusal of its files.
    const again = await api.request('POST', `/api/v1/approvals/${supTask.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores, attendance, attachments: [file.id] } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as Problem).code).toBe('APPROVAL.ALREADY_DECIDED');

    const ref = { id: file.id, fileName: '成绩单.pdf', contentType: 'application/pdf', size: transcript.length };
    const detail = (await (await api.request('GET', `/api/v1/approvals/${supTask.id}`, { token: tokens.supA })).json()) as { timeline: { stepKey: string; tasks?: TimelineTask[] }[] };
    expect(detail.timeline.find((s) => s.stepKey === 'supervisor')?.tasks?.[0]?.attachments).toEqual([ref]);
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${reviewId}`, { token: org.hr })).json()) as { steps: { stepKey: string; tasks?: TimelineTask[] }[] };
    expect(review.steps.find((s) => s.stepKey === 'supervisor')?.tasks?.[0]?.attachments).toEqual([ref]);

    // HR reads the review, so HR may download: a redirect to a short-lived URL under the file's own name.
    const res = await api.request('GET', `/api/v1/attachments/${file.id}`, { token: org.hr });
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const got = await fetch(res.headers.get('location')!);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(transcript)).toBe(true);
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('成绩单.pdf')}`);
    expect(got.headers.get('content-type')).toBe('application/pdf');

    // The console asks for JSON (it fetches with its session, then opens the link).
    const asJson = await api.request('GET', `/api/v1/attachments/${file.id}`, { token: tokens.manager, headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(200);
    const link = (await asJson.json()) as { url: string; expiresAt: string };
    expect(Buffer.from(await (await fetch(link.url)).arrayBuffer()).equals(transcript)).toBe(true);

    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=attachment&entityId=${file.id}`, { token: org.hr })).json()) as { items: { action: string; actorName: string; channel: string; after: Record<string, unknown> }[] };
    const downloads = audit.items.filter((a) => a.action === 'download');
    expect(downloads).toHaveLength(2);
    expect(downloads.every((d) => d.channel === 'api' && d.after.requestId === reviewId)).toBe(true);
    expect(audit.items.some((a) => a.action === 'upload')).toBe(true);
  });

  it('someone who may not read the request gets 404, like a file that does not exist (#12 attachments; read rule of GET /probation-reviews/{id})', async () => {
    const res = await api.request('GET', `/api/v1/attachments/${file.id}`, { token: tokens.agentB });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).code).toBe('ATTACHMENT.NOT_FOUND');
    expect((await api.request('GET', '/api/v1/attachments/0000000000000000', { token: tokens.agentB })).status).toBe(404);
  });

  it('an attached file cannot be attached again, and another person’s upload is refused naming attachments; nothing is decided', async () => {
    const managerTask = await taskOf('manager', reviewId, 'cs_manager');
    const someoneElses = await upload(tokens.supA!, '面试记录.png', 'image/png', Buffer.from('not really a png'));
    for (const ids of [[someoneElses.id], [file.id]]) {
      const res = await api.request('POST', `/api/v1/approvals/${managerTask.id}/decision`, { token: tokens.manager, body: { decision: 'approve', attachments: ids } });
      expect(res.status).toBe(422);
      const p = (await res.json()) as Problem;
      expect(p.code).toBe('ATTACHMENT.INVALID');
      expect(p.errors).toEqual([expect.objectContaining({ path: 'attachments', message: expect.stringContaining('不是您上传的') })]);
    }
    const still = (await (await api.request('GET', `/api/v1/approvals/${managerTask.id}`, { token: tokens.manager })).json()) as { status: string };
    expect(still.status).toBe('pending');
    // The uploader still sees their own unattached file.
    expect((await api.request('GET', `/api/v1/attachments/${someoneElses.id}`, { token: tokens.supA })).status).toBe(302);
    expect((await api.request('GET', `/api/v1/attachments/${someoneElses.id}`, { token: tokens.manager })).status).toBe(404);
    // Started but never uploaded: nothing to download yet, even for its uploader.
    const started = (await (await api.request('POST', '/api/v1/attachments', { token: tokens.supA, body: { fileName: 'x.pdf', contentType: 'application/pdf', size: 10 } })).json()) as Upload;
    expect((await api.request('GET', `/api/v1/attachments/${started.id}`, { token: tokens.supA })).status).toBe(404);
  });

  it('a file that is not what was declared is refused on the decision (#12 attachments; the signed PUT pins type and length)', async () => {
    const managerTask = await taskOf('manager', reviewId, 'cs_manager');
    // s3rver does not enforce the signed headers as S3 does: the claim checks the stored object itself.
    const liar = await upload(tokens.manager!, '说明.txt', 'text/plain', Buffer.from('twelve bytes'), 5);
    const res = await api.request('POST', `/api/v1/approvals/${managerTask.id}/decision`, { token: tokens.manager, body: { decision: 'approve', attachments: [liar.id] } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'ATTACHMENT.NOT_UPLOADED', errors: [{ path: 'attachments' }] });
  });
});

describe('attachments on the request itself (#12 attachments)', () => {
  it('a review started with a file shows it to the requester and to the approver on their task, who downloads the same bytes; a refused file starts nothing', async () => {
    const hireDate = day(new Date(api.clock.now.getTime() - 60 * 86_400_000));
    const trainee = await createEmployee(api, org.hr, { name: '附件发起', level: 'trainee', hireDate, superiorId: org.leadA.id, teamId: org.units.center });
    const file = await upload(tokens.supA!, '试用期总结.pdf', 'application/pdf', transcript);
    const theirs = await upload(tokens.manager!, '别人的.pdf', 'application/pdf', transcript);
    const refused = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.supA, body: { employeeId: trainee.id, kind: 'early', attachments: [theirs.id] } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: [{ path: 'attachments' }] });
    expect(((await (await api.request('GET', `/api/v1/probation-reviews?employeeId=${trainee.id}`, { token: org.hr })).json()) as { items: unknown[] }).items).toEqual([]);

    const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.supA, body: { employeeId: trainee.id, kind: 'early', attachments: [file.id] } });
    expect(res.status, await res.clone().text()).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${id}`, { token: tokens.supA })).json()) as { attachments: { id: string; fileName: string }[] };
    expect(review.attachments).toEqual([{ id: file.id, fileName: '试用期总结.pdf', contentType: 'application/pdf', size: transcript.length }]);
    const supTask = await taskOf('supA', id, 'supervisor');
    const detail = (await (await api.request('GET', `/api/v1/approvals/${supTask.id}`, { token: tokens.supA })).json()) as { requestAttachments: { id: string }[] };
    expect(detail.requestAttachments.map((a) => a.id)).toEqual([file.id]);
    const link = await api.request('GET', `/api/v1/attachments/${file.id}`, { token: org.hr, headers: { accept: 'application/json' } });
    expect(link.status, await link.clone().text()).toBe(200);
    const { url } = (await link.json()) as { url: string };
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(transcript)).toBe(true);
  });
});

describe('upload limits from policy (#12 attachments)', () => {
  it('a kind of file the policy does not allow is refused naming contentType, in Chinese (policy attachments.allowedTypes)', async () => {
    const res = await api.request('POST', '/api/v1/attachments', { token: tokens.supA, body: { fileName: 'page.html', contentType: 'text/html', size: 100 } });
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors).toEqual([expect.objectContaining({ path: 'contentType', code: 'ATTACHMENT.TYPE_NOT_ALLOWED' })]);
    expect(p.detail).toContain('不支持此文件类型');
  });

  it('a file over the limit is refused naming size (policy attachments.maxBytes)', async () => {
    const res = await api.request('POST', '/api/v1/attachments', { token: tokens.supA, body: { fileName: 'big.pdf', contentType: 'application/pdf', size: 20 * 1024 * 1024 + 1 } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'ATTACHMENT.TOO_LARGE', detail: '文件过大，每个附件最大 20 MB', errors: [{ path: 'size' }] });
  });

  it('HR lowers the limit and it takes effect at once (policy attachments.maxBytes, attachments.perItem)', async () => {
    const current = (await (await api.request('GET', '/api/v1/policies/approvals', { token: org.hr })).json()) as { version: number; values: Record<string, unknown> };
    const values = { ...current.values, attachments: { maxBytes: 1024, allowedTypes: ['pdf'], perItem: 1 } };
    const saved = await api.request('PUT', '/api/v1/policies/approvals', { token: org.hr, body: { values, version: current.version } });
    expect(saved.status, await saved.clone().text()).toBe(200);

    const big = await api.request('POST', '/api/v1/attachments', { token: tokens.supA, body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 2048 } });
    expect(await big.json()).toMatchObject({ status: 422, detail: '文件过大，每个附件最大 1 KB', errors: [{ path: 'size' }] });
    const png = await api.request('POST', '/api/v1/attachments', { token: tokens.supA, body: { fileName: 'a.png', contentType: 'image/png', size: 100 } });
    expect(await png.json()).toMatchObject({ status: 422, errors: [{ path: 'contentType' }] });

    const reviewId = await startReview('附件二');
    const task = await taskOf('supA', reviewId, 'supervisor');
    const a = await upload(tokens.supA!, 'a.pdf', 'application/pdf', Buffer.from('%PDF a'));
    const b = await upload(tokens.supA!, 'b.pdf', 'application/pdf', Buffer.from('%PDF b'));
    const two = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens.supA, body: { decision: 'approve', scores, attendance, attachments: [a.id, b.id] } });
    expect(two.status).toBe(422);
    expect(await two.json()).toMatchObject({ code: 'ATTACHMENT.TOO_MANY', detail: '每次最多添加 1 个附件', errors: [{ path: 'attachments' }] });

    const wrong = await api.request('PUT', '/api/v1/policies/approvals', { token: org.hr, body: { values: { ...values, attachments: { maxBytes: 1, allowedTypes: ['exe'], perItem: 1 } }, version: current.version + 1 } });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as Problem).errors?.map((e) => e.path)).toEqual(['values.attachments.maxBytes', 'values.attachments.allowedTypes[0]']);
  });
});
