import { describe, expect, it } from 'vitest';
import type { PlannedRow } from '../../../admin/src/import-export/planImport.js';
import { chunk, MAX_BATCH, mergeProblems, problemsOf, runBatches, type SendBatch } from '../../../admin/src/import-export/runBatches.js';
import type { EmployeeBatchResult } from '../../../admin/src/providers/consoleMethods.js';

const row = (line: number, item: Record<string, unknown>, action: PlannedRow['action'] = 'create'): PlannedRow => ({
  line,
  display: {} as PlannedRow['display'],
  cells: [],
  action,
  item,
  problems: [],
});

/** A batch endpoint that creates every row except those named BAD, and records its calls. */
function fakeBatch() {
  const calls: Array<{ size: number; dryRun: boolean }> = [];
  const send: SendBatch = async (items, dryRun) => {
    calls.push({ size: items.length, dryRun });
    const results = items.map((item, index) =>
      item.name === 'BAD'
        ? { index, status: 400, id: null, item: null, code: 'REQUEST.INVALID', detail: '请求无效', errors: [{ path: 'email', message: '邮箱格式不正确', code: 'invalid_format' }] }
        : { index, status: 201, id: dryRun ? null : `id-${String(item.employeeNo)}`, item: null },
    );
    return { results, created: 0, updated: 0, failed: 0 } satisfies EmployeeBatchResult;
  };
  return { calls, send };
}

describe('importing in batches', () => {
  it('splits a list into batches of at most 500', () => {
    expect(MAX_BATCH).toBe(500);
    expect(chunk(Array.from({ length: 1201 }, (_, i) => i)).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(chunk([])).toEqual([]);
  });

  it('sends 1,201 rows as three calls, in order, and answers each row by its line', async () => {
    const { calls, send } = fakeBatch();
    const rows = Array.from({ length: 1201 }, (_, i) => row(i + 2, { employeeNo: `N${i}`, name: i === 700 ? 'BAD' : `P${i}` }));
    const progress: number[] = [];
    const outcomes = await runBatches(rows, send, { dryRun: false, onProgress: (done) => progress.push(done) });
    expect(calls).toEqual([{ size: 500, dryRun: false }, { size: 500, dryRun: false }, { size: 201, dryRun: false }]);
    expect(progress).toEqual([0, 500, 1000, 1201]);
    expect(outcomes.size).toBe(1201);
    expect(outcomes.get(2)).toEqual({ line: 2, status: 201, id: 'id-N0', problems: [] });
    expect(outcomes.get(702)).toEqual({ line: 702, status: 400, id: null, problems: [{ column: 'email', message: '邮箱格式不正确' }] });
    expect(outcomes.get(1202)?.id).toBe('id-N1200');
  });

  it('when a call fails as a whole, its rows may be unwritten and later rows were not sent: every one of them says so', async () => {
    let calls = 0;
    const send: SendBatch = async (items) => {
      calls += 1;
      if (calls === 2) throw new Error('网络中断');
      return { created: items.length, updated: 0, failed: 0, results: items.map((_, index) => ({ index, status: 201, id: `id${index}`, item: null })) };
    };
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 2, { employeeNo: `N${i}` }));
    const outcomes = await runBatches(rows, send, { dryRun: false, size: 2 });
    expect(calls).toBe(2);
    expect([...outcomes.values()].map((o) => [o.line, o.status, o.problems[0]?.message ?? null])).toEqual([
      [2, 201, null],
      [3, 201, null],
      [4, 0, 'app.import_export.errors.batch_failed'],
      [5, 0, 'app.import_export.errors.batch_failed'],
      [6, 0, 'app.import_export.errors.not_sent'],
    ]);
    expect(outcomes.get(6)?.problems[0]?.params).toEqual({ detail: '网络中断' });
  });

  it('skips unchanged rows', async () => {
    const { calls, send } = fakeBatch();
    const unchanged: PlannedRow = { ...row(3, {}), action: 'unchanged', item: undefined };
    const outcomes = await runBatches([row(2, { employeeNo: 'A' }), unchanged], send, { dryRun: true });
    expect(calls).toEqual([{ size: 1, dryRun: true }]);
    expect([...outcomes.keys()]).toEqual([2]);
  });

  it('in a dry run, a superior an earlier row creates (same batch or an earlier one) is not held against a row', async () => {
    // A dry run writes nothing: the server knows no superior from the file.
    const send: SendBatch = async (items) => ({
      created: 0, updated: 0, failed: 0,
      results: items.map((item, index) =>
        item.superiorNo
          ? { index, status: 422, id: null, item: null, code: 'EMPLOYEE.SUPERIOR_NOT_FOUND', detail: '找不到上级', errors: [{ path: 'superiorId', message: '找不到上级', code: 'EMPLOYEE.SUPERIOR_NOT_FOUND' }] }
          : { index, status: 201, id: null, item: null },
      ),
    });
    const rows = [
      row(2, { employeeNo: 'BOSS' }),
      row(3, { employeeNo: 'A', superiorNo: 'BOSS' }),
      row(4, { employeeNo: 'B', superiorNo: 'boss' }),
      row(5, { employeeNo: 'C', superiorNo: 'NOBODY' }),
      row(6, { employeeNo: 'D', superiorNo: 'LATER' }),
      row(7, { employeeNo: 'LATER' }),
    ];
    for (const size of [1, 500]) {
      const outcomes = await runBatches(rows, send, { dryRun: true, size });
      expect([...outcomes.values()].map((o) => o.status)).toEqual([201, 201, 201, 422, 422, 201]);
    }
  });

  it('a superior whose own row has a problem does not excuse the rows under it', async () => {
    const send: SendBatch = async (items) => ({
      created: 0, updated: 0, failed: 0,
      results: items.map((item, index) =>
        item.superiorNo ? { index, status: 422, id: null, item: null, errors: [{ path: 'superiorId', message: 'x', code: 'x' }] } : { index, status: 201, id: null, item: null },
      ),
    });
    const boss: PlannedRow = { ...row(2, { employeeNo: 'BOSS' }), problems: [{ column: 'team', message: 'app.import_export.errors.unknown_team' }] };
    const outcomes = await runBatches([boss, row(3, { employeeNo: 'A', superiorNo: 'BOSS' })], send, { dryRun: true });
    expect(outcomes.get(3)?.status).toBe(422);
  });
});

describe('a refused row’s problems', () => {
  it('land on the cells their paths name (superiorId and teamId on 上级工号 and 团队)', () => {
    const problems = problemsOf({
      index: 0, status: 400, id: null, item: null, code: 'REQUEST.INVALID', detail: '请求无效',
      errors: [{ path: 'superiorId', message: 'a', code: 'x' }, { path: 'teamId', message: 'b', code: 'x' }, { path: '(body)', message: 'c', code: 'x' }],
    });
    expect(problems).toEqual([{ column: 'superiorNo', message: 'a' }, { column: 'team', message: 'b' }, { column: null, message: 'c' }]);
  });

  it('without field errors (a version conflict) are the row’s', () => {
    expect(problemsOf({ index: 0, status: 409, id: 'e', item: null, code: 'RECORD.VERSION_CONFLICT', detail: '记录已被他人修改' })).toEqual([
      { column: null, message: '记录已被他人修改' },
    ]);
  });

  it('keep the console’s message for a cell and add the server’s for the others', () => {
    const own = [{ column: 'post' as const, message: 'unknown' }];
    const server = [{ column: 'post' as const, message: 'Required' }, { column: 'email' as const, message: 'bad' }];
    expect(mergeProblems(own, server)).toEqual([own[0], server[1]]);
  });
});
