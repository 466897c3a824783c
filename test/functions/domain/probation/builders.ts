/** Test data for the probation rules (POLICIES.md §3). */
import { DomainError } from '../../../../functions/domain/errors.js';
import type { Employee } from '../../../../functions/domain/people/model.js';
import { DEFAULT_POLICIES, type ProbationPolicy } from '../../../../functions/domain/policy/defaults.js';

/** A trainee hired 2026-03-10 on the default 3-month probation (ends 2026-06-10). */
export function trainee(over: Partial<Employee> = {}): Employee {
  return {
    id: 'e1', employeeNo: 'CS1', name: '张三', email: 'z@x.cn', phone: '13800000000', post: 'agent',
    level: 'trainee', status: 'probation', superiorId: 'sup', teamId: 'team', departmentId: 'cs',
    hireDate: '2026-03-10', probationEndDate: '2026-06-10', path: '/gm/mgr/sup/e1/', version: 1,
    createdAt: '2026-03-10T00:00:00.000Z', updatedAt: '2026-03-10T00:00:00.000Z', ...over,
  };
}

export function policy(over: Partial<ProbationPolicy> = {}): ProbationPolicy {
  return { ...structuredClone(DEFAULT_POLICIES.probation), ...over };
}

export const SALARIES = DEFAULT_POLICIES.org.levelBaseSalary;

/** `CODE@field` of the DomainError thrown, or undefined when nothing is thrown. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.field ? `${err.code}@${err.field}` : err.code;
    throw err;
  }
  return undefined;
}

export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}
