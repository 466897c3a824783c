import { createRoute, z } from '@hono/zod-openapi';
import { ARRANGEABLE_FIELDS, LEVELS } from '../../domain/people/model.js';
import { validateProbationPolicy, type PolicyIssue } from '../../domain/probation/policy-validation.js';
import { validateAttachmentsPolicy } from '../../domain/attachments/policy-validation.js';
import { validateOffboardingPolicy } from '../../domain/offboarding/policy-validation.js';
import { validateDisciplinePolicy } from '../../domain/discipline/policy-validation.js';
import { validateRecruitmentPolicy } from '../../domain/recruitment/policy-validation.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_POLICIES, POLICY_GAPS, POLICY_NAMES, type PolicyName, type PolicySet } from '../../domain/policy/defaults.js';
import { getPolicy, savePolicy } from '../../storage/policies.js';
import { actorOf, authorize, newRouter, nowIso } from '../env.js';
import { message } from '../messages.js';
import { requires } from '../middleware/requires.js';
import { FieldErrorsProblem } from '../problem.js';
import { json, jsonBody, problemResponses } from '../schemas.js';

const PolicySchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    values: z.record(z.string(), z.unknown()),
    defaults: z.record(z.string(), z.unknown()),
    gaps: z.array(z.string()).openapi({ description: 'Values that fill a gap in the source documents (ours, not theirs)' }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('Policy');

const NameParam = z.object({ name: z.enum(POLICY_NAMES as [PolicyName, ...PolicyName[]]) });

const VALIDATORS: Record<PolicyName, (values: Record<string, unknown>) => PolicyIssue[]> = {
  org: validateOrgPolicy,
  probation: validateProbationPolicy,
  approvals: validateApprovalsPolicy,
  recruitment: validateRecruitmentPolicy,
  offboarding: validateOffboardingPolicy,
  discipline: validateDisciplinePolicy,
};

/** Policies are data HR edits; each save is a new version and decisions record the one they used. */
export function policiesRoutes() {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'get', path: '/{name}', operationId: 'getPolicy', tags: ['policies'], summary: 'The current version of a policy',
      middleware: [requires('policies:read')] as const,
      request: { params: NameParam },
      responses: { 200: json(PolicySchema), ...problemResponses(400, 401, 403) },
    }),
    async (c) => {
      authorize(c, 'policies:read');
      const { name } = c.req.valid('param');
      const policy = await getPolicy(c.get('deps').store, name);
      return c.json({ ...policy, values: policy.values as unknown as Record<string, unknown>, defaults: DEFAULT_POLICIES[name] as unknown as Record<string, unknown>, gaps: POLICY_GAPS[name] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/{name}', operationId: 'savePolicy', tags: ['policies'], summary: 'Save a new version of a policy (HR, admin); `version` must be the one you read',
      middleware: [requires('policies:write')] as const,
      request: { params: NameParam, body: jsonBody(z.object({ values: z.record(z.string(), z.unknown()), version: z.number().int().min(0) }).strict()) },
      responses: { 200: json(PolicySchema), ...problemResponses(400, 401, 403, 409, 422) },
    }),
    async (c) => {
      const p = authorize(c, 'policies:write');
      const { name } = c.req.valid('param');
      const body = c.req.valid('json');
      const lang = c.get('lang');
      const issues = VALIDATORS[name](body.values);
      if (issues.length > 0) {
        const errors = issues.map((i) => ({ path: `values.${i.path}`, code: i.code, message: message(lang, i.code, i.params ?? {}) }));
        throw new FieldErrorsProblem(422, errors);
      }
      const { store } = c.get('deps');
      const current = await getPolicy(store, name);
      if (current.version !== body.version) throw new DomainError('RECORD.VERSION_CONFLICT', undefined, { version: body.version }, { current });
      const saved = await savePolicy(store, name, body.values as unknown as PolicySet[typeof name], current.version, actorOf(p), nowIso(c), { channel: c.get('channel') }, current.values);
      return c.json({ ...saved, values: saved.values as unknown as Record<string, unknown>, defaults: DEFAULT_POLICIES[name] as unknown as Record<string, unknown>, gaps: POLICY_GAPS[name] }, 200);
    },
  );

  return app;
}

