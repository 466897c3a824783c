import { Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { INBOX_TABS, inboxTabOf } from './inboxTabs';
import type { ApprovalTask } from './types';

/** The four tabs above the inbox, on its `status` filter (kept in the URL like any filter). */
export const ApprovalTabs = ({ small }: { small: boolean }) => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<ApprovalTask>();
  return (
    <>
      <Tabs
        value={inboxTabOf(filterValues.status)}
        onChange={(_event, value: string) => setFilters({ ...filterValues, status: value }, displayedFilters)}
        // On a phone the four tabs share the width (no scrolling, nothing wider than the screen).
        variant={small ? 'fullWidth' : 'standard'}
        sx={{ '& .MuiTab-root': { minWidth: { xs: 0, sm: 90 }, px: { xs: 1, sm: 2 } } }}
      >
        {INBOX_TABS.map((t) => (
          <Tab key={t} value={t} label={translate(`resources.approvals.tabs.${t}`)} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
