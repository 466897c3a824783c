import type { WriteFailure } from './rowWrites.js';
import type { SheetRow } from './types.js';

/**
 * Why a PATCH failed, from the data provider's HttpError (providers/http.ts): its body is the
 * problem+json, with field errors already shaped like a form (`{ phone: '…', root: {…} }`).
 * A stale version (409 RECORD.VERSION_CONFLICT) carries the record as it is now in `current`.
 */
export function classifyWriteError(error: unknown, field: string): WriteFailure {
  const { status, message, body } = (error ?? {}) as { status?: number; message?: string; body?: Record<string, unknown> | null };
  const text = typeof message === 'string' && message ? message : 'ra.notification.http_error';
  if (status === 409 && body?.code === 'RECORD.VERSION_CONFLICT') {
    const current = body.current;
    return { kind: 'conflict', current: isRow(current) ? current : null, message: text };
  }
  const errors = body?.errors;
  if (errors && typeof errors === 'object') {
    const own = (errors as Record<string, unknown>)[field];
    if (typeof own === 'string') return { kind: 'refused', message: own };
    // The server may name another field the change broke (a post that needs a superior).
    const other = Object.entries(errors).find(([key, value]) => key !== 'root' && typeof value === 'string');
    if (other) return { kind: 'refused', message: String(other[1]) };
  }
  return { kind: 'refused', message: text };
}

function isRow(value: unknown): value is SheetRow {
  return !!value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string';
}
