import { describe, expect, it } from 'vitest';
import { byStage, candidateBody, isDuplicate, localDateTimeToIso, nextRound } from '../../../admin/src/candidates/candidateStages.js';
import type { CandidateHiring } from '../../../admin/src/candidates/types.js';
import { freeHeads, openingVerbs } from '../../../admin/src/openings/types.js';
import { canManageRecruitment } from '../../../admin/src/openings/recruitmentAccess.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';

function fakeHttp(answer: unknown) {
  const calls: Array<{ path: string; options: RequestOptions }> = [];
  const http = (async (path: string, options: RequestOptions = {}) => {
    calls.push({ path, options });
    return { status: 200, headers: new Headers(), json: answer };
  }) as Http;
  return { calls, http };
}

describe('the opening panel (招聘职位, POLICIES.md §2 step 3)', () => {
  it('offers HR the verbs the API takes from each status: pause an open one, reopen a paused one, cancel either; none once filled or cancelled', () => {
    expect(openingVerbs('open')).toEqual(['pause', 'cancel']);
    expect(openingVerbs('paused')).toEqual(['reopen', 'cancel']);
    expect(openingVerbs('filled')).toEqual([]);
    expect(openingVerbs('cancelled')).toEqual([]);
  });

  it('the free heads are those neither filled nor held by an offer', () => {
    expect(freeHeads({ open: 3 })).toBe(3);
    expect(freeHeads({ open: 3, held: 1 })).toBe(2);
    expect(freeHeads({ open: 1, held: 2 })).toBe(0);
  });

  it('only HR and administrators act on openings and candidates (recruitment:manage)', () => {
    expect(canManageRecruitment(['hr'])).toBe(true);
    expect(canManageRecruitment(['admin'])).toBe(true);
    for (const role of ['supervisor', 'cs_manager', 'gm', 'agent']) expect(canManageRecruitment([role]), role).toBe(false);
    expect(canManageRecruitment(undefined)).toBe(false);
  });
});

describe('the candidates board and form', () => {
  it('the board has one column per stage, in the order a candidate moves, those who left last; a duplicate is flagged', () => {
    const columns = byStage([
      { id: 'a', stage: 'interview' as const, duplicateOf: [] },
      { id: 'b', stage: 'new' as const, duplicateOf: ['a'] },
      { id: 'c', stage: 'new' as const, duplicateOf: [] },
    ]);
    expect(columns.map((c) => c.stage)).toEqual(['new', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn']);
    expect(columns[0]!.candidates.map((c) => c.id)).toEqual(['b', 'c']);
    expect(columns[2]!.candidates.map((c) => c.id)).toEqual(['a']);
    expect(isDuplicate(columns[0]!.candidates[0]!)).toBe(true);
    expect(isDuplicate(columns[0]!.candidates[1]!)).toBe(false);
  });

  it('sends what was filled in: blanks left out (phone or email may be missing), text trimmed, the CV as its attachment id', () => {
    expect(candidateBody('o1', { name: ' 林一 ', phone: '138 0013 8000', email: '  ', source: 'boss', notes: '' }, undefined)).toEqual({ openingId: 'o1', name: '林一', phone: '138 0013 8000', source: 'boss' });
    expect(candidateBody('o1', { name: '林一', email: 'lin@example.com', source: 'referral', notes: '内推' }, 'att1')).toEqual({ openingId: 'o1', name: '林一', email: 'lin@example.com', source: 'referral', notes: '内推', cv: 'att1' });
  });

  it('安排面试 proposes the first round not yet scheduled', () => {
    const round = (n: number, scheduled: boolean) => ({ round: n, label: `#${n}`, mode: 'any' as const, interview: scheduled ? { at: '', place: '', scheduledByName: '', interviewers: [] } : null, answers: [], average: null });
    const hiring = (rounds: ReturnType<typeof round>[]): CandidateHiring => ({ id: 'h', status: 'interviewing', statusLabel: '', currentStep: null, currentStepLabel: null, rounds });
    expect(nextRound(null)).toBe(1);
    expect(nextRound(hiring([round(1, true), round(2, false)]))).toBe(2);
    expect(nextRound(hiring([round(1, true), round(2, true)]))).toBe(2);
  });

  it('a local date-time from the picker goes to the API as an ISO instant', () => {
    expect(localDateTimeToIso('2026-12-10T10:00')).toBe(new Date('2026-12-10T10:00').toISOString());
    expect(localDateTimeToIso('not a date')).toBe('not a date');
  });
});

describe('openings and candidates in the data provider', () => {
  it('lists an opening’s candidates and adds one with POST /candidates (with an Idempotency-Key)', async () => {
    const { calls, http } = fakeHttp({ items: [], nextCursor: null, id: 'c1', duplicateOf: [] });
    const provider = createDataProvider(http);
    await provider.getList('candidates', { filter: { openingId: 'o1' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } });
    await provider.create('candidates', { data: { openingId: 'o1', name: '林一', phone: '13800138000', source: 'boss' } });
    expect(calls[0]).toMatchObject({ path: '/candidates', options: { query: { openingId: 'o1', limit: 200 } } });
    expect(calls[1]).toMatchObject({ path: '/candidates', options: { method: 'POST', body: { openingId: 'o1', name: '林一', phone: '13800138000', source: 'boss' } } });
    expect(calls[1]?.options.headers?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('HR’s verbs on an opening carry the reason; the job text, the CV link and 安排面试 have their own routes', async () => {
    const { calls, http } = fakeHttp({ id: 'o1', text: '【招聘】', url: 'http://s3/cv', hiringId: 'h1' });
    const provider = createDataProvider(http);
    await provider.changeOpening('o/1', 'pause', '春节暂停');
    await provider.getOpeningJobText('o1');
    await provider.candidateCvLink('c1');
    const interview = { candidateId: 'c1', round: 1, at: '2026-12-10T02:00:00.000Z', place: '3楼会议室', interviewerIds: ['e1'] };
    await provider.scheduleInterview(interview);
    expect(calls.map((c) => [c.options.method ?? 'GET', c.path])).toEqual([
      ['POST', '/openings/o%2F1/pause'], ['GET', '/openings/o1/job-text'], ['GET', '/candidates/c1/cv'], ['POST', '/interviews'],
    ]);
    expect(calls[0]?.options.body).toEqual({ reason: '春节暂停' });
    expect(calls[2]?.options.headers).toEqual({ Accept: 'application/json' });
    expect(calls[3]?.options.body).toEqual(interview);
  });
});
