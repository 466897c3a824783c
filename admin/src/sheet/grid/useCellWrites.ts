import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import { sameValue } from '../cellValues';
import type { RowOutcome } from '../changePlan';
import { RowWrites, type CellStatus, type Conflict } from '../rowWrites';
import { fieldOf, writeFieldOf, type BatchItem, type CellValue, type SheetColumn, type SheetRow } from '../types';
import { classifyWriteError } from '../writeErrors';

const key = (id: string, field: string) => `${id}\u0000${field}`;

/**
 * The sheet's writes and what each cell shows of them: saving, refused (with the server's
 * message as the cell's tooltip and a notification) or in conflict (with the alert above the
 * grid). Inline edits go through dataProvider.update one row at a time (../rowWrites.ts);
 * a paste or fill comes back from the batch write row by row. Writes name the field written
 * (superiorId); the mark goes on the column that shows it (superiorName).
 */
export function useCellWrites(
  resource: string,
  apiRef: RefObject<GridApi<SheetRow> | null>,
  columns: readonly SheetColumn[],
  fieldMessage: (field: string, message: string) => string,
) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const statuses = useRef(new Map<string, CellStatus>());
  const [conflicts, setConflicts] = useState<Conflict[]>([]);

  const refreshCell = useCallback((id: string, field: string) => {
    const node = apiRef.current?.getRowNode(id);
    if (node) apiRef.current?.refreshCells({ rowNodes: [node], columns: [field], force: true });
  }, [apiRef]);

  const columnOf = useMemo(() => new Map(columns.map((c) => [writeFieldOf(c), c.field])), [columns]);
  const setStatus = useCallback((id: string, written: string, status: CellStatus | null) => {
    const field = columnOf.get(written) ?? written;
    if (status) statuses.current.set(key(id, field), status);
    else statuses.current.delete(key(id, field));
    refreshCell(id, field);
  }, [refreshCell, columnOf]);

  const writes = useMemo(() => new RowWrites({
    async update(before, changes) {
      const { data } = await dataProvider.update(resource, { id: before.id, data: { ...before, ...changes }, previousData: before });
      return data as SheetRow;
    },
    classify(error, field) {
      const failure = classifyWriteError(error, field);
      return failure.kind === 'refused' ? { ...failure, message: fieldMessage(field, failure.message) } : failure;
    },
    async reload(id) {
      return (await dataProvider.getOne(resource, { id })).data as SheetRow;
    },
    show(row) {
      apiRef.current?.getRowNode(row.id)?.setData(row);
    },
    status(id, field, status) {
      setStatus(id, field, status);
      if (status?.kind === 'error') notify(status.message, { type: 'error' });
    },
    conflict(conflict) {
      setConflicts((all) => [...all.filter((c) => c.id !== conflict.id || c.field !== conflict.field), conflict]);
    },
  }), [dataProvider, resource, apiRef, setStatus, notify, fieldMessage]);

  const onEditRequest = (event: CellEditRequestEvent<SheetRow>) => {
    const colId = event.colDef.colId ?? event.colDef.field;
    const column = columns.find((c) => c.field === colId);
    if (!column || !event.data) return;
    let value: CellValue = typeof event.newValue === 'string' ? event.newValue.trim() : (event.newValue ?? null);
    if (value === '') value = null;
    if ((column.type === 'number' || column.type === 'money') && typeof value === 'string') value = Number(value);
    const field = writeFieldOf(column);
    if (sameValue(value, fieldOf(event.data, field))) return;
    setConflicts((all) => all.filter((c) => c.id !== event.data!.id || c.field !== field));
    void writes.edit(event.data, field, value);
  };

  /** Saved rows show what the server saved; each field of a failed row shows why. */
  const onBatchWritten = useCallback((items: BatchItem[], outcomes: RowOutcome[]) => {
    outcomes.forEach((outcome, index) => {
      const fields = Object.keys(items[index] ?? {}).filter((f) => f !== 'id' && f !== 'version');
      if (outcome.ok && outcome.item) apiRef.current?.getRowNode(outcome.id)?.setData(outcome.item);
      for (const field of fields) {
        const own = outcome.fieldErrors[field];
        const message = own === undefined ? outcome.detail : fieldMessage(field, own);
        setStatus(outcome.id, field, outcome.ok ? null : { kind: 'error', message: message ?? '' });
      }
    });
  }, [apiRef, setStatus, fieldMessage]);

  const retry = (conflict: Conflict) => {
    setConflicts((all) => all.filter((c) => c !== conflict));
    const shown = apiRef.current?.getRowNode(conflict.id)?.data ?? conflict.current;
    void writes.edit(shown, conflict.field, conflict.yours);
  };

  const dismiss = (conflict: Conflict) => {
    setConflicts((all) => all.filter((c) => c !== conflict));
    setStatus(conflict.id, conflict.field, null);
  };

  const statusOf = useCallback((id: string, field: string) => statuses.current.get(key(id, field)), []);

  return { conflicts, statusOf, onEditRequest, onBatchWritten, retry, dismiss };
}
