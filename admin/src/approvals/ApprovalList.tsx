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

/** 待我审批: my open tasks (the home of anyone who has some) and the ones I decided. */
const ApprovalList = () => (
  <List
    filterDefaultValues={{ status: 'pending' }}
    perPage={25}
    pagination={pagination}
    exporter={false}
    empty={false}
    queryOptions={queryOptions}
  >
    <ApprovalTabs />
  </List>
);

const ApprovalTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext<ApprovalTask>();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const status = filterValues.status === 'decided' ? 'decided' : 'pending';
  return (
    <>
      <Tabs
        value={status}
        onChange={(_event, value: string) => setFilters({ ...filterValues, status: value }, displayedFilters)}
        variant={small ? 'fullWidth' : 'standard'}
      >
        <Tab value="pending" label={translate('resources.approvals.tabs.pending')} />
        <Tab value="decided" label={translate('resources.approvals.tabs.decided')} />
      </Tabs>
      <Divider />
      {small ? (
        <SimpleList<ApprovalTask>
          rowClick="show"
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.stepLabel, r.requesterName].filter(Boolean).join(' · ')}
          tertiaryText={(r) => <ApprovalDueField record={r} />}
        />
      ) : (
        <DataTable<ApprovalTask> rowClick="show" bulkActionButtons={status === 'pending' ? <BatchApproveButton /> : false}>
          <DataTable.Col source="title" disableSort />
          <DataTable.Col source="stepLabel" disableSort />
          <DataTable.Col source="requesterName" disableSort />
          <DataTable.Col source="createdAt" disableSort>
            <LocaleDateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source={status === 'pending' ? 'dueAt' : 'decidedAt'} disableSort>
            <ApprovalDueField />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <ApprovalStatusField />
          </DataTable.Col>
        </DataTable>
      )}
    </>
  );
};

export default ApprovalList;
