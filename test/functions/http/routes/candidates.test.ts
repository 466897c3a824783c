import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, companyToday } from '../../../../functions/domain/people/dates.js';
import { newId } from '../../../../functions/storage/ids.js';
import { getOpening, openingCreate, openingPut, type Opening, type OpeningStatus } from '../../../../functions/storage/openings.js';
import { transact } from '../../../../functions/storage/transact.js';
import { testApi, type TestApi } from '../../../support/api.js';
import { until } from '../../../support/mail.js';
import { buildOrg, type TestOrg } from '../../../support/org.js';

/**
 * Candidates (#14, POLICIES.md §2 step 3) on the real parts: a requisition approved along its
 * chain on the local engine opens the opening; HR adds candidates to it; a mobile or email seen
 * before flags the new candidate with the earlier ones; personal data is for HR, the
 * administrator, the requester and the requisition's approvers (§8), and every look at a CV is
 * audited.
 */
let api: TestApi;
let org: TestOrg;
let openingId: string;
let otherOpeningId: string;
type Who = 'hr' | 'supA' | 'supB' | 'manager' | 'gm' | 'agent' | 'admin';
const tokens = {} as Record<Who, string>;
const userIds = {} as Record<Who, string>;

interface Problem { status: number; code: string; detail: string; errors?: { path: string; code: string; message: string }[] }
interface Candidate {
  id: string; openingId: string; name: string; phone: string | null; email: string | null; source: string; sourceLabel: string; notes: string | null;
  cv: { id: string; fileName: string } | null; stage: string; stageLabel: string; duplicateOf: string[];
  duplicates?: { id: string; openingId: string; openingTitle: string | null; stage: string; stageLabel: string }[];
}
interface Audit { action: string; actorId: string | null; after: Record<string, unknown> | null }
interface Task { id: string; requestId: string; stepKey: string }

const cvBytes = Buffer.from('%PDF-1.4 简历 — 测试文件\n', 'utf8');

