import { useMediaQuery, type Theme } from '@mui/material';
import { List, Pagination, SimpleList, useListContext } from 'react-admin';
import { SHEET_LIST_PROPS } from '../sheet/Sheet';
import { SHEET_LISTS } from '../sheet/sheetLists';
import { ApprovalDueField } from './ApprovalDueField';
import { ApprovalSheet } from './ApprovalSheet';
import { ApprovalTabs } from './ApprovalTabs';
import { inboxTabOf } from './inboxTabs';
import type { ApprovalTask } from './types';

const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
// The inbox fills while it is open (a colleague's decision, an escalation): re-read it now and then.
const queryOptions = { refetchInterval: 60_000 } as const;

/**
 * 待我审批: my open tasks (the home of anyone who has some), those waiting their turn, what I
 * was CC'd and what I decided. A sheet on screens wider than a phone (ApprovalSheet.tsx); a
 * phone gets a simple list, as the grid is not for 375 px.
 */
const ApprovalList = () => {
  // noSsr: a phone never mounts the grid (and never fetches AG Grid) for its first frame.
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  // No filters, create or export (`actions={false}`): without this the page starts with an
  // empty toolbar, a band of nothing above the tabs on a phone.
  return small ? (
    <List filterDefaultValues={SHEET_LISTS.approvals.filter} perPage={25} pagination={pagination} exporter={false} empty={false} queryOptions={queryOptions} actions={false}>
      <ApprovalPhoneList />
    </List>
  ) : (
    <List filterDefaultValues={SHEET_LISTS.approvals.filter} actions={false} {...SHEET_LIST_PROPS}>
      <ApprovalSheet />
    </List>
  );
};

const ApprovalPhoneList = () => {
  const tab = inboxTabOf(useListContext<ApprovalTask>().filterValues.status);
  return (
    <>
      <ApprovalTabs small />
      <SimpleList<ApprovalTask>
        rowClick="show"
        primaryText={(r) => r.title}
        secondaryText={(r) => [r.stepLabel, tab === 'cc' ? r.addedByName : r.requesterName].filter(Boolean).join(' · ')}
        tertiaryText={(r) => <ApprovalDueField record={r} />}
      />
    </>
  );
};

export default ApprovalList;
