/** Checks the approvals policy's `attachments` section HR submits (issue #12), each problem by its path. */
import type { PolicyIssue } from '../probation/policy-validation.js';
import { ATTACHMENT_TYPE_NAMES } from './types.js';

/** Bounds of the limits HR may set: a single presigned PUT carries up to 1 GB here; a decision's transaction holds at most 20. */
export const ATTACHMENT_LIMITS = { minBytes: 1024, maxBytes: 1024 * 1024 * 1024, maxPerItem: 20 } as const;

export function validateAttachmentsPolicy(value: unknown, path = 'attachments'): PolicyIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, code: 'POLICY.REQUIRED' }];
  const v = value as Record<string, unknown>;
  const issues: PolicyIssue[] = [];
  const whole = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
  if (!whole(v.maxBytes, ATTACHMENT_LIMITS.minBytes, ATTACHMENT_LIMITS.maxBytes)) {
    issues.push({ path: `${path}.maxBytes`, code: 'POLICY.INTEGER_RANGE', params: { min: ATTACHMENT_LIMITS.minBytes, max: ATTACHMENT_LIMITS.maxBytes } });
  }
  if (!whole(v.perItem, 1, ATTACHMENT_LIMITS.maxPerItem)) issues.push({ path: `${path}.perItem`, code: 'POLICY.INTEGER_RANGE', params: { min: 1, max: ATTACHMENT_LIMITS.maxPerItem } });
  const allowed = { allowed: ATTACHMENT_TYPE_NAMES.join(', ') };
  if (!Array.isArray(v.allowedTypes) || v.allowedTypes.length === 0) {
    issues.push({ path: `${path}.allowedTypes`, code: 'POLICY.ONE_OF', params: allowed });
  } else {
    v.allowedTypes.forEach((t, i) => {
      if (!(ATTACHMENT_TYPE_NAMES as readonly unknown[]).includes(t)) issues.push({ path: `${path}.allowedTypes[${i}]`, code: 'POLICY.ONE_OF', params: allowed });
      else if ((v.allowedTypes as unknown[]).indexOf(t) < i) issues.push({ path: `${path}.allowedTypes[${i}]`, code: 'POLICY.DUPLICATE_VALUE', params: { value: String(t) } });
    });
  }
  for (const key of Object.keys(v)) if (!['maxBytes', 'allowedTypes', 'perItem'].includes(key)) issues.push({ path: `${path}.${key}`, code: 'POLICY.ONE_OF', params: { allowed: 'maxBytes, allowedTypes, perItem' } });
  return issues;
}
