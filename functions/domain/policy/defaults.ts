/**
 * Policy defaults from POLICIES.md. These are only the *first version* of each policy:
 * they are written to storage on first start and from then on HR edits the stored,
 * versioned copy. Code reads the stored policy, never these constants directly, except to
 * seed. A value marked `gap` is ours, not the source documents'.
 */
import type { Level } from '../people/model.js';

export interface OrgPolicy {
  /** Monthly base salary per level, CNY (POLICIES.md §1, 003 篇2). */
  levelBaseSalary: Record<Level, number>;
}

export interface ProbationPolicy {
  /** Default probation length in months (§3: 3). */
  defaultMonths: number;
  /** Allowed probation length in months (§3, 001: 1–6). */
  minMonths: number;
  maxMonths: number;
  /** Early conversion not before this many months of service (§3: 1). */
  earlyConversionMinMonths: number;
  /** Applications for a month's review are accepted up to and including this day (§3: 15). */
  applicationCutoffDay: number;
  /** A scheduled review starts this many days before the end date (gap: 14). */
  reviewLeadDays: number;
}

export interface PolicySet {
  org: OrgPolicy;
  probation: ProbationPolicy;
}

export type PolicyName = keyof PolicySet;
export const POLICY_NAMES: readonly PolicyName[] = ['org', 'probation'];

export const DEFAULT_POLICIES: PolicySet = {
  org: {
    levelBaseSalary: { trainee: 1800, junior: 2200, mid: 2500, senior: 3000, reserve_supervisor: 4000 },
  },
  probation: {
    defaultMonths: 3,
    minMonths: 1,
    maxMonths: 6,
    earlyConversionMinMonths: 1,
    applicationCutoffDay: 15,
    reviewLeadDays: 14,
  },
};

/** Which default values fill a gap in the source documents (shown as such in the console). */
export const POLICY_GAPS: Record<PolicyName, string[]> = {
  org: [],
  probation: ['reviewLeadDays'],
};

export interface StoredPolicy<N extends PolicyName = PolicyName> {
  name: N;
  version: number;
  values: PolicySet[N];
  updatedAt: string;
  updatedBy: string | null;
}
