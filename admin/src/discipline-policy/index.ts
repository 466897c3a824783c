import BalanceIcon from '@mui/icons-material/Balance';
import { lazy } from 'react';

/**
 * The discipline policy (奖惩制度, POLICIES.md §4) as one page, like the other policies: read
 * by everyone, saved by HR and admins (authProvider.canAccess) through the data provider's
 * getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./DisciplinePolicyPage')),
  icon: BalanceIcon,
};
