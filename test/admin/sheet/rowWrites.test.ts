import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { problemToHttpError } from '../../../admin/src/providers/http.js';
import { RowWrites, type CellStatus, type Conflict } from '../../../admin/src/sheet/rowWrites.js';
import type { CellValue, SheetRow } from '../../../admin/src/sheet/types.js';
import { classifyWriteError } from '../../../admin/src/sheet/writeErrors.js';

interface Person extends SheetRow {
  phone: string;
  name: string;
}

/** A server holding one record with a version; `refuse` answers a field error, `stale` a conflict. */
function harness(start: Person) {
  let stored: Person = { ...start };
  const shown: Person[] = [];
  const statuses: Array<[string, CellStatus | null]> = [];
  const conflicts: Conflict[] = [];
  const sent: Array<{ version: number | undefined; changes: Record<string, CellValue> }> = [];
  let gate: Promise<void> = Promise.resolve();
  const writes = new RowWrites({
    async update(before, changes) {
      sent.push({ version: before.version, changes });
      await gate;
      if (changes.phone === 'abc') throw problemToHttpError(400, { code: 'REQUEST.INVALID', detail: '请求内容有误', errors: [{ path: 'phone', message: '电话格式不正确' }] });
      if (before.version !== stored.version) throw problemToHttpError(409, { code: 'RECORD.VERSION_CONFLICT', detail: '记录已被他人修改', current: stored });
      stored = { ...stored, ...changes, version: (stored.version ?? 0) + 1 } as Person;
      return stored;
    },
    classify: classifyWriteError,
    reload: async () => stored,
    show: (row) => shown.push(row as Person),
    status: (id, field, status) => statuses.push([field, status]),
    conflict: (c) => conflicts.push(c),
  });
  return {
    writes, shown, statuses, conflicts, sent,
    get stored() { return stored; },
    changeOnServer(changes: Partial<Person>) { stored = { ...stored, ...changes, version: (stored.version ?? 0) + 1 }; },
    hold() { let release!: () => void; gate = new Promise((r) => (release = r)); return () => release(); },
  };
}

const zhang: Person = { id: 'e1', version: 3, phone: '13800138000', name: '张三' };

describe('inline edits of a row', () => {
  it('show the new value at once, then the saved record with its new version', async () => {
    const h = harness(zhang);
    const release = h.hold();
    const done = h.writes.edit(zhang, 'phone', '13900139000');
    expect(h.shown.at(-1)).toMatchObject({ phone: '13900139000', version: 3 });
    expect(h.statuses.at(-1)).toEqual(['phone', { kind: 'saving' }]);
    release();
    await done;
    expect(h.shown.at(-1)).toMatchObject({ phone: '13900139000', version: 4 });
    expect(h.statuses.at(-1)).toEqual(['phone', null]);
    expect(h.sent).toEqual([{ version: 3, changes: { phone: '13900139000' } }]);
  });

  it('roll back a value the server refuses and put its message on the cell', async () => {
    const h = harness(zhang);
    await h.writes.edit(zhang, 'phone', 'abc');
    expect(h.shown.at(-1)).toEqual(zhang);
    expect(h.statuses.at(-1)).toEqual(['phone', { kind: 'error', message: '电话格式不正确' }]);
  });

  it('go out one after another, each on the version the one before returned, while both show at once', async () => {
    const h = harness(zhang);
    const release = h.hold();
    h.writes.edit(zhang, 'phone', '13900139000');
    const second = h.writes.edit(zhang, 'name', '张三丰');
    expect(h.shown.at(-1)).toMatchObject({ phone: '13900139000', name: '张三丰' });
    release();
    await second;
    expect(h.sent.map((s) => s.version)).toEqual([3, 4]);
    expect(h.stored).toMatchObject({ phone: '13900139000', name: '张三丰', version: 5 });
    expect(h.writes.busy('e1')).toBe(false);
  });

  it('on a stale version show theirs, keep mine aside, and a retry writes mine on their version', async () => {
    const h = harness(zhang);
    h.changeOnServer({ phone: '13700137000' });
    await h.writes.edit(zhang, 'phone', '13900139000');
    expect(h.shown.at(-1)).toMatchObject({ phone: '13700137000', version: 4 });
    expect(h.conflicts).toHaveLength(1);
    expect(h.conflicts[0]).toMatchObject({ id: 'e1', field: 'phone', yours: '13900139000', theirs: '13700137000' });
    expect(h.statuses.at(-1)?.[1]).toMatchObject({ kind: 'conflict' });

    await h.writes.edit(h.conflicts[0]!.current, 'phone', h.conflicts[0]!.yours);
    expect(h.stored).toMatchObject({ phone: '13900139000', version: 5 });
  });
});

describe('why a write failed', () => {
  it('a 409 conflict carries the current record; field errors name the cell; anything else gives its message', () => {
    expect(classifyWriteError(problemToHttpError(409, { code: 'RECORD.VERSION_CONFLICT', detail: '已被修改', current: { id: 'e1', version: 9 } }), 'phone')).toEqual({
      kind: 'conflict', current: { id: 'e1', version: 9 }, message: '已被修改',
    });
    expect(classifyWriteError(problemToHttpError(409, { code: 'RECORD.VERSION_CONFLICT', detail: '已被修改' }), 'phone')).toMatchObject({ kind: 'conflict', current: null });
    expect(classifyWriteError(problemToHttpError(422, { code: 'EMPLOYEE.SUPERIOR_REQUIRED', detail: '需要上级', errors: [{ path: 'superiorId', message: '需要上级' }] }), 'post')).toEqual({ kind: 'refused', message: '需要上级' });
    expect(classifyWriteError(new HttpError('无权修改', 403, { detail: '无权修改' }), 'phone')).toEqual({ kind: 'refused', message: '无权修改' });
  });
});
