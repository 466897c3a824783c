import EditNoteIcon from '@mui/icons-material/EditNote';
import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ListContextProvider, useListContext, useTranslate, type ListControllerResult } from 'react-admin';
import { ColumnsMenu, type ColumnChoice } from './ColumnsMenu';
import { SheetContext, type SheetContextValue } from './sheetContext';

/**
 * Above the grid: column settings, what to do with the selected rows (批量修改 and the page's
 * own bulk actions, which read the selection from the list context as with a DataTable), the
 * slot for other features' buttons, and the keyboard hints.
 */
export const SheetToolbar = ({
  sheet,
  columns,
  onBulkEdit,
  bulkActions,
  toolbarExtra,
  hints,
  onClearSelection,
}: {
  sheet: SheetContextValue;
  columns: {
    getColumns(): ColumnChoice[];
    onToggle(colId: string, visible: boolean): void;
    onPin(colId: string, pinned: 'left' | 'right' | null): void;
    onReset(): void;
  };
  onBulkEdit?: () => void;
  bulkActions?: ReactNode;
  toolbarExtra?: ReactNode;
  hints: 'edit' | 'read';
  onClearSelection(): void;
}) => {
  const translate = useTranslate();
  const list = useListContext();
  const count = sheet.selectedRows.length;
  return (
    <SheetContext.Provider value={sheet}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, px: 1, py: 0.5, minHeight: 44 }} data-testid="sheet-toolbar">
        <ColumnsMenu {...columns} />
        {count > 0 && (
          <>
            <Typography variant="body2" color="primary" data-testid="sheet-selected">
              {translate('sheet.selected', { smart_count: count })}
            </Typography>
            <Button size="small" onClick={onClearSelection}>
              {translate('sheet.clear_selection')}
            </Button>
            {onBulkEdit && (
              <Button size="small" startIcon={<EditNoteIcon />} onClick={onBulkEdit}>
                {translate('sheet.bulk.action')}
              </Button>
            )}
            {bulkActions && (
              <ListContextProvider value={{ ...list, data: sheet.selectedRows, total: count, error: null, isPending: false, selectedIds: sheet.selectedRows.map((r) => r.id) } as ListControllerResult}>
                {bulkActions}
              </ListContextProvider>
            )}
          </>
        )}
        {toolbarExtra}
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto', display: { xs: 'none', md: 'block' } }}>
          {translate(hints === 'edit' ? 'sheet.hints.edit' : 'sheet.hints.read')}
        </Typography>
      </Box>
    </SheetContext.Provider>
  );
};
