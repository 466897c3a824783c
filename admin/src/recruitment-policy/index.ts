import WorkIcon from '@mui/icons-material/Work';
import { lazy } from 'react';

/**
 * The recruitment policy (招聘制度, POLICIES.md §2) as one page, like the other policies: read
 * by everyone, saved by HR and admins (authProvider.canAccess) through the data provider's
 * getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./RecruitmentPolicyPage')),
  icon: WorkIcon,
};