beforeAll(async () => {
  api = await testApi({ workflows: true });
  // s3rver judges a presigned URL's expiry by the machine's clock: run on today's time.
  api.clock.now = new Date();
  org = await buildOrg(api);
  tokens.hr = org.hr;
  tokens.supA = await api.signIn(['supervisor'], org.supA.id);
  tokens.supB = await api.signIn(['supervisor'], org.supB.id);
  tokens.manager = await api.signIn(['cs_manager'], org.csManager.id);
  tokens.gm = await api.signIn(['gm'], org.gm.id);
  tokens.agent = await api.signIn(['agent'], org.agentA1.id);
  tokens.admin = await api.signIn(['admin']);
  for (const who of Object.keys(tokens) as Who[]) userIds[who] = ((await (await api.request('GET', '/api/v1/users/me', { token: tokens[who] })).json()) as { id: string }).id;

  // supA's requisition, approved by the CS manager, HR and the GM: its opening opens.
  const raised = await api.request('POST', '/api/v1/requisitions', {
    token: tokens.supA,
    body: { post: 'agent', teamId: org.units.center, headcount: 2, reason: '旺季增员', requirements: '普通话标准', level: 'trainee', wantedBy: addDays(companyToday(api.clock.now), 30) },
  });
  expect(raised.status, await raised.clone().text()).toBe(201);
  openingId = ((await raised.json()) as { id: string }).id;
  for (const [who, step] of [['manager', 'cs_manager'], ['hr', 'hr'], ['gm', 'gm']] as const) {
    const task = await until(async () => {
      const page = (await (await api.request('GET', '/api/v1/approvals?status=pending', { token: tokens[who] })).json()) as { items: Task[] };
      return page.items.find((t) => t.requestId === openingId && t.stepKey === step);
    }, `${who}'s task`);
    const res = await api.request('POST', `/api/v1/approvals/${task.id}/decision`, { token: tokens[who], body: { decision: 'approve', comment: '同意' } });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  await until(async () => (await getOpening(api.store, openingId))?.status === 'open', 'the opening to open', 30_000);

  // A second open opening, raised by nobody here (as another team's would be).
  otherOpeningId = newId();
  const at = api.clock.now.toISOString();
  const other: Opening = {
    id: otherOpeningId, requisitionId: otherOpeningId, post: 'team_lead', teamId: org.units.scenic, teamName: '景区客服', level: 'senior', salaryMin: 3000, salaryMax: 3600,
    headcount: 1, filled: 0, status: 'open', statusReason: null, requesterId: null, requesterName: null, scopePath: 'x', createdAt: at, updatedAt: at, version: 1,
  };
  await transact(api.store, [openingCreate(api.store, other)]);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

let phoneSeq = 0;
/** A fresh mainland mobile per call, so tests do not flag each other's candidates. */
const freshPhone = () => `139${String(10_000_000 + ++phoneSeq * 7919).slice(-8)}`;
const add = (over: Record<string, unknown> = {}, token = tokens.hr) =>
  api.request('POST', '/api/v1/candidates', { token, body: { openingId, name: '韩梅梅', phone: freshPhone(), source: 'boss', ...over } });
async function added(over: Record<string, unknown> = {}): Promise<Candidate> {
  const res = await add(over);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Candidate;
}
async function count(id = openingId): Promise<number> {
  const page = (await (await api.request('GET', `/api/v1/candidates?openingId=${id}&limit=200`, { token: tokens.hr })).json()) as { items: unknown[] };
  return page.items.length;
}
async function trail(candidateId: string): Promise<Audit[]> {
  const res = await api.request('GET', `/api/v1/audit?entityType=candidate&entityId=${candidateId}`, { token: tokens.hr });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Audit[] }).items;
}
async function setStatus(status: OpeningStatus): Promise<void> {
  const current = (await getOpening(api.store, openingId))!;
  await transact(api.store, [openingPut(api.store, { ...current, status, version: current.version + 1 }, current)]);
}
async function uploadCv(token: string, fileName = '简历.pdf'): Promise<string> {
  const res = await api.request('POST', '/api/v1/attachments', { token, body: { fileName, contentType: 'application/pdf', size: cvBytes.length } });
  expect(res.status, await res.clone().text()).toBe(201);
  const u = (await res.json()) as { id: string; uploadUrl: string; method: string; headers: Record<string, string> };
  expect((await fetch(u.uploadUrl, { method: u.method, headers: u.headers, body: cvBytes })).status).toBe(200);
  return u.id;
}

describe('adding a candidate (#14)', () => {
  it('HR adds one to an open opening: 201 {id, stage new, duplicateOf []}, the mobile and email normalised, the create audited without personal data', async () => {
    const res = await add({ name: '  李雷 ', phone: '+86 136-0000-1111', email: ' Li.Lei@Example.COM ', source: 'referral', notes: '同事推荐\n有客服经验' });
    expect(res.status, await res.clone().text()).toBe(201);
    const c = (await res.json()) as Candidate;
    expect(c).toMatchObject({ openingId, name: '李雷', phone: '13600001111', email: 'li.lei@example.com', source: 'referral', sourceLabel: '内部推荐', stage: 'new', stageLabel: '新投递', duplicateOf: [], cv: null });
    const audit = await trail(c.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: userIds.hr, after: expect.objectContaining({ openingId, source: 'referral', duplicateOf: [] }) })]);
    expect(JSON.stringify(audit)).not.toMatch(/13600001111|li\.lei|李雷/);
  });

  it('refuses each bad input with a clear 4xx naming the field, and writes nothing', async () => {
    const before = await count();
    const reused = freshPhone();
    const cases: [string, Record<string, unknown>, number, string, string][] = [
      ['no phone and no email', { phone: undefined }, 400, 'CANDIDATE.CONTACT_REQUIRED', 'phone'],
      ['a blank phone and a blank email', { phone: ' ', email: '' }, 400, 'CANDIDATE.CONTACT_REQUIRED', 'email'],
      ['a phone that is no mainland mobile', { phone: '010-12345678' }, 400, 'CANDIDATE.PHONE_FORMAT', 'phone'],
      ['an email that is none', { email: 'li.lei-at-example.com' }, 400, 'CANDIDATE.EMAIL_FORMAT', 'email'],
      ['a source the policy does not list', { phone: reused, source: 'linkedin' }, 400, 'CANDIDATE.SOURCE_UNKNOWN', 'source'],
      ['no name', { phone: reused, name: undefined }, 400, 'invalid_type', 'name'],
      ['a blank name', { name: '   ' }, 400, 'too_small', 'name'],
      ['a tab in the name', { phone: reused, name: '韩\t梅梅' }, 400, 'text.control', 'name'],
      ['a line break in the name', { name: '韩梅梅\r\nBcc: x@example.com' }, 400, 'text.control', 'name'],
      ['a direction override in the name', { name: '韩梅梅\u202Egpj.exe' }, 400, 'text.direction', 'name'],
      ['an opening that does not exist', { openingId: 'no-such-opening' }, 404, 'OPENING.NOT_FOUND', 'openingId'],
      ['a CV id that is no upload', { cv: '0000000000000000' }, 422, 'ATTACHMENT.INVALID', 'cv'],
      ['an unknown field', { nickname: '小韩' }, 400, 'unrecognized_key', 'nickname'],
    ];
    for (const [what, over, status, code, field] of cases) {
      const res = await add(over);
      expect(res.status, what).toBe(status);
      expect(res.headers.get('content-type'), what).toContain('application/problem+json');
      const p = (await res.json()) as Problem;
      expect(p.errors?.map((e) => e.path), what).toContain(field);
      expect(JSON.stringify(p), what).toContain(code);
    }
    // Both contact fields are named when neither is given.
    const none = (await (await add({ phone: undefined })).json()) as Problem;
    expect(none.errors?.map((e) => e.path)).toEqual(['phone', 'email']);
    expect(none.detail).toBe('手机号和邮箱至少填写一项');
    const unknown = (await (await add({ source: 'linkedin' })).json()) as Problem;
    expect(unknown.detail).toContain('boss, zhaopin, 51job, referral, walk_in, other');
    expect(await count()).toBe(before);
    // Nothing was indexed either: the mobile the refused ones carried is new to the next one.
    expect((await added({ phone: reused })).duplicateOf).toEqual([]);
  });

  it('an opening that is paused, filled or cancelled takes no candidates: 409 OPENING.CLOSED with its status in words', async () => {
    const before = await count();
    const words: [OpeningStatus, string, string][] = [['paused', '已暂停', 'paused'], ['filled', '已招满', 'filled'], ['cancelled', '已取消', 'cancelled']];
    try {
      for (const [status, zh, en] of words) {
        await setStatus(status);
        const res = await add();
        expect(res.status, status).toBe(409);
        const p = (await res.json()) as Problem & { openingStatus: string };
        expect(p).toMatchObject({ code: 'OPENING.CLOSED', openingStatus: status, errors: [{ path: 'openingId' }] });
        expect(p.detail).toContain(zh);
        const inEnglish = await api.request('POST', '/api/v1/candidates', { token: tokens.hr, headers: { 'accept-language': 'en' }, body: { openingId, name: 'Han', phone: freshPhone(), source: 'boss' } });
        expect(((await inEnglish.json()) as Problem).detail).toBe(`The opening is ${en}: no more candidates or interviews`);
      }
    } finally {
      await setStatus('open');
    }
    expect(await count()).toBe(before);
  });

  it('only HR (and the administrator) add candidates: a requester or an agent gets 403', async () => {
    expect((await add({}, tokens.supA)).status).toBe(403);
    expect((await add({}, tokens.agent)).status).toBe(403);
    expect((await add({}, tokens.admin)).status).toBe(201);
  });
});

