import EventBusyIcon from '@mui/icons-material/EventBusy';
import { lazy } from 'react';

/**
 * 我的代理 (delegation, `/users/{me}/delegation`) as a one-page resource, like the policies:
 * its "list" is the signed-in person's own delegation form, also reached from the user menu.
 * Reads and saves go through the data provider's getDelegation / setDelegation / clearDelegation.
 */
export default {
  list: lazy(() => import('./DelegationPage')),
  icon: EventBusyIcon,
};
