/**
 * 评论 (#12 "What to add"): a comment thread on every request, separate from decisions, with
 * @mentions that notify by mail; whoever may read the request may comment, nobody else learns
 * it exists; bad input is refused naming the field, in people's words, and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../support/api.js';
import { inbox, until, waitForMail } from '../../../support/mail.js';
import { buildOrg, createEmployee, type TestOrg } from '../../../support/org.js';

interface Comment { id: string; authorName: string; text: string; mentions: { id: string; name: string }[]; createdAt: string }

let api: TestApi;
let org: TestOrg;
const tokens = {} as Record<'lead' | 'supA' | 'outsider' | 'stranger', string>;
const userIds = {} as Record<'lead' | 'supA' | 'outsider' | 'stranger', string>;
let reviewId = '';

beforeAll(async () => {
  api = await testApi({ workflows: true });
  // s3rver judges a presigned URL's expiry by the machine's clock: run on today's time.
  api.clock.now = new Date();
  org = await buildOrg(api);
  tokens.lead = await api.signIn(['team_lead'], org.leadA.id, 'c.lead@example.com');
  tokens.supA = await api.signIn(['supervisor'], org.supA.id, 'c.sup@example.com');
  // An agent of another team: outside the review's scope, and no part in it.
  tokens.outsider = await api.signIn(['agent'], org.agentB1.id, 'c.outsider@example.com');
  tokens.stranger = await api.signIn(['agent'], org.agentA1.id, 'c.stranger@example.com');
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
    userIds[who] = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens[who] })).json()) as { id: string }).id;
  }
  const e = await createEmployee(api, org.hr, { name: '评论对象', level: 'trainee', hireDate: '2026-09-01', superiorId: org.leadA.id, teamId: org.units.center });
  const res = await api.request('POST', '/api/v1/probation-reviews', { token: tokens.lead, body: { employeeId: e.id, kind: 'early' } });
  expect(res.status).toBe(201);
  reviewId = ((await res.json()) as { id: string }).id;
  await until(async () => {
    const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens.supA })).json()) as { items: { requestId: string }[] };
    return page.items.some((t) => t.requestId === reviewId) ? true : undefined;
  }, 'the supervisor task');
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const thread = async (token: string) => api.request('GET', `/api/v1/requests/probation/${reviewId}/comments`, { token });
const post = (token: string, body: unknown) => api.request('POST', `/api/v1/requests/probation/${reviewId}/comments`, { token, body });
const countComments = async () => ((await (await thread(tokens.lead)).json()) as { items: Comment[] }).items.length;

describe('评论: the comment thread of a request', () => {
  it('the approver asks, the requester answers: the thread reads oldest first and the request does not move', async () => {
    const asked = await post(tokens.supA, { text: '请补充三个月的成绩单' });
    expect(asked.status, await asked.clone().text()).toBe(201);
    await api.clock.advance(60_000);
    expect((await post(tokens.lead, { text: '已补充，见附件说明' })).status).toBe(201);
    const page = (await (await thread(tokens.supA)).json()) as { items: Comment[] };
    expect(page.items.map((c) => c.text)).toEqual(['请补充三个月的成绩单', '已补充，见附件说明']);
    const review = (await (await api.request('GET', `/api/v1/probation-reviews/${reviewId}`, { token: org.hr })).json()) as { status: string; currentStep: string };
    expect(review).toMatchObject({ status: 'in_review', currentStep: 'supervisor' });
    const audit = (await (await api.request('GET', `/api/v1/audit?entityType=probationReview&entityId=${reviewId}`, { token: org.hr })).json()) as { items: { action: string }[] };
    expect(audit.items.filter((a) => a.action === 'comment')).toHaveLength(2);
  });

  it('an @mention mails the person; one with no part in the request gets a read-only notice and can then read and answer the thread', async () => {
    expect((await thread(tokens.outsider)).status).toBe(404);
    const res = await post(tokens.supA, { text: '@王专员 请确认一下考勤记录', mentions: [userIds.outsider] });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as Comment).mentions).toEqual([{ id: userIds.outsider, name: expect.any(String) }]);
    const mail = await waitForMail(api.mail!, 'c.outsider@example.com', /【评论】.+在「转正评审：评论对象」中提到了您/);
    expect(mail.text).toContain('请确认一下考勤记录');
    expect(mail.text).toMatch(/#\/approvals\/probation\..+\.cc\..+\/show/);
    const notices = (await (await api.request('GET', '/api/v1/approvals?cc=true', { token: tokens.outsider })).json()) as { items: { requestId: string }[] };
    expect(notices.items.map((n) => n.requestId)).toContain(reviewId);
    expect((await thread(tokens.outsider)).status).toBe(200);
    expect((await post(tokens.outsider, { text: '考勤无误' })).status).toBe(201);
  });

  it('a comment carries a file: the requester answers 请补充成绩单 with it; the thread lists it and the approver downloads the same bytes (#12 attachments on a comment)', async () => {
    const bytes = Buffer.from('%PDF-1.4 三个月成绩单\n', 'utf8');
    const started = await api.request('POST', '/api/v1/attachments', { token: tokens.lead, body: { fileName: '成绩单.pdf', contentType: 'application/pdf', size: bytes.length } });
    expect(started.status, await started.clone().text()).toBe(201);
    const upload = (await started.json()) as { id: string; uploadUrl: string; method: string; headers: Record<string, string> };
    expect((await fetch(upload.uploadUrl, { method: upload.method, headers: upload.headers, body: bytes })).status).toBe(200);
    const res = await post(tokens.lead, { text: '成绩单已上传', attachments: [upload.id] });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { attachments: unknown[] }).attachments).toEqual([{ id: upload.id, fileName: '成绩单.pdf', contentType: 'application/pdf', size: bytes.length }]);
    const page = (await (await thread(tokens.supA)).json()) as { items: (Comment & { attachments: { id: string }[] })[] };
    expect(page.items.at(-1)!.attachments.map((a) => a.id)).toEqual([upload.id]);
    const link = await api.request('GET', `/api/v1/attachments/${upload.id}`, { token: tokens.supA, headers: { accept: 'application/json' } });
    expect(link.status, await link.clone().text()).toBe(200);
    const { url } = (await link.json()) as { url: string };
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(bytes)).toBe(true);
    // The same file cannot go with a second comment; nothing is written.
    const before = await countComments();
    expect((await post(tokens.lead, { text: '再发一次', attachments: [upload.id] })).status).toBe(422);
    expect(await countComments()).toBe(before);
    // Someone who may not read the request cannot fetch it either.
    expect((await api.request('GET', `/api/v1/attachments/${upload.id}`, { token: tokens.stranger, headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('someone with no part and out of scope cannot read or write the thread: 404, as if it did not exist', async () => {
    expect((await thread(tokens.stranger)).status).toBe(404);
    const before = await countComments();
    expect((await post(tokens.stranger, { text: '路过' })).status).toBe(404);
    expect(await countComments()).toBe(before);
  });

  it('2001 characters are refused as “评论最多 2000 字”, an empty comment as 评论不能为空, an unknown mention naming it; nothing is written or mailed', async () => {
    const before = await countComments();
    const mailsBefore = (await inbox(api.mail!, 'c.outsider@example.com')).length;
    const long = await post(tokens.lead, { text: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ errors: [{ path: 'text', message: '评论最多 2000 字' }] });
    expect((await post(tokens.lead, { text: '长'.repeat(2000) })).status).toBe(201);
    const empty = await post(tokens.lead, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'COMMENT.EMPTY', errors: [{ path: 'text', message: '评论不能为空' }] });
    const unknown = await post(tokens.lead, { text: '请看 @某人', mentions: [userIds.outsider, 'no-such-user'] });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ code: 'COMMENT.MENTION_UNKNOWN', errors: [{ path: 'mentions[1]' }] });
    expect(await countComments()).toBe(before + 1);
    expect((await inbox(api.mail!, 'c.outsider@example.com')).length).toBe(mailsBefore);
  });
});
