import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId } from '../../../functions/storage/ids.js';

describe('ids', () => {
  it('are fixed-length and sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newId(1_800_000_000_000));
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = newId(1_800_000_000_001);
    expect(later > ids[ids.length - 1]!).toBe(true);
  });
});