describe('duplicates (#14): the same mobile or email as an earlier candidate, any opening', () => {
  it('a duplicate phone and a duplicate email are flagged with the earlier ids, oldest first, and never merged; GET shows each with its opening and stage', async () => {
    const phone = freshPhone();
    const first = await added({ phone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, email: 'zhang.wei@example.com' });
    // The same mobile written another way, for another opening.
    const samePhone = await added({ openingId: otherOpeningId, phone: `+86-${phone}`, email: undefined, source: 'zhaopin' });
    expect(samePhone.duplicateOf).toEqual([first.id]);
    // The same address in other case, without a phone.
    const sameEmail = await added({ phone: undefined, email: 'Zhang.Wei@EXAMPLE.com' });
    expect(sameEmail.duplicateOf).toEqual([first.id]);
    // Both: every earlier one, each once, in the order they were added.
    const both = await added({ phone, email: 'zhang.wei@example.com' });
    expect(both.duplicateOf).toEqual([first.id, samePhone.id, sameEmail.id]);
    // Stored as separate candidates; the earlier one is not changed.
    const earlier = (await (await api.request('GET', `/api/v1/candidates/${first.id}`, { token: tokens.hr })).json()) as Candidate;
    expect(earlier.duplicateOf).toEqual([]);

    const shown = (await (await api.request('GET', `/api/v1/candidates/${both.id}`, { token: tokens.hr })).json()) as Candidate;
    expect(shown.duplicates).toEqual([
      { id: first.id, openingId, openingTitle: '专员（客户服务中心）', stage: 'new', stageLabel: '新投递', createdAt: expect.any(String) },
      { id: samePhone.id, openingId: otherOpeningId, openingTitle: '组长（景区客服）', stage: 'new', stageLabel: '新投递', createdAt: expect.any(String) },
      { id: sameEmail.id, openingId, openingTitle: '专员（客户服务中心）', stage: 'new', stageLabel: '新投递', createdAt: expect.any(String) },
    ]);
    const audit = await trail(both.id);
    expect(audit[0]?.after?.duplicateOf).toEqual([first.id, samePhone.id, sameEmail.id]);
  });

  it('two people adding the same applicant at the same moment: the second is still flagged', async () => {
    const phone = freshPhone();
    const [a, b] = await Promise.all([added({ phone }), added({ phone, openingId: otherOpeningId })]);
    const flags = [a.duplicateOf, b.duplicateOf].sort((x, y) => x.length - y.length);
    expect(flags[0]).toEqual([]);
    expect(flags[1]).toHaveLength(1);
    expect([a.id, b.id]).toContain(flags[1]![0]);
  });
});

