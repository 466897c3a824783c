import { fieldOf, type CellValue, type SheetRow } from './types.js';

/**
 * Inline edits, one row at a time: the new value shows at once (optimistic), each row's
 * writes go out one after another (each carries the version the previous one returned, so two
 * quick edits of one row never conflict with each other), a refused value rolls back, and a
 * version conflict (409) takes the server's current record and keeps the user's value aside
 * to retry on it.
 */

export type CellStatus =
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

export interface Conflict {
  id: string;
  field: string;
  yours: CellValue;
  theirs: unknown;
  /** The record as the server has it now: a retry writes on its version. */
  current: SheetRow;
}

export type WriteFailure =
  | { kind: 'conflict'; current: SheetRow | null; message: string }
  | { kind: 'refused'; message: string };

export interface RowWritesDeps {
  /** PATCH the changes onto `before` (whose version is sent); the saved record. */
  update(before: SheetRow, changes: Record<string, CellValue>): Promise<SheetRow>;
  /** Reads why a write failed (the HTTP error → conflict or a message for the cell). */
  classify(error: unknown, field: string): WriteFailure;
  /** The record again, when a conflict did not say what it is now. */
  reload(id: string): Promise<SheetRow>;
  /** Shows a row as it should look now (saved values and pending ones). */
  show(row: SheetRow): void;
  status(id: string, field: string, status: CellStatus | null): void;
  conflict(conflict: Conflict): void;
}

interface RowState {
  confirmed: SheetRow;
  pending: Map<string, CellValue>;
  chain: Promise<void>;
}

export class RowWrites {
  private readonly rows = new Map<string, RowState>();

  constructor(private readonly deps: RowWritesDeps) {}

  /** `row` is what the grid shows now; a row with writes under way keeps its own state. */
  edit(row: SheetRow, field: string, value: CellValue): Promise<void> {
    const state = this.rows.get(row.id) ?? { confirmed: row, pending: new Map(), chain: Promise.resolve() };
    this.rows.set(row.id, state);
    state.pending.set(field, value);
    this.deps.status(row.id, field, { kind: 'saving' });
    this.display(state);
    state.chain = state.chain.then(() => this.write(state, field, value));
    return state.chain;
  }

  /** Whether a row has writes under way (a reload of its block must not overwrite them). */
  busy(id: string): boolean {
    return this.rows.has(id);
  }

  private async write(state: RowState, field: string, value: CellValue): Promise<void> {
    const id = state.confirmed.id;
    try {
      state.confirmed = await this.deps.update(state.confirmed, { [field]: value });
      this.deps.status(id, field, null);
    } catch (error) {
      const failure = this.deps.classify(error, field);
      if (failure.kind === 'conflict') {
        const current = failure.current ?? (await this.deps.reload(id).catch(() => null));
        if (current) {
          state.confirmed = current;
          this.deps.conflict({ id, field, yours: value, theirs: fieldOf(current, field), current });
        }
        this.deps.status(id, field, { kind: 'conflict', message: failure.message });
      } else {
        this.deps.status(id, field, { kind: 'error', message: failure.message });
      }
    } finally {
      if (state.pending.get(field) === value) state.pending.delete(field);
      this.display(state);
      if (state.pending.size === 0) this.rows.delete(id);
    }
  }

  private display(state: RowState): void {
    this.deps.show({ ...state.confirmed, ...Object.fromEntries(state.pending) });
  }
}
