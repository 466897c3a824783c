import WebhookIcon from '@mui/icons-material/Webhook';
import { lazy } from 'react';

/**
 * 集成 / Webhooks (#13): the administrator's page of receivers — register one for some events
 * (its secret shown once, with a copy button), delete it, read each delivery's last answers and
 * send one again (重新发送). Only administrators see it (authProvider.canAccess); the API is
 * the webhook methods of the data provider (webhookMethods.ts).
 */
export default {
  list: lazy(() => import('./WebhooksPage')),
  icon: WebhookIcon,
};
