import type { DecisionInput } from '../providers/consoleMethods.js';
import type { DecisionField } from './types.js';

/**
 * The decision form, built from the step's spec (GET /approvals/{id} `fields`): each field's
 * input sits at its `path` (`scores.interview`), which is also where the API puts its errors,
 * so a refused value lands on its input. Nothing here knows a request kind.
 */

/** The form's values: the comment and each field at its path. */
export interface DecisionFormValues {
  decision?: 'approve' | 'reject';
  comment?: string | null;
  [group: string]: unknown;
}

function read(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}

function write(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = body;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** A field's value as the API takes it; undefined for an empty input (the API names what is missing). */
export function fieldValue(field: DecisionField, raw: unknown): unknown {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (field.type === 'integer' || field.type === 'number') {
    // A number typed as text is sent as a number; anything else is sent as typed, for the API to refuse by name.
    if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
    return raw;
  }
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return typeof raw === 'string' ? raw.trim() : raw;
}

/**
 * The body of POST /approvals/{id}/decision (less `decision`, which the method names). A
 * rejection carries only its comment; an approval every field that was filled in, at its path.
 */
export function decisionBody(decision: 'approve' | 'reject', values: DecisionFormValues, fields: readonly DecisionField[]): DecisionInput {
  const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
  const body: DecisionInput = comment ? { comment } : {};
  if (decision === 'reject') return body;
  for (const field of fields) {
    const value = fieldValue(field, read(values, field.path));
    if (value !== undefined) write(body, field.path, value);
  }
  return body;
}
