import { formNumber } from '../components/policyPaths.js';

/**
 * The org policy's values (GET /api/v1/policies/org → values), POLICIES.md §1: the monthly base
 * salary of each level, and which employee details the managers of a team may change.
 */
export interface OrgPolicyValues {
  /** CNY a month, by level (trainee 1800 … reserve_supervisor 4000). */
  levelBaseSalary: Record<string, number>;
  /** Details supervisors and CS managers may change for the people below them; HR owns the rest (a gap). */
  managerEditableFields?: ManagerEditableField[];
}

export const MANAGER_EDITABLE_FIELDS = ['teamId', 'superiorId', 'phone', 'email'] as const;
export type ManagerEditableField = (typeof MANAGER_EDITABLE_FIELDS)[number];

/** Whether the form shows the manager fields: only when the API knows them (an older API rejects the key). */
export const hasManagerFields = (values: Record<string, unknown>) => 'managerEditableFields' in values;

const INPUTS = /^values\.(managerEditableFields|hireDateWindow\.(pastYears|futureDays))$/;

/** The checkbox group is an input; the salaries are a grid, whose cells show their own errors. */
export function isOrgPolicyInput(path: string): boolean {
  return INPUTS.test(path);
}

/**
 * The stored values as the form starts from them: a version saved before the API knew the
 * manager fields starts from their default, so HR sees (and saves) what is in force.
 */
export function toOrgForm(values: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  if (!hasManagerFields(values) && hasManagerFields(defaults)) out.managerEditableFields = defaults.managerEditableFields;
  // The hire-date window likewise: a version saved before it existed starts from the default in force.
  if (!('hireDateWindow' in values) && 'hireDateWindow' in defaults) out.hireDateWindow = defaults.hireDateWindow;
  return out;
}

/**
 * The form's values as PUT /policies/org takes them: salaries as numbers (an emptied cell as
 * null, which the API names), the manager fields in their fixed order and only when the form
 * has them (the checkbox group gives them in the order they were ticked). Nothing else is checked here: the API validates and names each problem.
 */
export function toOrgPolicy(values: Record<string, unknown>): Record<string, unknown> {
  const salary = values.levelBaseSalary;
  const out: Record<string, unknown> = {
    ...values,
    levelBaseSalary: salary && typeof salary === 'object' ? Object.fromEntries(Object.entries(salary).map(([level, v]) => [level, formNumber(v)])) : salary,
  };
  const window = values.hireDateWindow;
  if (window && typeof window === 'object') {
    const w = window as Record<string, unknown>;
    out.hireDateWindow = { pastYears: formNumber(w.pastYears), futureDays: formNumber(w.futureDays) };
  }
  if (hasManagerFields(values)) {
    const picked = Array.isArray(values.managerEditableFields) ? (values.managerEditableFields as unknown[]) : [];
    const known: readonly unknown[] = MANAGER_EDITABLE_FIELDS;
    // Anything else the stored list holds goes back as it was, for the API to judge.
    out.managerEditableFields = [...MANAGER_EDITABLE_FIELDS.filter((f) => picked.includes(f)), ...picked.filter((f) => !known.includes(f))];
  }
  return out;
}
