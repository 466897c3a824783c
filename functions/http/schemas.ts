/** Shared request/response schemas; each is also an OpenAPI component. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { isValidDate } from '../domain/people/dates.js';
import { lineProblem, paragraphProblem, type TextProblem } from '../domain/text/characters.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'EMPLOYEE.NUMBER_TAKEN' }),
    errors: z
      .array(z.object({ path: z.string().openapi({ example: 'employeeNo' }), message: z.string(), code: z.string() }))
      .optional(),
  })
  .openapi('Problem');

/**
 * The problem answers, each a shared response component (`#/components/responses/<Name>`):
 * an operation names the statuses it can answer with `problemResponses(400, 401, …)`.
 */
export const PROBLEM_RESPONSES = {
  400: { name: 'BadRequest', description: 'A field, parameter or the JSON itself is invalid (`errors[].path` names each)' },
  401: { name: 'Unauthorized', description: 'Not signed in, or the session or key is no longer valid' },
  403: { name: 'Forbidden', description: 'Signed in, but the role (or the API key’s scopes) does not allow this' },
  404: { name: 'NotFound', description: 'No such record, or not one the caller may see' },
  409: { name: 'Conflict', description: 'The record changed since it was read (`version`), or the state no longer allows this' },
  413: { name: 'PayloadTooLarge', description: 'The body is larger than the API accepts (the detail names the limit)' },
  410: { name: 'Gone', description: 'It was there and is no more: a link already used or expired' },
  415: { name: 'UnsupportedMediaType', description: 'The body is not JSON: send `Content-Type: application/json`' },
  422: { name: 'UnprocessableContent', description: 'Well-formed, but against a rule (policy, state of a related record)' },
  429: { name: 'TooManyRequests', description: 'Too many attempts: wait for `Retry-After` seconds' },
} as const;
export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

export const problemResponses = (...statuses: ProblemStatus[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/${PROBLEM_RESPONSES[s].name}` }])) as Record<ProblemStatus, { $ref: string }>;

/**
 * `Idempotency-Key`, a shared header parameter: every operation that honours it lists it with
 * `parameters: [IDEMPOTENCY_KEY]` (middleware/idempotency.ts; POST /employees keeps its key in
 * the create's own transaction).
 */
export const IDEMPOTENCY_KEY = { $ref: '#/components/parameters/IdempotencyKey' };

/** Registers the shared responses and parameters above on the app's OpenAPI registry. */
export function registerSharedComponents(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const { name, description } of Object.values(PROBLEM_RESPONSES)) {
    registry.registerComponent('responses', name, { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  }
  registry.registerComponent('parameters', 'IdempotencyKey', {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Any unique string (8–128 characters) per intended change: a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`), the same key with another body 400 `IDEMPOTENCY.KEY_REUSED`. Kept for a day.',
    schema: { type: 'string', minLength: 8, maxLength: 128 },
  });
  // The Problem schema is referenced only through the responses above: register it by name.
  registry.register('Problem', ProblemSchema);
}

export const IdParam = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: '01j9z8k3m4n5p6q7' }),
});

/** A `[label, value]` pair; `items` as well as `prefixItems`, for tools that read only `items`. */
export const LabelledValue = z.tuple([z.string(), z.string()]).openapi({ items: { type: 'string' }, minItems: 2, maxItems: 2 });

export const LimitCursor = {
  limit: z.coerce.number().int().min(1).max(200).default(25).openapi({ description: 'Page size (1–200)' }),
  cursor: z.string().max(2048).optional().openapi({ description: 'Opaque cursor from the previous page' }),
};

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'format.date' })
  .refine(isValidDate, { message: 'format.date' })
  .openapi({ example: '2026-09-01', format: 'date' });

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

function textRule(check: (text: string) => TextProblem | null) {
  return (text: string, ctx: z.RefinementCtx) => {
    const found = check(text);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  };
}

/**
 * A line people type (a name, a title, a file name): trimmed, required, at most `max`
 * characters, and no control, invisible or direction-changing character in it (#13 item 5).
 */
export const lineText = (max: number) => z.string().trim().min(1).max(max).superRefine(textRule(lineProblem));

/** A reason people must give (pausing an opening, withdrawing an offer): a paragraph, not blank. */
export const reasonText = (max: number) => z.string().trim().min(1).max(max).superRefine(textRule(paragraphProblem));

/** A paragraph people type (a comment, a statement): line breaks are fine; hidden characters are not. */
export const paragraphText = (max: number, tooLong?: string) =>
  z.string().max(max, tooLong ? { message: tooLong } : undefined).superRefine(textRule(paragraphProblem));
