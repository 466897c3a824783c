import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/auth/roles.js';
import { DelegationSchema } from './user-delegation.js';

/** A user account as the API shows it (users, sign-in, disable/enable). */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    roles: z.array(z.enum(ROLES)),
    employeeId: z.string().nullable(),
    name: z.string(),
    language: z.enum(['zh-CN', 'en']),
    status: z.enum(['active', 'disabled']),
    mustChangePassword: z.boolean().openapi({ description: 'The password is one others know (the demo logins): the console asks for a new one until it is changed' }),
    passwordChangedAt: z.string().nullable().optional().openapi({ description: 'When the password was last changed or reset' }),
    delegation: DelegationSchema.nullable().optional().openapi({ description: '代理: the out-of-office delegate, if one is set (see /users/{id}/delegation)' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');
