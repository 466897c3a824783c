import type { CellKeyDownEvent, GridApi } from 'ag-grid-community';
import type { ClipboardEvent } from 'react';
import { useNotify } from 'react-admin';
import type { ChoiceLabels } from '../cellValues';
import type { ChangePlan } from '../changePlan';
import type { SheetColumn, SheetRow } from '../types';
import { copyText, fillPlan, pastePlan } from './gridReads';

/**
 * The keyboard of a spreadsheet on top of AG Grid Community's own (arrows, Enter/F2, Esc,
 * Space to select): Ctrl+C and Ctrl+V as the browser's copy and paste events on the grid, and
 * Ctrl+D to fill down. A paste or fill becomes a change plan for the preview (`onPlan`); on a
 * read-only sheet it says so. Enter on a read-only sheet opens the row, as a click does.
 */
export function useSheetKeys({
  api,
  columns,
  label,
  canBatch,
  onPlan,
  onOpen,
}: {
  api: GridApi<SheetRow> | null;
  columns: readonly SheetColumn[];
  label: ChoiceLabels;
  canBatch: boolean;
  onPlan(title: string, plan: ChangePlan): void;
  onOpen?: (row: SheetRow) => void;
}) {
  const notify = useNotify();
  const busy = (target: EventTarget | null) => !api || isInput(target) || api.getEditingCells().length > 0;

  const onCopy = (event: ClipboardEvent) => {
    if (busy(event.target)) return;
    const copied = copyText(api!, columns, label);
    if (!copied) return;
    event.clipboardData.setData('text/plain', copied.text);
    event.preventDefault();
    notify('sheet.copied', { type: 'info', messageArgs: { smart_count: copied.rows } });
  };

  const onPaste = (event: ClipboardEvent) => {
    if (busy(event.target)) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text || !api!.getFocusedCell()) return;
    event.preventDefault();
    if (!canBatch) return notify('sheet.read_only', { type: 'warning' });
    const plan = pastePlan(api!, columns, text, label);
    if (plan) onPlan('sheet.preview.paste', plan);
  };

  const onCellKeyDown = (event: CellKeyDownEvent<SheetRow>) => {
    const key = event.event as KeyboardEvent | null | undefined;
    if (!key || !api) return;
    if ((key.ctrlKey || key.metaKey) && !key.altKey && !key.shiftKey && key.key.toLowerCase() === 'd') {
      key.preventDefault(); // the browser's "bookmark this page"
      if (!canBatch) return notify('sheet.read_only', { type: 'warning' });
      const fill = fillPlan(api, columns);
      if ('problem' in fill) return notify(`sheet.fill.${fill.problem}`, { type: 'warning' });
      onPlan('sheet.preview.fill', fill.plan);
    } else if (key.key === 'Enter' && onOpen && event.data && !event.colDef.editable) {
      onOpen(event.data);
    }
  };

  return { onCopy, onPaste, onCellKeyDown };
}

function isInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}
