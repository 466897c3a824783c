import type { DecisionInput, DecisionOutcome } from '../providers/consoleMethods.js';
import type { DecisionField } from './types.js';

/**
 * A step's extra field (`scores_interview`) is sent grouped (`{scores: {interview: 95}}`), and
 * the API names its errors by the grouped path (`scores.interview`). The name is split at its
 * first `_`; the result is both the form input's source and the error's path.
 */
export function fieldPath(name: string): string {
  const at = name.indexOf('_');
  return at < 0 ? name : `${name.slice(0, at)}.${name.slice(at + 1)}`;
}

/** The decision form's values: the grouped fields sit under their group (`scores.interview`). */
export interface DecisionFormValues {
  decision?: 'approve' | 'reject';
  comment?: string | null;
  /** '' = keep the recommended outcome. */
  outcome?: DecisionOutcome | '' | null;
  extensionMonths?: number | null;
  [group: string]: unknown;
}

function read(values: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), values);
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** The fields' values grouped by their prefix; empty inputs are left out (the API names what is missing). */
export function groupFields(values: Record<string, unknown>, fields: readonly DecisionField[]): Record<string, Record<string, number>> {
  const groups: Record<string, Record<string, number>> = {};
  for (const field of fields) {
    const path = fieldPath(field.name);
    const value = asNumber(read(values, path));
    if (value === undefined) continue;
    const dot = path.indexOf('.');
    if (dot < 0) continue; // an ungrouped field is not something the API takes
    const group = path.slice(0, dot);
    (groups[group] ??= {})[path.slice(dot + 1)] = value;
  }
  return groups;
}

/**
 * The body of POST /approvals/{id}/decision (less `decision`, which the method names). A
 * rejection carries only its comment; an approval the step's fields and, when the approver
 * changes the recommended outcome, that outcome (with the extension length for `extend`).
 */
export function decisionBody(decision: 'approve' | 'reject', values: DecisionFormValues, fields: readonly DecisionField[]): DecisionInput {
  const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
  const body: DecisionInput = comment ? { comment } : {};
  if (decision === 'reject') return body;
  const groups = groupFields(values, fields);
  if (groups.scores) body.scores = groups.scores;
  if (groups.attendance) body.attendance = groups.attendance;
  if (values.outcome) {
    body.outcome = values.outcome;
    const months = asNumber(values.extensionMonths);
    if (values.outcome === 'extend' && months !== undefined) body.extensionMonths = months;
  }
  return body;
}
