import { formNumber as num } from '../components/policyPaths.js';
import type { ApproverRule, ChainStep, ProbationPolicyValues } from './types.js';

// The form's inputs, by path: a server error on one of these goes under it; any other (a whole
// group such as `values.weights`) is shown by the section it belongs to. The score bands are a
// grid, not inputs: their errors go on its cells (components/PolicyTable.tsx).
const INPUT_PATHS = [
  /^values\.(defaultMonths|minMonths|maxMonths|earlyConversionMinMonths|applicationCutoffDay|reviewLeadDays|extensionMonths|stepDueHours|linkExpiryDays)$/,
  /^values\.weights\.(dailyPerformance|professionalTest|interview)$/,
  /^values\.attendance\.(maxPersonalLeave|maxLate|allowEarlyLeave|allowDisciplinaryRecord)$/,
  /^values\.chain\.\d+\.(key|labelZh|labelEn|records|approver\.(kind|post|fallback|role|mode))$/,
];

export function isPolicyInput(path: string): boolean {
  return INPUT_PATHS.some((re) => re.test(path));
}

type Loose = Record<string, unknown>;

/** An approver rule with only the keys its kind has (the form keeps what was typed for the others). */
export function cleanApprover(approver: Loose | null | undefined): ApproverRule | Loose {
  const kind = approver?.kind;
  if (kind === 'superior') return { kind };
  if (kind === 'post_in_line') {
    return approver?.fallback === 'superior' || approver?.fallback === true ? { kind, post: approver.post as string, fallback: 'superior' } : { kind, post: approver?.post as string };
  }
  // 或签 unless 会签 is chosen: the API's default, and what a policy saved before the choice meant.
  if (kind === 'role') return { kind, role: approver?.role as string, mode: approver?.mode === 'all' ? 'all' : 'any' };
  return { ...approver };
}

/**
 * The form's values as PUT /policies/probation takes them: numbers as numbers, "records
 * nothing" as null, each approver rule reduced to its kind's keys. Nothing is checked here:
 * the API validates and names every problem by its path.
 */
export function toSaveValues(values: Loose): ProbationPolicyValues {
  const out: Loose = { ...values };
  for (const key of ['defaultMonths', 'minMonths', 'maxMonths', 'earlyConversionMinMonths', 'applicationCutoffDay', 'reviewLeadDays', 'extensionMonths', 'stepDueHours', 'linkExpiryDays']) {
    if (key in out) out[key] = num(out[key]);
  }
  const weights = values.weights as Loose | undefined;
  if (weights) out.weights = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, num(v)]));
  const attendance = values.attendance as Loose | undefined;
  if (attendance) {
    out.attendance = {
      ...attendance,
      maxPersonalLeave: num(attendance.maxPersonalLeave),
      maxLate: num(attendance.maxLate),
      allowEarlyLeave: Boolean(attendance.allowEarlyLeave),
      allowDisciplinaryRecord: Boolean(attendance.allowDisciplinaryRecord),
    };
  }
  if (Array.isArray(values.bands)) {
    out.bands = (values.bands as Loose[]).map((b) => ({ min: num(b?.min), outcome: b?.outcome ?? null, gap: Boolean(b?.gap) }));
  }
  if (Array.isArray(values.chain)) {
    out.chain = (values.chain as Loose[]).map((s): Loose => ({
      key: typeof s?.key === 'string' ? s.key.trim() : s?.key,
      approver: cleanApprover(s?.approver as Loose | undefined),
      records: s?.records === 'scores' || s?.records === 'outcome' ? s.records : null,
      labelZh: s?.labelZh ?? '',
      labelEn: s?.labelEn ?? '',
    }));
  }
  return out as unknown as ProbationPolicyValues;
}

/** A new chain step's starting values (an approver must still be chosen). */
export const NEW_CHAIN_STEP: Partial<ChainStep> = { approver: { kind: 'superior' }, records: null };
