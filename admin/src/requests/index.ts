import SendIcon from '@mui/icons-material/Send';
import { lazy } from 'react';
import type { StartedRequest } from './types';

/** 我发起的: the requests the signed-in person started (a list; each opens its own kind's page). */
export default {
  list: lazy(() => import('./RequestList')),
  icon: SendIcon,
  recordRepresentation: (record: StartedRequest) => record.title,
};
