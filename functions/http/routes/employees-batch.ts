/** POST /employees/batch: paste and import, row by row (the route is in employees.ts). */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, type Principal } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { createEmployee, employeeIdByNumber } from '../../storage/employees.js';
import { actorOf, nowIso, type AppEnv } from '../env.js';
import { message, type MessageCode } from '../messages.js';
import { domainFieldErrors, fieldErrors, statusOf, type FieldError } from '../problem.js';
import { prepareCreate, preparePatch, writePatch } from './employee-changes.js';
import { CreateEmployeeBody, EmployeeSchema, PatchEmployeeBody } from './employee-schemas.js';
import { present } from './employee-scope.js';

const MAX_BATCH = 500;
const BatchRow = z.record(z.string(), z.unknown());
export const BatchBody = z
  .object({ items: z.array(BatchRow).min(1).max(MAX_BATCH), dryRun: z.boolean().default(false) })
  .strict()
  .openapi('EmployeeBatchRequest');
const BatchRowResult = z.object({
  index: z.number().int(),
  status: z.number().int(),
  id: z.string().nullable(),
  item: EmployeeSchema.nullable(),
  code: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })).optional(),
});
export const BatchResult = z
  .object({ results: z.array(BatchRowResult), created: z.number().int(), updated: z.number().int(), failed: z.number().int() })
  .openapi('EmployeeBatchResult');
type RowResult = z.infer<typeof BatchRowResult>;

/**
 * Rows one by one, in order (a row may name a superior created by an earlier row). A row's
 * failure is its own result; only a fault of the system (5xx) stops the batch. A principal
 * who only arranges their people gets each new-employee row refused (403) and the rest done.
 */
export async function runBatch(c: Context<AppEnv>, p: Principal, rows: Record<string, unknown>[], dryRun: boolean): Promise<RowResult[]> {
  const { store } = c.get('deps');
  const lang = c.get('lang');
  const at = nowIso(c);
  const numbers = new Map<string, string>(); // employeeNo → id, for rows of this batch
  const numbersSeen = new Set<string>();
  // Addresses this batch gives someone: a dry run cannot ask the guards about rows it did not write.
  const emailsSeen = new Set<string>();
  const claimEmail = (email: string) => {
    const key = email.toLowerCase();
    if (emailsSeen.has(key)) throw new DomainError('EMPLOYEE.EMAIL_TAKEN', 'email', { email });
    emailsSeen.add(key);
  };
  const results: RowResult[] = [];
  for (const [index, raw] of rows.entries()) {
    const fail = (status: number, code: MessageCode, detail: string, errors?: FieldError[]) => results.push({ index, status, id: typeof raw.id === 'string' ? raw.id : null, item: null, code, detail, ...(errors ? { errors } : {}) });
    try {
      // Before anything about the row's content: whether this caller may add people at all.
      if (typeof raw.id !== 'string' && !can(p, 'employees:write')) throw new DomainError('EMPLOYEE.CREATE_HR_ONLY');
      const { superiorNo, ...row } = raw;
      if (superiorNo !== undefined) {
        if (typeof superiorNo !== 'string' || !superiorNo.trim()) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorNo');
        row.superiorId = numbers.get(superiorNo.trim()) ?? (await employeeIdByNumber(store, superiorNo.trim()));
        if (!row.superiorId) throw new DomainError('EMPLOYEE.SUPERIOR_NOT_FOUND', 'superiorNo');
      }
      if (typeof row.id === 'string') {
        const { id, ...rest } = row;
        const parsed = PatchEmployeeBody.safeParse(rest);
        if (!parsed.success) {
          fail(400, 'REQUEST.INVALID', message(lang, 'REQUEST.INVALID'), fieldErrors(lang, parsed.error.issues));
          continue;
        }
        const prepared = await preparePatch(c, p, id, parsed.data, at);
        if (prepared.next.email !== prepared.current.email) claimEmail(prepared.next.email);
        const shown = dryRun ? (await present(c, [prepared.next], { superior: prepared.superior, team: prepared.team }))[0]! : await writePatch(c, p, prepared);
        results.push({ index, status: 200, id, item: shown });
        continue;
      }
      const parsed = CreateEmployeeBody.safeParse(row);
      if (!parsed.success) {
        fail(400, 'REQUEST.INVALID', message(lang, 'REQUEST.INVALID'), fieldErrors(lang, parsed.error.issues));
        continue;
      }
      const { employee, superior, team } = await prepareCreate(c, p, parsed.data, at);
      if (numbersSeen.has(employee.employeeNo) || (dryRun && (await employeeIdByNumber(store, employee.employeeNo)))) {
        throw new DomainError('EMPLOYEE.NUMBER_TAKEN', 'employeeNo', { employeeNo: employee.employeeNo });
      }
      claimEmail(employee.email);
      if (!dryRun) {
        await createEmployee(store, employee, {
          entityType: 'employee', entityId: employee.id, action: 'create', actor: actorOf(p), channel: c.get('channel'), before: null, after: employee as unknown as Record<string, unknown>, at,
        });
      }
      numbersSeen.add(employee.employeeNo);
      numbers.set(employee.employeeNo, employee.id);
      const [shown] = await present(c, [employee], { superior, team });
      results.push({ index, status: 201, id: dryRun ? null : employee.id, item: shown! });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      fail(statusOf(err.code), err.code, message(lang, err.code, err.params), domainFieldErrors(lang, err));
    }
  }
  return results;
}
