import ExitToAppIcon from '@mui/icons-material/ExitToApp';
import { lazy } from 'react';

/**
 * The offboarding policy (离职制度, POLICIES.md §9) as one page, like the other policies: read
 * by everyone, saved by HR and admins (authProvider.canAccess) through the data provider's
 * getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./OffboardingPolicyPage')),
  icon: ExitToAppIcon,
};
