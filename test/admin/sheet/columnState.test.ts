import { describe, expect, it } from 'vitest';
import { clearColumnState, columnStateKey, readColumnState, writeColumnState, type ColumnStorage } from '../../../admin/src/sheet/columnState.js';

function memoryStorage(): ColumnStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const KNOWN = ['employeeNo', 'name', 'post', 'phone'];

describe('a user’s column layout', () => {
  it('is kept per user and per sheet', () => {
    expect(columnStateKey('u1', 'employees')).not.toBe(columnStateKey('u2', 'employees'));
    expect(columnStateKey('u1', 'employees')).not.toBe(columnStateKey('u1', 'probation-reviews'));
  });

  it('comes back in the order it was left, with widths, hidden and pinned columns, but no sort', () => {
    const storage = memoryStorage();
    const key = columnStateKey('u1', 'employees');
    writeColumnState(storage, key, [
      { colId: 'name', width: 151.6, hide: false, pinned: 'left' },
      { colId: 'employeeNo', width: 90, hide: null, pinned: null },
      { colId: 'phone', width: 140, hide: true, pinned: 'right' },
      { colId: 'post', width: 120, pinned: true },
    ]);
    expect(readColumnState(storage, key, KNOWN)).toEqual([
      { colId: 'name', width: 152, hide: false, pinned: 'left' },
      { colId: 'employeeNo', width: 90, hide: false, pinned: null },
      { colId: 'phone', width: 140, hide: true, pinned: 'right' },
      { colId: 'post', width: 120, hide: false, pinned: 'left' },
    ]);
    expect(storage.data.get(key)).not.toContain('sort');
  });

  it('drops columns the sheet no longer has and values that make no sense', () => {
    const storage = memoryStorage();
    const key = columnStateKey('u1', 'employees');
    storage.setItem(key, JSON.stringify({ v: 1, columns: [{ colId: 'salaryGrade', width: 100 }, { colId: 'name', width: 5, pinned: 'top', hide: 'yes' }, { colId: 'name', width: 300 }, 'junk'] }));
    expect(readColumnState(storage, key, KNOWN)).toEqual([{ colId: 'name' }]);
  });

  it('reads nothing from a missing, broken or older layout, and nothing after a reset', () => {
    const storage = memoryStorage();
    const key = columnStateKey('u1', 'employees');
    expect(readColumnState(storage, key, KNOWN)).toBeNull();
    storage.setItem(key, '{not json');
    expect(readColumnState(storage, key, KNOWN)).toBeNull();
    storage.setItem(key, JSON.stringify({ v: 0, columns: [{ colId: 'name' }] }));
    expect(readColumnState(storage, key, KNOWN)).toBeNull();
    writeColumnState(storage, key, [{ colId: 'name', width: 100 }]);
    clearColumnState(storage, key);
    expect(readColumnState(storage, key, KNOWN)).toBeNull();
  });

  it('survives a storage that refuses to write (private mode, full)', () => {
    const storage: ColumnStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(() => writeColumnState(storage, 'k', [{ colId: 'name' }])).not.toThrow();
  });
});
