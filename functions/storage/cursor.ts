import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';

/**
 * Cursors are opaque to clients: the DynamoDB LastEvaluatedKey plus a fingerprint of the
 * query it belongs to, base64url-encoded. A cursor replayed against a different filter or
 * sort, or edited by hand, is refused rather than silently reading the wrong partition.
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export function encodeCursor(lastKey: Record<string, unknown> | undefined, query: unknown): string | null {
  if (!lastKey) return null;
  return Buffer.from(JSON.stringify({ k: lastKey, f: fingerprint(query) })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, query: unknown): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; f?: unknown };
    if (parsed.f !== fingerprint(query) || typeof parsed.k !== 'object' || parsed.k === null) throw new Error('mismatch');
    for (const v of Object.values(parsed.k)) if (typeof v !== 'string') throw new Error('bad key');
    return parsed.k as Record<string, unknown>;
  } catch {
    throw new InvalidCursorError('cursor');
  }
}

function fingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

export { DomainError };
