import { describe, expect, it } from 'vitest';
import {
  candidateImportBody,
  mapCandidateHeaders,
  matchSource,
  needsDefaultSource,
  planCandidateImport,
  readyRows,
  refusalOf,
  type SourceOption,
} from '../../../admin/src/candidates/candidateImport.js';
import { manualMoves, needsReason } from '../../../admin/src/candidates/stageMoves.js';
import { createDataProvider } from '../../../admin/src/providers/dataProvider.js';
import type { Http, RequestOptions } from '../../../admin/src/providers/http.js';
import { readTable } from '../../../admin/src/import-export/readTable.js';

const SOURCES: SourceOption[] = [
  { key: 'boss', labelZh: 'BOSS直聘', labelEn: 'BOSS Zhipin' },
  { key: 'zhaopin', labelZh: '智联', labelEn: 'Zhaopin' },
  { key: '51job', labelZh: '前程无忧', labelEn: '51job' },
  { key: 'referral', labelZh: '内推', labelEn: 'Referral' },
];

const utf8 = (text: string) => new TextEncoder().encode(text);
const table = (headers: string[], ...rows: string[][]) => ({ headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) });

describe('importing candidates from a job board’s export (导入候选人, POLICIES.md §2 step 3)', () => {
  it('maps each board’s header words to name, mobile, email, source and notes', () => {
    expect(mapCandidateHeaders(['姓名', '手机号码', '电子邮箱', '渠道', '说明']).columns).toEqual({ name: 0, phone: 1, email: 2, source: 3, notes: 4 });
    expect(mapCandidateHeaders(['名字', '联系电话', '邮件', '来源', '备注']).columns).toEqual({ name: 0, phone: 1, email: 2, source: 3, notes: 4 });
    expect(mapCandidateHeaders(['Name', 'Mobile', 'E-mail', 'Source', 'Notes']).columns).toEqual({ name: 0, phone: 1, email: 2, source: 3, notes: 4 });
    expect(mapCandidateHeaders([' 姓名* ', '手机号（必填）', 'phone', '工作年限']).columns).toEqual({ name: 0, phone: 1 });
    expect(mapCandidateHeaders(['姓名', '电话', '手机', '工作年限']).unknown).toEqual(['手机', '工作年限']);
  });

  it('takes a source cell as the policy’s key or label, loosely; an unknown one falls back to the dialog’s default', () => {
    expect(matchSource('BOSS直聘', SOURCES)).toBe('boss');
    expect(matchSource('boss 直聘', SOURCES)).toBe('boss');
    expect(matchSource('51JOB', SOURCES)).toBe('51job');
    expect(matchSource('智联招聘', SOURCES)).toBe('zhaopin');
    expect(matchSource('猎聘', SOURCES)).toBeNull();
    const plan = planCandidateImport(table(['姓名', '手机', '来源'], ['张三', '13800000001', '猎聘'], ['李四', '13800000002', '内推']), SOURCES);
    expect(plan.rows.map((r) => r.source)).toEqual([null, 'referral']);
    expect(needsDefaultSource(plan)).toBe(true);
    expect(readyRows(plan, null).map((r) => r.name)).toEqual(['李四']);
    expect(candidateImportBody('op-1', plan.rows[0]!, 'boss')).toEqual({ openingId: 'op-1', name: '张三', phone: '13800000001', source: 'boss' });
  });

  it('reads a CSV saved by Chinese Excel in GBK, names intact', async () => {
    // 姓名,电话,来源 / 张三,13800000001,智联 in GBK (no BOM): not valid UTF-8.
    const bytes = Uint8Array.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x2c, 0xc0, 0xb4, 0xd4, 0xb4, 0x0d, 0x0a,
      0xd5, 0xc5, 0xc8, 0xfd, 0x2c, ...utf8('13800000001'), 0x2c, 0xd6, 0xc7, 0xc1, 0xaa, 0x0d, 0x0a,
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const plan = planCandidateImport(await readTable('boss.csv', bytes), SOURCES);
    expect(plan.missingName).toBe(false);
    expect(plan.rows).toEqual([{ line: 2, name: '张三', phone: '13800000001', email: '', notes: '', sourceText: '智联', source: 'zhaopin', problem: null }]);
  });

  it('skips empty rows and rows with nothing in its columns, keeping Excel’s line numbers', async () => {
    const plan = planCandidateImport(await readTable('a.csv', utf8('姓名,手机,工作年限\r\n张三,13800000001,3\r\n,,\r\n,,5\r\n李四,13800000002,1\r\n')), SOURCES);
    expect(plan.rows.map((r) => [r.line, r.name])).toEqual([[2, '张三'], [5, '李四']]);
  });

  it('reports a row without mobile and email (or without a name) before anything is sent', () => {
    const plan = planCandidateImport(table(['姓名', '手机', '邮箱'], ['王五', '', ''], ['', '13800000003', ''], ['赵六', '', 'z6@example.com']), SOURCES);
    expect(plan.rows.map((r) => r.problem)).toEqual(['contact_missing', 'name_missing', null]);
    expect(readyRows(plan, 'boss').map((r) => r.name)).toEqual(['赵六']);
  });

  it('says a file without a name column is not a candidate list', () => {
    expect(planCandidateImport(table(['工号', '手机'], ['N1', '13800000001']), SOURCES).missingName).toBe(true);
  });

  it('shows the server’s refusal of a row by its field, else its detail', () => {
    expect(refusalOf({ errors: { phone: '手机号码格式不正确', root: { serverError: '请求有误' } } }, '请求有误')).toEqual({ field: 'phone', message: '手机号码格式不正确' });
    expect(refusalOf({ code: 'OPENING.NOT_OPEN' }, '职位未在招聘中')).toEqual({ field: null, message: '职位未在招聘中' });
  });
});

describe('moving a candidate by hand before round 1', () => {
  it('offers 进入筛选 / 退回新投递 and the two ways out only from new and screening; leaving needs a reason', () => {
    expect(manualMoves('new')).toEqual(['screening', 'rejected', 'withdrawn']);
    expect(manualMoves('screening')).toEqual(['new', 'rejected', 'withdrawn']);
    expect(manualMoves('interview')).toEqual([]);
    expect(manualMoves('rejected')).toEqual([]);
    expect([needsReason('rejected'), needsReason('withdrawn'), needsReason('screening')]).toEqual([true, true, false]);
  });

  it('posts the move with the version read, a blank reason left out', async () => {
    const calls: Array<{ path: string; options: RequestOptions }> = [];
    const http = (async (path: string, options: RequestOptions = {}) => {
      calls.push({ path, options });
      return { status: 200, headers: new Headers(), json: { id: 'c 1', stage: 'screening' } };
    }) as Http;
    const dp = createDataProvider(http);
    await dp.moveCandidate('c 1', { stage: 'screening', reason: '  ', version: 3 });
    await dp.moveCandidate('c 1', { stage: 'rejected', reason: ' 经验不符 ', version: 4 });
    expect(calls.map((c) => [c.path, c.options.method, c.options.body])).toEqual([
      ['/candidates/c%201/stage', 'POST', { stage: 'screening', version: 3 }],
      ['/candidates/c%201/stage', 'POST', { stage: 'rejected', reason: '经验不符', version: 4 }],
    ]);
  });
});