function validateOrgPolicy(values: Record<string, unknown>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const salary = values.levelBaseSalary as Record<string, unknown> | undefined;
  if (typeof salary !== 'object' || salary === null) return [{ path: 'levelBaseSalary', code: 'POLICY.REQUIRED' }];
  for (const level of LEVELS) {
    const v = salary[level];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) issues.push({ path: `levelBaseSalary.${level}`, code: 'POLICY.INTEGER_RANGE', params: { min: 0, max: 1_000_000 } });
  }
  // Optional: a client that predates the field leaves it out, and the stored policy then reads as the default.
  if (values.managerEditableFields !== undefined) issues.push(...validateManagerEditableFields(values.managerEditableFields));
  if (values.hireDateWindow !== undefined) {
    const w = (values.hireDateWindow ?? {}) as Record<string, unknown>;
    const whole = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    if (!whole(w.pastYears, 1, 80)) issues.push({ path: 'hireDateWindow.pastYears', code: 'POLICY.INTEGER_RANGE', params: { min: 1, max: 80 } });
    if (!whole(w.futureDays, 0, 730)) issues.push({ path: 'hireDateWindow.futureDays', code: 'POLICY.INTEGER_RANGE', params: { min: 0, max: 730 } });
  }
  const known = ['levelBaseSalary', 'managerEditableFields', 'hireDateWindow'];
  for (const key of Object.keys(values)) if (!known.includes(key)) issues.push({ path: key, code: 'POLICY.ONE_OF', params: { allowed: known.join(', ') } });
  return issues;
}

/** Which employee fields supervisors and CS managers may arrange: distinct names from ARRANGEABLE_FIELDS, possibly none. */
function validateManagerEditableFields(list: unknown): PolicyIssue[] {
  const allowed = { allowed: ARRANGEABLE_FIELDS.join(', ') };
  if (!Array.isArray(list)) return [{ path: 'managerEditableFields', code: 'POLICY.ONE_OF', params: allowed }];
  return list.flatMap((field, i): PolicyIssue[] => {
    const path = `managerEditableFields[${i}]`;
    if (!(ARRANGEABLE_FIELDS as readonly unknown[]).includes(field)) return [{ path, code: 'POLICY.ONE_OF', params: allowed }];
    return list.indexOf(field) < i ? [{ path, code: 'POLICY.DUPLICATE_VALUE', params: { value: String(field) } }] : [];
  });
}

function validateApprovalsPolicy(values: Record<string, unknown>): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const v = values.remindIntervalHours;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 168) issues.push({ path: 'remindIntervalHours', code: 'POLICY.INTEGER_RANGE', params: { min: 1, max: 168 } });
  if (typeof values.sameApproverDecidesOnce !== 'boolean') issues.push({ path: 'sameApproverDecidesOnce', code: 'POLICY.ONE_OF', params: { allowed: 'true, false' } });
  if (!['self', 'skip', 'superior'].includes(values.requesterIsApprover as string)) issues.push({ path: 'requesterIsApprover', code: 'POLICY.ONE_OF', params: { allowed: 'self, skip, superior' } });
  if (!['superior', 'hr'].includes(values.approverLeft as string)) issues.push({ path: 'approverLeft', code: 'POLICY.ONE_OF', params: { allowed: 'superior, hr' } });
  // Optional: a client that predates it leaves it out, and the stored policy then reads as the default.
  if (values.attachments !== undefined) issues.push(...validateAttachmentsPolicy(values.attachments));
  const known = ['remindIntervalHours', 'sameApproverDecidesOnce', 'requesterIsApprover', 'approverLeft', 'attachments'];
  for (const key of Object.keys(values)) if (!known.includes(key)) issues.push({ path: key, code: 'POLICY.ONE_OF', params: { allowed: known.join(', ') } });
  return issues;
}
