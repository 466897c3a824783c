import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';

/**
 * The approvals policy (审批规则: reminders, repeated approvers, the requester as approver,
 * leavers) as one page, like the probation policy: read by everyone, saved by HR and admins
 * (authProvider.canAccess) through the data provider's getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./ApprovalsPolicyPage')),
  icon: RuleIcon,
};
