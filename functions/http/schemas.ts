/** Shared request/response schemas; each is also an OpenAPI component. */
import { z } from '@hono/zod-openapi';
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

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: `Problem (${s})`, content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );

export const IdParam = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: '01j9z8k3m4n5p6q7' }),
});

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

/** A paragraph people type (a comment, a statement): line breaks are fine; hidden characters are not. */
export const paragraphText = (max: number, tooLong?: string) =>
  z.string().max(max, tooLong ? { message: tooLong } : undefined).superRefine(textRule(paragraphProblem));
