import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { findIdempotent, idempotencyPut, IdempotentReplay, requestHash } from '../../storage/idempotency.js';
import { transact } from '../../storage/transact.js';
import { principalOf, type AppEnv } from '../env.js';

/**
 * `Idempotency-Key` for the approval verbs: a retried request (a client that lost the answer,
 * a double click) gets the first answer again, marked `Idempotent-Replayed: true`, instead
 * of a second decision, notice or reminder. The verbs are also safe without a key — each is
 * a conditional write, so a repeat gets a clear 409 — but with a key the retry looks like
 * the success it was. The same key with a different body is refused.
 */
export function idempotent(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    const key = idempotencyKeyOf(c);
    if (!key) return next();
    const { store, now } = c.get('deps');
    const principal = principalOf(c);
    // Hashed: the path is the caller's and may be long; the stored key stays small and fixed.
    const scope = createHash('sha256').update(`${c.req.method} ${c.req.path}#${key}`).digest('base64url');
    // Hono's cached text: the body may have been read before (middleware/hidden-characters.ts).
    const raw = await c.req.text();
    const hash = requestHash(raw);
    const at = now().toISOString();
    const replay = (earlier: { requestHash: string; status: number; body: unknown }) => {
      if (earlier.requestHash !== hash) throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'Idempotency-Key');
      c.header('Idempotent-Replayed', 'true');
      return c.json(earlier.body as object, earlier.status as 200);
    };
    const earlier = await findIdempotent(store, principal.id, scope, at);
    if (earlier) return replay(earlier);
    await next();
    if (c.res.status < 200 || c.res.status >= 300) return;
    const body = (await c.res.clone().json().catch(() => null)) as unknown;
    try {
      await transact(store, [idempotencyPut(store, { principalId: principal.id, key: scope, requestHash: hash, status: c.res.status, body, now: at })]);
    } catch (err) {
      // Two retries raced and the other one stored first: both did the same work once.
      if (!(err instanceof IdempotentReplay)) throw err;
    }
  };
}

/** The request's `Idempotency-Key`, if it sent one of the accepted length (else 400). */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key');
  if (!key) return undefined;
  if (key.length < 8 || key.length > 128) throw new DomainError('IDEMPOTENCY.KEY_FORMAT', 'Idempotency-Key');
  return key;
}
