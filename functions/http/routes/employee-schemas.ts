/** Request and response shapes of employees, shared by the single and the batch writes. */
import { isPhoneNumber } from '../../domain/people/phone.js';
import { z } from '@hono/zod-openapi';
import { EMPLOYEE_STATUSES, LEVELS, POSTS, type EmployeeInput } from '../../domain/people/model.js';
import { DateString, lineText } from '../schemas.js';

export const EmployeeSchema = z
  .object({
    id: z.string(),
    employeeNo: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    post: z.enum(POSTS),
    level: z.enum(LEVELS),
    status: z.enum(EMPLOYEE_STATUSES),
    superiorId: z.string().nullable(),
    superiorName: z.string().nullable(),
    superiorNo: z.string().nullable().openapi({ description: 'The superior’s 工号 (as an import names them)' }),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    departmentId: z.string().nullable(),
    hireDate: z.string(),
    probationEndDate: z.string().nullable().openapi({ description: '试用期截止: the planned end, or the day an early conversion ended it' }),
    conversionDate: z.string().nullable().openapi({ description: '转正日期: the day a probation review converted the employee; null before (or hired as regular)' }),
    baseSalary: z.number(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Employee');
export type ShownEmployee = z.infer<typeof EmployeeSchema>;

/** One schema per settable field; `satisfies` keeps it in step with the domain's EmployeeInput. */
const fields = {
  employeeNo: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_-]+$/, { message: 'format.employeeNo' }),
  name: lineText(50),
  email: z.string().trim().toLowerCase().email().max(254),
  phone: z.string().trim().max(30).refine(isPhoneNumber, { message: 'format.phone' }),
  post: z.enum(POSTS),
  level: z.enum(LEVELS),
  superiorId: z.string().min(1).max(64).nullable(),
  teamId: z.string().min(1).max(64).nullable().optional(),
  hireDate: DateString,
  probationEndDate: DateString.nullable().optional(),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
} satisfies Record<keyof EmployeeInput, z.ZodType>;

export const CreateEmployeeBody = z.object(fields).strict().openapi('CreateEmployeeRequest');

export const PatchEmployeeBody = z
  .object({
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
    version: z.number().int().min(1).openapi({ description: 'The version you read; a stale one gets 409' }),
  } as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> } & { version: z.ZodNumber })
  .strict()
  .openapi('PatchEmployeeRequest');

export type CreateBody = z.infer<typeof CreateEmployeeBody>;
export type PatchBody = z.infer<typeof PatchEmployeeBody>;
