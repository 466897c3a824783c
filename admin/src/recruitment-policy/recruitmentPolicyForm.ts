import { formNumber } from '../components/policyPaths.js';
import { cleanApprover } from '../probation-policy/policyForm.js';
import type { ApproverRule } from '../probation-policy/types.js';

/** The recruitment policy's values (GET /api/v1/policies/recruitment → values), POLICIES.md §2. */
export interface RecruitmentPolicyValues {
  maxHeadcount: number;
  chain: RecruitmentChainStep[];
  stepDueHours: number;
  salaryRangePercent: number;
  reportWithinDays: number;
  interviewReminderHours: number;
  candidateRetentionDays: number;
  candidateSources: Array<{ key: string; labelZh: string; labelEn: string }>;
  onboardingItems: OnboardingItemRow[];
}

/** Who sees to an onboarding item (入职清单): the superior, any HR member, the mentor, the new hire. */
export const ONBOARDING_OWNERS = ['supervisor', 'hr', 'mentor', 'new_hire'] as const;

/** One item of the onboarding checklist a hire gets on reporting (000 第三章第二节), due `dueDays` after the report date. */
export interface OnboardingItemRow {
  key: string;
  labelZh: string;
  labelEn: string;
  owner: (typeof ONBOARDING_OWNERS)[number];
  dueDays: number;
}

export interface RecruitmentChainStep {
  key: string;
  approver: ApproverRule;
  labelZh: string;
  labelEn: string;
  /** A condition as data: the step is asked only from this many heads on; absent, always. */
  minHeadcount?: number;
}

const NUMBERS = ['maxHeadcount', 'stepDueHours', 'salaryRangePercent', 'reportWithinDays', 'candidateRetentionDays'] as const;

const INPUT_PATHS = [
  new RegExp(`^values\\.(${NUMBERS.join('|')})$`),
  /^values\.chain\.\d+\.(key|labelZh|labelEn|minHeadcount|approver\.(kind|post|fallback|role|mode))$/,
  /^values\.candidateSources\.\d+\.(key|labelZh|labelEn)$/,
  /^values\.onboardingItems\.\d+\.(key|labelZh|labelEn|owner|dueDays)$/,
];

/** Groups whose section shows their own errors (a chain with no unconditional step, a missing list). */
export const RECRUITMENT_GROUPS = ['values.chain', 'values.candidateSources', 'values.onboardingItems'];

/** A server error on one of these paths goes under its input; any other to its section or the top. */
export function isRecruitmentPolicyInput(path: string): boolean {
  return INPUT_PATHS.some((re) => re.test(path));
}

type Loose = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * The form's values as PUT /policies/recruitment takes them: numbers as numbers (an emptied
 * input as null, which the API names), each approver rule reduced to its kind's keys, and a
 * step's headcount condition left out when it is empty (asked whatever the headcount). Nothing
 * else is checked here: the API validates and names every problem by its path.
 */
export function toRecruitmentPolicy(values: Loose): Loose {
  const out: Loose = { ...values };
  for (const key of NUMBERS) if (key in out) out[key] = formNumber(out[key]);
  if (Array.isArray(values.chain)) {
    out.chain = (values.chain as Loose[]).map((s): Loose => {
      const min = formNumber(s?.minHeadcount);
      return {
        key: text(s?.key),
        approver: cleanApprover(s?.approver as Loose | undefined),
        labelZh: s?.labelZh ?? '',
        labelEn: s?.labelEn ?? '',
        ...(min === null ? {} : { minHeadcount: min }),
      };
    });
  }
  if (Array.isArray(values.candidateSources)) {
    out.candidateSources = (values.candidateSources as Loose[]).map((s) => ({ key: text(s?.key), labelZh: s?.labelZh ?? '', labelEn: s?.labelEn ?? '' }));
  }
  if (Array.isArray(values.onboardingItems)) {
    out.onboardingItems = (values.onboardingItems as Loose[]).map((s) => ({
      key: text(s?.key), labelZh: s?.labelZh ?? '', labelEn: s?.labelEn ?? '', owner: s?.owner ?? null, dueDays: formNumber(s?.dueDays),
    }));
  }
  return out;
}

/** A new chain step's starting values (the requester's direct superior, asked whatever the headcount). */
export const NEW_RECRUITMENT_STEP: Partial<RecruitmentChainStep> = { approver: { kind: 'superior' } };

/** A new onboarding item's starting values: HR's, due on the report day. */
export const NEW_ONBOARDING_ITEM: Partial<OnboardingItemRow> = { owner: 'hr', dueDays: 0 };
