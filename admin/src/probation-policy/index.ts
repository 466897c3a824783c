import GavelIcon from '@mui/icons-material/Gavel';
import { lazy } from 'react';

/**
 * The probation policy (转正制度, POLICIES.md §3) as one page: its "list" is the policy form,
 * read by everyone and saved by HR and admins (authProvider.canAccess). Reads and saves go
 * through the data provider's getPolicy / savePolicy.
 */
export default {
  list: lazy(() => import('./ProbationPolicyPage')),
  icon: GavelIcon,
};
