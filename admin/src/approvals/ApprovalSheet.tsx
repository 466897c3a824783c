import { alpha, Box } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useListContext } from 'react-admin';
import { Sheet } from '../sheet/Sheet';
import { ApprovalTabs } from './ApprovalTabs';
import { BatchApproveButton } from './BatchApproveButton';
import { INBOX_COLUMNS } from './inboxColumns';
import { inboxTabOf } from './inboxTabs';
import type { ApprovalTask } from './types';

// The inbox fills while it is open (a colleague's decision, an escalation): re-read it now and then.
const REREAD_MS = 60_000;

/**
 * 待我审批 on a screen wider than a phone: the tabs over a read-only sheet, one column layout per
 * tab. A row (click, or Enter) opens the task; on 待我审批 the selected rows can be approved at
 * once (批量同意, which re-reads the grid when done).
 */
export const ApprovalSheet = () => {
  const { filterValues } = useListContext<ApprovalTask>();
  const tab = inboxTabOf(filterValues.status);
  useInboxReread();
  return (
    <>
      <ApprovalTabs small={false} />
      {/* An overdue task's row is tinted: its countdown cell marks itself data-overdue. */}
      <Box sx={{ '& .ag-row:has([data-overdue])': { bgcolor: (theme) => alpha(theme.palette.error.main, 0.07) } }}>
        <Sheet<ApprovalTask>
          // A tab is a grid of its own: its columns, its layout, no selection carried over.
          key={tab}
          sheetId={`approvals.${tab}`}
          columns={INBOX_COLUMNS[tab]}
          rowClick="show"
          selectable
          bulkActions={tab === 'pending' ? <BatchApproveButton /> : undefined}
        />
      </Box>
    </>
  );
};

/**
 * The sheet's own list query is off (it reads blocks), so a refetch interval on the list would
 * do nothing: this invalidates the inbox's getList queries instead, which the grid answers by
 * reloading its loaded blocks (docs/console-sheet.md, "How it reads").
 */
function useInboxReread(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = window.setInterval(() => void queryClient.invalidateQueries({ queryKey: ['approvals', 'getList'] }), REREAD_MS);
    return () => window.clearInterval(timer);
  }, [queryClient]);
}
