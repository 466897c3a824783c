import { Badge, Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useRedirect, useTranslate } from 'react-admin';
import { APPROVAL_TABS, countBadge, inboxTabOf, tabCount, type ApprovalTab } from './inboxTabs';
import { useInboxCounts } from './useInboxCounts';

/**
 * The tabs above the inbox: four on its `status` filter (kept in the URL like any filter), and
 * 我发起的, its own list (`requests`). Each shows how many wait there (unread 抄送, running
 * requests). `current` is given on 我发起的; the inbox's tab comes from its filter.
 */
export const ApprovalTabs = ({ small, current }: { small: boolean; current?: ApprovalTab }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const counts = useInboxCounts();
  const value = current ?? inboxTabOf(filterValues.status);
  const select = (tab: ApprovalTab) => {
    if (tab === 'started') redirect('/requests');
    else if (current === 'started') redirect(`/approvals?filter=${encodeURIComponent(JSON.stringify({ status: tab }))}`);
    else setFilters({ ...filterValues, status: tab }, displayedFilters);
  };
  return (
    <>
      <Tabs
        value={value}
        onChange={(_event, tab: ApprovalTab) => select(tab)}
        // On a phone the tabs scroll rather than squeeze five labels into 375 px.
        variant={small ? 'scrollable' : 'standard'}
        scrollButtons={false}
        sx={{ '& .MuiTab-root': { minWidth: { xs: 0, sm: 90 }, px: { xs: 1.5, sm: 2 } } }}
      >
        {APPROVAL_TABS.map((t) => {
          const badge = countBadge(tabCount(t, counts), counts?.cap ?? 100);
          const label = translate(`resources.approvals.tabs.${t}`);
          return (
            <Tab
              key={t}
              value={t}
              data-tab={t}
              aria-label={badge ? `${label} ${badge}` : label}
              label={
                <Badge badgeContent={badge || undefined} color={t === 'pending' ? 'error' : 'primary'} sx={{ '& .MuiBadge-badge': { right: -12, top: 2 } }}>
                  <span>{label}</span>
                  {/* The label and the count are two words in the text too (no space is drawn in the
                      flex box), as the aria-label says them (WCAG 2.5.3: "Pending 3", not "Pending3"). */}
                  {' '}
                </Badge>
              }
              sx={badge ? { pr: 3 } : undefined}
            />
          );
        })}
      </Tabs>
      <Divider />
    </>
  );
};
