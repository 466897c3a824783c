import PaymentsIcon from '@mui/icons-material/Payments';
import { lazy } from 'react';

/**
 * The org policy (职级与薪资, POLICIES.md §1) as one page, like the other policies: read by
 * everyone, saved by HR and admins (authProvider.canAccess) through the data provider's
 * getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./OrgPolicyPage')),
  icon: PaymentsIcon,
};
