import type { Http } from '../providers/http.js';

/**
 * The webhooks' API (#13) as data-provider methods, kept with the page that uses them and
 * merged into the data provider in one line, so the area reads (and is removed) as one folder.
 */
export const WEBHOOK_EVENTS = ['request.started', 'step.opened', 'step.decided', 'request.finished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdBy: string;
  createdAt: string;
  version: number;
}

/** POST /webhooks answers the signing secret this once. */
export type RegisteredWebhook = Webhook & { secret: string };

export interface WebhookAttempt {
  at: string;
  trigger: 'scheduled' | 'replay';
  status: number | null;
  excerpt: string | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventType: WebhookEvent;
  body: string;
  state: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attemptCount: number;
  attempts: WebhookAttempt[];
  nextAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookMethods {
  listWebhooks(): Promise<{ data: Webhook[] }>;
  registerWebhook(input: { url: string; events: WebhookEvent[] }): Promise<{ data: RegisteredWebhook }>;
  deleteWebhook(id: string): Promise<{ data: null }>;
  listWebhookDeliveries(id: string, cursor?: string | null): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }>;
  replayWebhookDelivery(id: string, deliveryId: string): Promise<{ data: WebhookDelivery }>;
}

const segment = (id: string) => encodeURIComponent(id);

export function createWebhookMethods(http: Http): WebhookMethods {
  return {
    async listWebhooks() {
      const { json } = await http<{ items: Webhook[] }>('/webhooks');
      return { data: json.items };
    },
    async registerWebhook(input) {
      const { json } = await http<RegisteredWebhook>('/webhooks', { method: 'POST', body: input });
      return { data: json };
    },
    async deleteWebhook(id) {
      await http(`/webhooks/${segment(id)}`, { method: 'DELETE' });
      return { data: null };
    },
    async listWebhookDeliveries(id, cursor) {
      const { json } = await http<{ items: WebhookDelivery[]; nextCursor: string | null }>(`/webhooks/${segment(id)}/deliveries`, { query: { limit: 50, ...(cursor ? { cursor } : {}) } });
      return { data: json.items, nextCursor: json.nextCursor };
    },
    async replayWebhookDelivery(id, deliveryId) {
      const { json } = await http<WebhookDelivery>(`/webhooks/${segment(id)}/deliveries/${segment(deliveryId)}/replay`, { method: 'POST' });
      return { data: json };
    },
  };
}
