/**
 * A user's column layout of a sheet (order, widths, hidden and pinned columns), kept in
 * localStorage under the signed-in user's id, so two people sharing a browser keep their own
 * and signing out (which clears react-admin's store) does not lose it. The sort is not part
 * of it: it lives in the list's URL, like the filters.
 */

export interface SavedColumn {
  colId: string;
  width?: number;
  hide?: boolean;
  pinned?: 'left' | 'right' | null;
}

export type ColumnStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const VERSION = 1;

export function columnStateKey(userId: string, sheetId: string): string {
  return `cs-console.sheet.${sheetId}.columns.${userId}`;
}

/**
 * The saved layout, limited to columns the sheet still has (a column removed in a release is
 * dropped; one added since is left to its default). Null when nothing usable is saved.
 */
export function readColumnState(storage: ColumnStorage, key: string, known: readonly string[]): SavedColumn[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { v?: unknown }).v !== VERSION) return null;
  const columns = (parsed as { columns?: unknown }).columns;
  if (!Array.isArray(columns)) return null;
  const seen = new Set<string>();
  const out: SavedColumn[] = [];
  for (const raw of columns) {
    if (!raw || typeof raw !== 'object') continue;
    const { colId, width, hide, pinned } = raw as Record<string, unknown>;
    if (typeof colId !== 'string' || !known.includes(colId) || seen.has(colId)) continue;
    seen.add(colId);
    out.push({
      colId,
      ...(typeof width === 'number' && width >= 20 && width <= 2000 ? { width: Math.round(width) } : {}),
      ...(typeof hide === 'boolean' ? { hide } : {}),
      ...(pinned === 'left' || pinned === 'right' || pinned === null ? { pinned } : {}),
    });
  }
  return out.length > 0 ? out : null;
}

/** Keeps what the layout is made of from the grid's column state (in display order). */
export function writeColumnState(
  storage: ColumnStorage,
  key: string,
  state: ReadonlyArray<{ colId: string; width?: number | null; hide?: boolean | null; pinned?: 'left' | 'right' | boolean | null }>,
): void {
  const columns: SavedColumn[] = state.map(({ colId, width, hide, pinned }) => ({
    colId,
    ...(typeof width === 'number' ? { width: Math.round(width) } : {}),
    hide: hide === true,
    pinned: pinned === 'left' || pinned === true ? 'left' : pinned === 'right' ? 'right' : null,
  }));
  try {
    storage.setItem(key, JSON.stringify({ v: VERSION, columns }));
  } catch {
    // Storage full or disabled (private mode): the layout lasts for this visit only.
  }
}

export function clearColumnState(storage: ColumnStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing saved, nothing to clear
  }
}
