import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../domain/errors.js';
import { InvalidCursorError } from '../storage/cursor.js';
import type { AppDeps } from './deps.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './docs-page.js';
import type { AppEnv } from './env.js';
import { authenticate } from './middleware/authenticate.js';
import { requestContext } from './middleware/context.js';
import { rejectHiddenCharacters } from './middleware/hidden-characters.js';
import { sameOrigin } from './middleware/same-origin.js';
import { DecisionFieldsInvalid } from '../domain/approvals/step-spec.js';
import { domainFieldErrors, fieldErrors, FieldErrorsProblem, problem, sendProblem, statusOf } from './problem.js';
import { apiKeysRoutes } from './routes/api-keys.js';
import { approvalsRoutes } from './routes/approvals.js';
import { attachmentsRoutes } from './routes/attachments.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { employeesRoutes } from './routes/employees.js';
import { healthRoutes } from './routes/health.js';
import { linkRoutes } from './routes/links.js';
import { offerLetterRoutes } from './routes/offer-letters.js';
import { offersRoutes } from './routes/offers.js';
import { orgUnitsRoutes } from './routes/org-units.js';
import { policiesRoutes } from './routes/policies.js';
import { probationReviewsRoutes } from './routes/probation-reviews.js';
import { requisitionsRoutes } from './routes/requisitions.js';
import { openingsRoutes } from './routes/openings.js';
import { candidatesRoutes } from './routes/candidates.js';
import { interviewsRoutes } from './routes/interviews.js';
import { offboardingsRoutes } from './routes/offboardings.js';
import { resignationsRoutes } from './routes/resignations.js';
import { disciplinaryActionsRoutes } from './routes/disciplinary-actions.js';
import { onboardingRoutes } from './routes/onboarding.js';
import { requestsRoutes } from './routes/requests.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { localClockRoutes } from './routes/local-clock.js';
import { serveOpenApi } from './openapi.js';
import { usersRoutes } from './routes/users.js';
import { webhooksRoutes } from './routes/webhooks.js';

/** Largest JSON body accepted; the biggest legitimate one (a batch import page) fits easily. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The whole HTTP API. The same app runs on Lambda (lambda.ts) and locally (infra/local). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestContext(deps));
  app.use(
    '/api/*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"] },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('/api/v1/*', requireJsonBody);
  app.use(
    '/api/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => sendProblem(c, problem(c.get('lang'), 413, 'REQUEST.TOO_LARGE', { limit: MAX_BODY_BYTES })),
    }),
  );
  app.use('/api/v1/*', sameOrigin(deps.publicUrl));
  app.use('/api/v1/*', authenticate());
  app.use('/api/v1/*', rejectHiddenCharacters());
  // Health is public, but an administrator signed in gets each engine's state.
  app.use('/api/health', authenticate());

  app.route('/api/health', healthRoutes());
  app.route('/api/v1/auth', authRoutes());
  app.route('/api/v1/users', usersRoutes());
  app.route('/api/v1/employees', employeesRoutes());
  app.route('/api/v1/org-units', orgUnitsRoutes());
  app.route('/api/v1/audit', auditRoutes());
  app.route('/api/v1/api-keys', apiKeysRoutes());
  app.route('/api/v1/webhooks', webhooksRoutes());
  app.route('/api/v1/policies', policiesRoutes());
  app.route('/api/v1/approvals', approvalsRoutes());
  app.route('/api/v1/attachments', attachmentsRoutes());
  app.route('/api/v1/probation-reviews', probationReviewsRoutes());
  app.route('/api/v1/requisitions', requisitionsRoutes());
  app.route('/api/v1/openings', openingsRoutes());
  app.route('/api/v1/candidates', candidatesRoutes());
  app.route('/api/v1/interviews', interviewsRoutes());
  app.route('/api/v1/offers', offersRoutes());
  app.route('/api/v1/onboarding-checklists', onboardingRoutes());
  app.route('/api/v1/resignations', resignationsRoutes());
  app.route('/api/v1/offboardings', offboardingsRoutes());
  app.route('/api/v1/disciplinary-actions', disciplinaryActionsRoutes());
  app.route('/api/v1/requests', requestsRoutes([...deps.workflow.kinds.keys()]));
  app.route('/api/v1/dashboard', dashboardRoutes());
  if (deps.localClock) app.route('/api/v1/local/clock', localClockRoutes(deps.localClock));
  app.use('/a/*', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Too large', 413) }));
  app.route('/a/offer', offerLetterRoutes());
  app.route('/a', linkRoutes());

  serveOpenApi(app);
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/docs.css', (c) => c.body(DOCS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/api/docs/docs.js', (c) => c.body(DOCS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));

  app.all('/api/*', (c) => sendProblem(c, problem(c.get('lang'), 404, 'REQUEST.NOT_FOUND')));
  app.onError((err, c) => toProblem(err, c as Context<AppEnv>));
  return app;
}

/** Mutations take JSON only: it also stops cross-site form posts riding on the session cookie. */
async function requireJsonBody(c: Context<AppEnv>, next: () => Promise<void>) {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type') ?? '';
    const hasBody = c.req.header('content-length') !== '0' && (c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined);
    if (hasBody && !/^application\/(.+\+)?json\b/i.test(type)) {
      return sendProblem(c, problem(c.get('lang'), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'));
    }
  }
  await next();
}

function toProblem(err: Error, c: Context<AppEnv>): Response {
  const lang = c.get('lang') ?? 'zh-CN';
  if (err instanceof DecisionFieldsInvalid) {
    return sendProblem(c, problem(lang, 400, 'APPROVAL.FIELDS_INVALID', err.params, { errors: fieldErrors(lang, err.issues) }));
  }
  if (err instanceof DomainError) {
    const status = statusOf(err.code);
    const headers: Record<string, string> = {};
    if (err.code === 'AUTH.RATE_LIMITED') headers['Retry-After'] = String(err.params.retryAfter ?? 60);
    const errors = domainFieldErrors(lang, err);
    return sendProblem(c, problem(lang, status, err.code, err.params, { ...(errors ? { errors } : {}), extra: err.extra }), headers);
  }
  if (err instanceof FieldErrorsProblem) return sendProblem(c, problem(lang, err.status, 'REQUEST.INVALID', {}, { errors: err.errors }));
  if (err instanceof InvalidCursorError) return sendProblem(c, problem(lang, 400, 'REQUEST.INVALID_CURSOR', {}, { field: 'cursor' }));
  if (err instanceof HTTPException && err.status < 500) {
    const malformed = /JSON/i.test(err.message);
    return sendProblem(
      c,
      problem(lang, err.status, malformed ? 'REQUEST.MALFORMED_JSON' : 'REQUEST.INVALID', {}, malformed ? { field: '(body)' } : {}),
    );
  }
  const deps = c.get('deps');
  if (isUnavailable(err)) {
    deps?.log('warn', 'storage unavailable', { requestId: c.get('requestId'), error: err.name });
    return sendProblem(c, problem(lang, 503, 'SERVER.UNAVAILABLE'), { 'Retry-After': '5' });
  }
  // Unknown failure: log the stack against the request id; the client only sees the id.
  deps?.log('error', 'unhandled error', { requestId: c.get('requestId'), error: err.name, message: err.message, stack: err.stack });
  return sendProblem(c, problem(lang, 500, 'SERVER.ERROR', {}, { extra: { requestId: c.get('requestId') } }));
}

function isUnavailable(err: Error): boolean {
  const code = (err as { code?: string }).code;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code ?? '') ||
    ['ServiceUnavailable', 'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TimeoutError'].includes(err.name)
  );
}