describe('who sees candidates (#14; POLICIES.md §8)', () => {
  let candidate: Candidate;
  let elsewhere: Candidate;
  beforeAll(async () => {
    candidate = await added({ name: '王芳', email: 'wang.fang@example.com' });
    elsewhere = await added({ name: '赵强', openingId: otherOpeningId });
  });

  it('HR, the administrator, the requester and the requisition’s approvers (CS manager, GM) see the opening’s candidates', async () => {
    for (const who of ['hr', 'admin', 'supA', 'manager', 'gm'] as const) {
      const one = await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens[who] });
      expect(one.status, who).toBe(200);
      expect(((await one.json()) as Candidate).email, who).toBe('wang.fang@example.com');
      const list = await api.request('GET', `/api/v1/candidates?openingId=${openingId}`, { token: tokens[who] });
      expect(list.status, who).toBe(200);
      expect(((await list.json()) as { items: Candidate[] }).items.map((c) => c.id), who).toContain(candidate.id);
    }
  });

  it('an agent who does not interview them and an unrelated supervisor get 404, as for a candidate that does not exist (an agent may not list an opening: 403); the requester does not see another opening’s', async () => {
    expect((await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens.agent })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/candidates?openingId=${openingId}`, { token: tokens.agent })).status).toBe(403);
    const hidden = await api.request('GET', `/api/v1/candidates/${candidate.id}`, { token: tokens.supB });
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as Problem).code).toBe('CANDIDATE.NOT_FOUND');
    expect((await api.request('GET', '/api/v1/candidates/0000000000000000', { token: tokens.supB })).status).toBe(404);
    const list = await api.request('GET', `/api/v1/candidates?openingId=${openingId}`, { token: tokens.supB });
    expect(list.status).toBe(404);
    expect(await list.json()).toMatchObject({ code: 'OPENING.NOT_FOUND', errors: [{ path: 'openingId' }] });
    expect((await api.request('GET', `/api/v1/candidates/${elsewhere.id}`, { token: tokens.supA })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/candidates?openingId=${otherOpeningId}`, { token: tokens.manager })).status).toBe(404);
  });

  it('lists page with a cursor, newest first', async () => {
    const total = await count();
    const first = (await (await api.request('GET', `/api/v1/candidates?openingId=${openingId}&limit=2`, { token: tokens.hr })).json()) as { items: Candidate[]; nextCursor: string | null };
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const rest: Candidate[] = [];
    for (let cursor = first.nextCursor; cursor;) {
      const page = (await (await api.request('GET', `/api/v1/candidates?openingId=${openingId}&limit=2&cursor=${encodeURIComponent(cursor)}`, { token: tokens.hr })).json()) as { items: Candidate[]; nextCursor: string | null };
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = [...first.items, ...rest].map((c) => c.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect([...ids].sort().reverse()).toEqual(ids);
    // A cursor of one opening's list is refused on another's.
    const other = await api.request('GET', `/api/v1/candidates?openingId=${otherOpeningId}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: tokens.hr });
    expect(other.status).toBe(400);
  });
});

describe('the CV (#14; every look audited, POLICIES.md §8)', () => {
  let withCv: Candidate;
  let cvId: string;
  beforeAll(async () => {
    cvId = await uploadCv(tokens.hr);
    withCv = await added({ name: '陈静', cv: cvId });
  });

  it('is claimed for the candidate: shown on it, and refused for a second candidate naming cv', async () => {
    expect(withCv.cv).toEqual({ id: cvId, fileName: '简历.pdf', contentType: 'application/pdf', size: cvBytes.length });
    const again = await add({ cv: cvId });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: 'ATTACHMENT.INVALID', errors: [{ path: 'cv' }] });
    // Another person's upload is not HR's to attach.
    const theirs = await uploadCv(tokens.supA);
    expect((await add({ cv: theirs })).status).toBe(422);
  });

  it('the requester reads it through GET /candidates/{id}/cv, HR through GET /attachments/{id}: the same bytes, each look on the candidate’s trail with who and when', async () => {
    const viaCandidate = await api.request('GET', `/api/v1/candidates/${withCv.id}/cv`, { token: tokens.supA });
    expect(viaCandidate.status, await viaCandidate.clone().text()).toBe(302);
    const got = await fetch(viaCandidate.headers.get('location')!);
    expect(Buffer.from(await got.arrayBuffer()).equals(cvBytes)).toBe(true);
    const viaAttachment = await api.request('GET', `/api/v1/attachments/${cvId}`, { token: tokens.hr, headers: { accept: 'application/json' } });
    expect(viaAttachment.status).toBe(200);
    const { url } = (await viaAttachment.json()) as { url: string };
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(cvBytes)).toBe(true);

    const views = (await trail(withCv.id)).filter((a) => a.action === 'cv_view');
    expect(views.map((v) => v.actorId).sort()).toEqual([userIds.supA, userIds.hr].sort());
    expect(views.every((v) => v.after?.attachmentId === cvId)).toBe(true);
    const fileTrail = (await (await api.request('GET', `/api/v1/audit?entityType=attachment&entityId=${cvId}`, { token: tokens.hr })).json()) as { items: Audit[] };
    expect(fileTrail.items.filter((a) => a.action === 'download')).toHaveLength(2);
  });

  it('nobody else reads it, by either route (404), and nothing is recorded for them; a candidate without a CV answers 404 CANDIDATE.NO_CV', async () => {
    const before = (await trail(withCv.id)).length;
    for (const who of ['supB', 'agent'] as const) {
      expect((await api.request('GET', `/api/v1/attachments/${cvId}`, { token: tokens[who] })).status, who).toBe(404);
    }
    expect((await api.request('GET', `/api/v1/candidates/${withCv.id}/cv`, { token: tokens.supB })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/candidates/${withCv.id}/cv`, { token: tokens.agent })).status).toBe(404);
    expect((await trail(withCv.id)).length).toBe(before);
    const noCv = await added();
    const res = await api.request('GET', `/api/v1/candidates/${noCv.id}/cv`, { token: tokens.hr });
    expect(res.status).toBe(404);
    expect(((await res.json()) as Problem).code).toBe('CANDIDATE.NO_CV');
  });
});

