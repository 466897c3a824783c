import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { problemResponses, registerSharedComponents } from './schemas.js';

export const API_VERSION = '0.1.0';

/** The tags of the document, in the order the reference lists them. */
const TAGS = [
  { name: 'auth', description: 'Signing in and out' },
  { name: 'users', description: 'Accounts, one’s own preferences, the directory and 代理 delegation' },
  { name: 'employees', description: 'People and their reporting lines (POLICIES.md §1)' },
  { name: 'org', description: 'Departments and teams' },
  { name: 'audit', description: 'The audit trail of a record' },
  { name: 'api-keys', description: 'Keys for integrations (administrator)' },
  { name: 'policies', description: 'The versioned policies HR edits' },
  { name: 'approvals', description: 'Approval tasks, the verbs on them, and the requests they belong to' },
  { name: 'attachments', description: 'Files on requests, decisions and comments' },
  { name: 'probation', description: 'Probation reviews 转正 (POLICIES.md §3)' },
  { name: 'recruitment', description: 'Requisitions 人才增补单, openings and candidates (POLICIES.md §2)' },
  { name: 'offboarding', description: 'Resignations 辞职申请 and offboarding 离职办理: handover, inventory, exit form, the last day and final pay (POLICIES.md §9)' },
  { name: 'discipline', description: 'Disciplinary actions 处罚: the 处罚单 signed or witnessed, the appeal, warnings that roll up, dismissal (POLICIES.md §4)' },
  { name: 'dashboard', description: 'The department’s numbers' },
  { name: 'webhooks', description: 'Receivers an administrator registers for request events, and their deliveries (docs/webhooks.md)' },
  { name: 'health', description: 'Liveness, for load balancers and operators' },
  { name: 'local', description: 'The local runtime only (never on AWS)' },
];

/**
 * Serves the OpenAPI 3.1 document at /api/v1/openapi.json. Call after every route is mounted:
 * what app-wide middleware answers is added to each operation here, where that middleware is.
 */
export function serveOpenApi(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token from POST /api/v1/auth/login, or an API key (csk_…)',
  });
  registry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'cs_session', description: 'The console’s session cookie, set by POST /api/v1/auth/login' });
  registerSharedComponents(registry);
  // Every operation that takes a body can get 413 (bodyLimit) and 415 (requireJsonBody) from app.ts.
  for (const def of registry.definitions) {
    if (def.type === 'route' && def.route.request?.body) def.route.responses = { ...def.route.responses, ...problemResponses(413, 415) };
  }
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '客服部管理系统 API (CS Department)',
      version: API_VERSION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      description:
        'JSON API under /api/v1. Errors are RFC 9457 problem+json with field paths; lists use cursor pagination (`limit`, `cursor` → `nextCursor`); updates carry `version` (409 when stale); creating POSTs and the approval verbs accept `Idempotency-Key`. Messages follow `Accept-Language` (zh-CN default, en). ' +
        'API keys reach only the operations whose scope they hold (403 otherwise); operations for people only (an inbox, a decision) answer every key 403.',
    },
    // Relative: the API is served from the same origin as the console, wherever it is deployed.
    servers: [{ url: '/', description: 'This deployment' }],
    tags: TAGS,
    security: [{ bearer: [] }, { cookie: [] }],
  });
}
