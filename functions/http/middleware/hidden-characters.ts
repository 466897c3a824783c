import type { MiddlewareHandler } from 'hono';
import { anywhereProblem } from '../../domain/text/characters.js';
import type { AppEnv } from '../env.js';
import { FieldErrorsProblem, formatMessage, type FieldError } from '../problem.js';

/** Deeper than any request the API takes; a body nested further is not walked past it. */
const MAX_DEPTH = 12;

/**
 * The safety net under the text rules (#13 item 5): no string anywhere in a JSON body — field
 * or key, in a schema's text field or a policy's value or an import row — may hold NUL or
 * another control character (line breaks and tabs aside) or a direction override. Names and
 * other lines have stricter rules of their own (schemas.ts `lineText`). Refused with 400 naming
 * the field; the handler never runs, so nothing is written.
 */
export function rejectHiddenCharacters(): MiddlewareHandler<AppEnv> {
  return async function hiddenCharacters(c, next) {
    const method = c.req.method;
    if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && /^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      let body: unknown;
      try {
        // As text (Hono caches it): the validator and Idempotency-Key's hash read the same text after.
        body = JSON.parse(await c.req.text());
      } catch {
        return next(); // malformed: the route's validator answers REQUEST.MALFORMED_JSON
      }
      const found = firstProblem(body, '', 0);
      if (found) {
        const error: FieldError = { path: found.path || '(body)', code: found.problem, message: formatMessage(c.get('lang'), found.problem) };
        throw new FieldErrorsProblem(400, [error]);
      }
    }
    return next();
  };
}

function firstProblem(value: unknown, path: string, depth: number): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = anywhereProblem(value);
    return problem ? { path, problem } : null;
  }
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstProblem(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const problem = anywhereProblem(key);
    if (problem) return { path: at, problem };
    const found = firstProblem(inner, at, depth + 1);
    if (found) return found;
  }
  return null;
}
