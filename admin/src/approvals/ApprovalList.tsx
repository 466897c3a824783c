import { Divider, Tab, Tabs, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SimpleList, useListContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { ApprovalDueField } from './ApprovalDueField';
import { ApprovalStatusField } from './ApprovalStatusField';
import { BatchApproveButton } from './BatchApproveButton';
import type { ApprovalTask } from './types';

const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
// The inbox fills while it is open (a colleague's decision, an escalation): re-read it now and then.
const queryOptions = { refetchInterval: 60_000 } as const;

/**
 * The inbox's tabs, one `status` filter (the data provider turns `cc` into the API's `cc=true`):
 * 待我审批 to decide now, 等待中 my turn after others' (加签), 抄送我的 read-only notices, 已处理.
 */
export const INBOX_TABS = ['pending', 'waiting', 'cc', 'decided'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** 待我审批: my open tasks (the home of anyone who has some), those waiting their turn, what I was CC'd and what I decided. */
const ApprovalList = () => (
  <List
    filterDefaultValues={{ status: 'pending' }}
    perPage={25}
    pagination={pagination}
    exporter={false}
    empty={false}
    queryOptions={queryOptions}
    // No filters, create or export: without this the page starts with an empty toolbar, a
    // band of nothing above the tabs on a phone.
    actions={false}
  >
    <ApprovalTabs />
  </List>
);

const ApprovalTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<ApprovalTask>();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const tab: InboxTab = INBOX_TABS.find((t) => t === filterValues.status) ?? 'pending';
  return (
    <>
      <Tabs
        value={tab}
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
      {small ? (
        <SimpleList<ApprovalTask>
          rowClick="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.stepLabel, tab === 'cc' ? r.addedByName : r.requesterName].filter(Boolean).join(' · ')}
          tertiaryText={(r) => <ApprovalDueField record={r} />}
        />
      ) : (
        <DataTable<ApprovalTask> rowClick="show" bulkActionButtons={tab === 'pending' ? <BatchApproveButton /> : false}>
          <DataTable.Col source="title" disableSort />
          <DataTable.Col source="stepLabel" disableSort />
          <DataTable.Col source="requesterName" disableSort />
          {tab === 'cc' ? (
            <DataTable.Col source="addedByName" label="resources.approvals.fields.ccBy" disableSort />
          ) : (
            <DataTable.Col source="createdAt" disableSort>
              <LocaleDateField source="createdAt" showTime />
            </DataTable.Col>
          )}
          <DataTable.Col source={tab === 'decided' ? 'decidedAt' : tab === 'cc' ? 'createdAt' : 'dueAt'} label={tab === 'cc' ? 'resources.approvals.fields.ccAt' : undefined} disableSort>
            <ApprovalDueField />
          </DataTable.Col>
          {tab !== 'cc' && (
            <DataTable.Col source="status" disableSort>
              <ApprovalStatusField />
            </DataTable.Col>
          )}
        </DataTable>
      )}
    </>
  );
};

export default ApprovalList;
