/**
 * The API's OpenAPI document, as `GET /api/v1/openapi.json` serves it, built without any
 * engine: the app is created with clients that point nowhere (the document is made from the
 * route declarations alone, so nothing is ever called). The local clock route is included, so
 * the lint covers every operation any runtime may serve.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { smtpMailer } from '../../functions/email/smtp-mailer.js';
import { createApp } from '../../functions/http/app.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { createStore } from '../../functions/storage/client.js';
import { createObjectStore } from '../../functions/storage/objects.js';
import { kindRegistry } from '../../functions/workflow/registry.js';

const NOWHERE = 'http://127.0.0.1:9';

/** The app as every runtime builds it, with deps that reach no engine (a call to one fails fast). */
export function openApiApp(): ReturnType<typeof createApp> {
  const store = createStore({ table: 'openapi', endpoint: NOWHERE });
  const now = () => new Date(0);
  const log: AppDeps['log'] = () => undefined;
  const publicUrl = 'http://127.0.0.1:3000';
  const objects = createObjectStore({ bucket: 'openapi', endpoint: NOWHERE });
  return createApp({
    store,
    objects,
    now,
    publicUrl,
    sessionHours: 12,
    health: {},
    log,
    workflow: {
      store, objects, sfn: new SFNClient({ region: 'us-east-1', endpoint: NOWHERE }), approvalStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:none',
      mailer: smtpMailer(`smtp://127.0.0.1:9`, 'openapi@example.com'), publicUrl, linkSecret: new Uint8Array(32), now, kinds: kindRegistry(), log, webhooks: { allowPrivateNetworks: false, requireHttps: false },
    },
    localClock: { now, advance: async () => now(), parseDuration: () => undefined },
  });
}

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const res = await openApiApp().request('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