describe('moving a candidate before the interviews (#14: the pipeline board)', () => {
  const move = (id: string, body: Record<string, unknown>, token = tokens.hr) => api.request('POST', `/api/v1/candidates/${id}/stage`, { token, body });

  it('HR moves new → screening → new, and out with a reason; each move audited; bad moves are named and change nothing', async () => {
    const c = (await added()) as Candidate & { version: number };
    const screened = await move(c.id, { stage: 'screening', version: c.version });
    expect(screened.status, await screened.clone().text()).toBe(200);
    const s = (await screened.json()) as Candidate & { stageLabel: string; version: number };
    expect(s).toMatchObject({ stage: 'screening', stageLabel: '简历筛选', version: c.version + 1 });
    // A stale version is a conflict; leaving without a reason is refused; a stage the processes own is refused.
    expect((await move(c.id, { stage: 'new', version: c.version })).status).toBe(409);
    const noReason = await move(c.id, { stage: 'rejected', version: s.version });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('reason');
    const toOffer = await move(c.id, { stage: 'offer', version: s.version });
    expect(toOffer.status).toBe(400);
    expect(JSON.stringify(await toOffer.json())).toContain('stage');
    // Only HR moves candidates.
    expect((await move(c.id, { stage: 'new', version: s.version }, tokens.agent)).status).toBe(403);
    const out = await move(c.id, { stage: 'rejected', reason: '经验不符', version: s.version });
    expect(out.status).toBe(200);
    // Out is out: no move back by hand.
    const back = await move(c.id, { stage: 'new', version: s.version + 1 });
    expect(back.status).toBe(409);
    expect(((await back.json()) as { code: string }).code).toBe('CANDIDATE.STAGE_MOVE');
    const moves = (await trail(c.id)).filter((e) => e.action === 'stage');
    expect(moves.map((e) => (e.after as { stage: string }).stage)).toEqual(expect.arrayContaining(['screening', 'rejected']));
  });
});
