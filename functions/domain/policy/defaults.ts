/**
 * Policy defaults from POLICIES.md. These are only the *first version* of each policy:
 * they are written to storage on first start and from then on HR edits the stored,
 * versioned copy. Code reads the stored policy, never these constants directly, except to
 * seed. A value marked `gap` is ours, not the source documents'.
 */
import type { ApproverRule } from '../approvals/chain.js';
import type { ArrangeableField, Level } from '../people/model.js';
import type { AttachmentsPolicy } from '../attachments/types.js';
import { DEFAULT_VIOLATIONS, type Violation } from '../discipline/catalogue.js';

export interface OrgPolicy {
  /** Monthly base salary per level, CNY (POLICIES.md §1, 003 篇2). */
  levelBaseSalary: Record<Level, number>;
  /**
   * What a supervisor or CS manager (employees:arrange) may change for people below them
   * (gap: team, superior and phone; the documents only say each person has one superior, §1).
   */
  managerEditableFields: ArrangeableField[];
  /**
   * Hire dates that are plausible: at most `pastYears` before today and `futureDays` after it
   * (a gap: the documents say nothing; a typo like 2099 must not set a probation end in 2100).
   */
  hireDateWindow: { pastYears: number; futureDays: number };
}

/** What a score band leads to (POLICIES.md §3). `convert_early` converts before the end date. */
export type ProbationBandOutcome = 'convert_early' | 'convert' | 'extend' | 'end';
export const PROBATION_BAND_OUTCOMES: readonly ProbationBandOutcome[] = ['convert_early', 'convert', 'extend', 'end'];

/** One row of the score table; rows are ordered highest `min` first and the last starts at 0. */
export interface ProbationBand {
  /** Lowest weighted score in the band, inclusive, compared at one decimal. */
  min: number;
  outcome: ProbationBandOutcome;
  /** The source documents say nothing about this range: the outcome is ours (shown as a gap). */
  gap: boolean;
}

/** The three parts of the assessment (§3, 000 第四节 5). */
export type ProbationScoreName = 'dailyPerformance' | 'professionalTest' | 'interview';
export const PROBATION_SCORE_NAMES: readonly ProbationScoreName[] = ['dailyPerformance', 'professionalTest', 'interview'];

/**
 * Who decides a step. Resolved against the employee's reporting line (nearest superior
 * first): `superior` is the direct superior; `post_in_line` the nearest superior holding
 * `post` (falling back to the direct superior when `fallback` says so); `role` everyone
 * holding the role: the first to decide decides for all (`any`, 或签) or every one of them
 * must approve (`all`, 会签).
 */
export type ProbationApprover = Exclude<ApproverRule, { kind: 'subject' }>;

export interface ProbationChainStep {
  key: string;
  approver: ProbationApprover;
  /** What the step writes besides its decision: the three scores, the final outcome, or nothing. */
  records: 'scores' | 'outcome' | null;
  labelZh: string;
  labelEn: string;
}

export interface ProbationAttendanceLimits {
  /** Most personal-leave occasions during probation (§3: 5). */
  maxPersonalLeave: number;
  /** Most late arrivals during probation (§3: 3). */
  maxLate: number;
  /** §3: no leaving early, no disciplinary record. */
  allowEarlyLeave: boolean;
  allowDisciplinaryRecord: boolean;
}

export interface ProbationPolicy {
  /** Default probation length in months (§3: 3). */
  defaultMonths: number;
  /** Allowed probation length in months (§3, 001: 1–6); `maxMonths` also caps extensions. */
  minMonths: number;
  maxMonths: number;
  /** Early conversion not before this many months of service (§3: 1). */
  earlyConversionMinMonths: number;
  /** Applications for a month's review are accepted up to and including this day (§3: 15). */
  applicationCutoffDay: number;
  /** A scheduled review starts this many days before the end date (gap: 14). */
  reviewLeadDays: number;
  /** Weight of each score in percent, summing to 100 (gap: 40/30/30). */
  weights: Record<ProbationScoreName, number>;
  /** Score bands, highest first (§3; the 70–79 and 60–64 rows are gaps). */
  bands: ProbationBand[];
  attendance: ProbationAttendanceLimits;
  /** Default length of one extension in months (gap: 1). */
  extensionMonths: number;
  /** The approval chain, in order (§3, 000 flow chart; 001's chain is another value of this). */
  chain: ProbationChainStep[];
  /** Hours an approver has for a step before it is overdue (gap: 48). */
  stepDueHours: number;
  /** Days an emailed decision link stays valid (gap: 7). */
  linkExpiryDays: number;
  /**
   * 抄送: who gets a read-only notice when the review ends, besides the employee and the
   * requester (who are told anyway) (gap: the employee's direct superior).
   */
  cc: ProbationApprover[];
}

/** Rules of the approval machinery shared by every workflow (approval verbs issue). */
export interface ApprovalsPolicy {
  /** A pending approver can be nudged (催办) at most once per this many hours (gap: 4). */
  remindIntervalHours: number;
  /**
   * When the same person is asked again later in one chain (e.g. a CS manager who is also the
   * direct supervisor), their earlier approval counts for the later step (gap: true).
   */
  sameApproverDecidesOnce: boolean;
  /**
   * When a step's approver is the requester: `self` they decide it like anyone else, `skip`
   * the step counts as approved (a step that records scores or an outcome is still asked),
   * `superior` their direct superior is asked instead (gap: self, as DingTalk's default).
   */
  requesterIsApprover: 'self' | 'skip' | 'superior';
  /**
   * An approver who has left: their pending tasks, and steps that would name them, go to
   * their direct superior (`superior`) or to HR (`hr`) (gap: superior).
   */
  approverLeft: 'superior' | 'hr';
  /**
   * Files on a request, a decision or a comment (issue #12): the largest file, the kinds of
   * file, and how many on one decision or comment (gap: 20 MB; office documents, PDF, images,
   * CSV, text, ZIP; 10).
   */
  attachments: AttachmentsPolicy;
}

/** One step of the requisition's approval chain (人才增补单, POLICIES.md §2). */
export interface RecruitmentChainStep {
  key: string;
  approver: ProbationApprover;
  labelZh: string;
  labelEn: string;
  /**
   * A condition as data: the step is asked only for a requisition of at least this many heads
   * (e.g. the GM only above N heads); absent, it is always asked.
   */
  minHeadcount?: number;
}

/** Where candidates come from (a job board, a referral, …): a key and its names. */
export interface CandidateSource {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** One interview round: a step of the candidate's hiring request, decided by the interviewers HR names. */
export interface InterviewRound {
  labelZh: string;
  labelEn: string;
  /** 或签: any interviewer's answer completes the round; 会签: all must answer. */
  mode: 'any' | 'all';
}

/** Who sees to an onboarding item: the new hire's superior, any HR member, the mentor, or the new hire. */
export type OnboardingOwner = 'supervisor' | 'hr' | 'mentor' | 'new_hire';
export const ONBOARDING_OWNERS: readonly OnboardingOwner[] = ['supervisor', 'hr', 'mentor', 'new_hire'];

/** One item of the onboarding checklist (入职清单, POLICIES.md §2 step 6; 000 第三章第二节). */
export interface OnboardingItemPolicy {
  key: string;
  labelZh: string;
  labelEn: string;
  owner: OnboardingOwner;
  /** Due this many calendar days after the report date (0: on the day the hire reports). */
  dueDays: number;
}

/** Recruitment: requisition → opening → candidates → interviews → offer → onboarding (POLICIES.md §2). */
export interface RecruitmentPolicy {
  /** The most heads one requisition may ask for (gap: 20). */
  maxHeadcount: number;
  /**
   * The requisition's approval chain (000 第三章: CS manager → HR; 001 二篇 adds the GM for new
   * headcount). The CS manager is found up from the requester (a CS manager's own requisition
   * is theirs to approve, as the approvals policy says for a requester who is an approver).
   */
  chain: RecruitmentChainStep[];
  /** Hours an approver has for a step before it is overdue (gap: 48). */
  stepDueHours: number;
  /** The salary range offered for a level: its base salary up to this many percent above (gap: 20). */
  salaryRangePercent: number;
  /** A hire must report within this many days of the offer's start date, or the offer lapses (§2: 10). */
  reportWithinDays: number;
  /** Hours before an interview its interviewers and the candidate are reminded (gap: 24). */
  interviewReminderHours: number;
  /** Days a candidate who was not hired is kept before their personal data is erased (gap: 180). */
  candidateRetentionDays: number;
  /** Where candidates come from, in the order the forms offer them. */
  candidateSources: CandidateSource[];
  /**
   * The interview rounds, in order (000 第三章: the department first; then HR, the department
   * head and the GM together, 会签 — every interviewer answers).
   */
  interviewRounds: InterviewRound[];
  /** Who decides the hire after the interviews (001: the GM, 总经理办公会); policy may name another. */
  hireDecider: ProbationApprover;
  /**
   * The onboarding checklist opened when a hire reports (000 第三章第二节 一–四; documents from 001
   * 二篇 (四)), in the order it is shown. The due days are ours (gap).
   */
  onboardingItems: OnboardingItemPolicy[];
}

/** One step of the resignation's approval chain (POLICIES.md §9): who approves, and its names. */
export interface OffboardingChainStep {
  key: string;
  approver: ProbationApprover;
  labelZh: string;
  labelEn: string;
}

/** Something issued to an employee that the department checks back at leaving (盘点, 001 六(二)). */
export interface InventoryItemPolicy {
  key: string;
  labelZh: string;
  labelEn: string;
  /** What the leaver is charged when it is not returned (yuan; HR may record another amount). */
  amount: number;
}

/** Why someone leaves, as the exit form (员工离职表) records it. */
export interface ExitReasonPolicy {
  key: string;
  labelZh: string;
  labelEn: string;
}

/** Leaving the company: resignation, handover, inventory, the last day, final pay (POLICIES.md §9; 001 六). */
export interface OffboardingPolicy {
  /** How far ahead a resignation is handed in (001 六(一): 1 month; 3 days in probation). */
  notice: { months: number; probationDays: number };
  /** The resignation's approval chain (gap: supervisor → CS manager → HR). */
  chain: OffboardingChainStep[];
  /** Hours an approver has for a step before it is overdue (gap: 48). */
  stepDueHours: number;
  /** Final pay on this day of the month this many months after the handover is complete (001 六(三): the 15th of the next). */
  finalPay: { dayOfMonth: number; monthsAfter: number };
  /** Owners of unsigned handover and inventory items are reminded this many days before the last day (gap: 3). */
  reminderDaysBefore: number;
  /** What is checked back (盘点), with the amount charged for a missing one (gap: the list and amounts). */
  inventoryItems: InventoryItemPolicy[];
  /** The exit form's reason categories (员工离职表; gap). */
  exitReasons: ExitReasonPolicy[];
}

/**
 * Discipline: warnings that roll up to dismissal (POLICIES.md §4; seed 004 第五条). Every number is
 * HR's to change; the catalogue of violations is a sheet (functions/domain/discipline/catalogue.ts).
 */
export interface DisciplinePolicy {
  /** 受三次口头警告等同一次书面警告 / 受三次书面警告等同一次最后警告 (004 第五条(一)(二)). */
  ladder: { verbalToWritten: number; writtenToFinal: number };
  windows: {
    /** A warning counts towards the ladder for this many months after it happened (gap: 12). */
    countingMonths: number;
    /** Days the employee has to sign the 处罚单, or two witnesses to sign for a refusal; then it lapses (gap: 7). */
    signDays: number;
    /** Days after the notice is served within which the employee may appeal in writing (004 (六)1: 三日内). */
    appealDays: number;
    /** Days the issuer's superior has to answer an appeal before reminders and escalation (004 (六)2: 一周内). */
    appealAnswerDays: number;
  };
  options: {
    /** 乐捐: whether actions carry the catalogue's fine (a company may turn fines off; deducting them from wages is restricted by local labour law). */
    fines: boolean;
    /** Witnesses who must sign for a refused notice to take effect (004 (六)3: 两个以上见证人). */
    witnesses: number;
  };
  /** 辞退: who approves a dismissal proposal, in order; every step is signed-in only (gap: the order). */
  dismissalChain: OffboardingChainStep[];
  /** Hours an approver of a dismissal proposal has for a step before it is overdue (gap: 48). */
  stepDueHours: number;
  /** The catalogue: each violation's code, level, fine and words (004 第五条(一)–(四)). */
  violations: Violation[];
}

export interface PolicySet {
  org: OrgPolicy;
  probation: ProbationPolicy;
  approvals: ApprovalsPolicy;
  recruitment: RecruitmentPolicy;
  offboarding: OffboardingPolicy;
  discipline: DisciplinePolicy;
}

export type PolicyName = keyof PolicySet;
export const POLICY_NAMES: readonly PolicyName[] = ['org', 'probation', 'approvals', 'recruitment', 'offboarding', 'discipline'];

export const DEFAULT_POLICIES: PolicySet = {
  approvals: {
    remindIntervalHours: 4, sameApproverDecidesOnce: true, requesterIsApprover: 'self', approverLeft: 'superior',
    attachments: { maxBytes: 20 * 1024 * 1024, allowedTypes: ['pdf', 'jpeg', 'png', 'webp', 'xlsx', 'xls', 'docx', 'doc', 'csv', 'txt', 'zip'], perItem: 10 },
  },
  org: {
    levelBaseSalary: { trainee: 1800, junior: 2200, mid: 2500, senior: 3000, reserve_supervisor: 4000 },
    managerEditableFields: ['teamId', 'superiorId', 'phone'],
    hireDateWindow: { pastYears: 50, futureDays: 90 },
  },
  probation: {
    defaultMonths: 3,
    minMonths: 1,
    maxMonths: 6,
    earlyConversionMinMonths: 1,
    applicationCutoffDay: 15,
    reviewLeadDays: 14,
    weights: { dailyPerformance: 40, professionalTest: 30, interview: 30 },
    // 000 第四节 6: ≥90 early, ≥80 on time, 65–70 extension, <60 not hired. 70 itself is in
    // the source's extension range, so the gap above it starts at 70.1 (scores have one decimal).
    bands: [
      { min: 90, outcome: 'convert_early', gap: false },
      { min: 80, outcome: 'convert', gap: false },
      { min: 70.1, outcome: 'extend', gap: true },
      { min: 65, outcome: 'extend', gap: false },
      { min: 60, outcome: 'extend', gap: true },
      { min: 0, outcome: 'end', gap: false },
    ],
    attendance: { maxPersonalLeave: 5, maxLate: 3, allowEarlyLeave: false, allowDisciplinaryRecord: false },
    extensionMonths: 1,
    // 000 flow chart: the supervisor assesses and records the scores → the CS manager signs →
    // the GM signs → HR evaluates and records the outcome.
    chain: [
      {
        key: 'supervisor',
        approver: { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' },
        records: 'scores',
        labelZh: '主管评估',
        labelEn: 'Supervisor assessment',
      },
      {
        key: 'cs_manager',
        approver: { kind: 'post_in_line', post: 'cs_manager' },
        records: null,
        labelZh: '客服经理评估签字',
        labelEn: 'CS manager sign-off',
      },
      { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, records: null, labelZh: '总经理签字', labelEn: 'GM sign-off' },
      {
        key: 'hr',
        approver: { kind: 'role', role: 'hr', mode: 'any' },
        records: 'outcome',
        labelZh: '人力资源部评估备案',
        labelEn: 'HR records the outcome',
      },
    ],
    stepDueHours: 48,
    linkExpiryDays: 7,
    cc: [{ kind: 'superior' }],
  },
  recruitment: {
    maxHeadcount: 20,
    chain: [
      { key: 'cs_manager', approver: { kind: 'post_in_line', post: 'cs_manager' }, labelZh: '客服经理审批', labelEn: 'CS manager approval' },
      { key: 'hr', approver: { kind: 'role', role: 'hr', mode: 'any' }, labelZh: '人力资源部审核', labelEn: 'HR review' },
      { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, labelZh: '总经理审批', labelEn: 'GM approval', minHeadcount: 1 },
    ],
    stepDueHours: 48,
    salaryRangePercent: 20,
    reportWithinDays: 10,
    interviewReminderHours: 24,
    candidateRetentionDays: 180,
    candidateSources: [
      { key: 'boss', labelZh: 'BOSS直聘', labelEn: 'BOSS Zhipin' },
      { key: 'zhaopin', labelZh: '智联招聘', labelEn: 'Zhaopin' },
      { key: '51job', labelZh: '前程无忧', labelEn: '51job' },
      { key: 'referral', labelZh: '内部推荐', labelEn: 'Employee referral' },
      { key: 'walk_in', labelZh: '现场应聘', labelEn: 'Walk-in' },
      { key: 'other', labelZh: '其他', labelEn: 'Other' },
    ],
    interviewRounds: [
      { labelZh: '初试（部门面试）', labelEn: 'First interview (department)', mode: 'any' },
      { labelZh: '复试（人力资源部、部门负责人、总经理）', labelEn: 'Second interview (HR, department head, GM)', mode: 'all' },
    ],
    hireDecider: { kind: 'role', role: 'gm', mode: 'any' },
    // 000 第三章第二节: 一 the hire reports with the offer letter; 二 is shown the department and
    // introduced; 三 learns the company's history, structure and goals; 四 gets a workstation and
    // a senior colleague's guidance (the mentor). 001 二篇 (四): ID, diploma and health check at
    // reporting. Due days (after the report date) are a gap: the day itself for what happens on
    // arrival, the next day for the rest.
    onboardingItems: [
      { key: 'report_with_offer', labelZh: '持录用通知书到部门报到', labelEn: 'Report to the department with the offer letter', owner: 'new_hire', dueDays: 0 },
      { key: 'documents', labelZh: '收取证件：身份证、学历证书、体检表', labelEn: 'Documents collected: ID, diploma, health check', owner: 'hr', dueDays: 0 },
      { key: 'workstation', labelZh: '安排工作台（办公用品、内训资料）', labelEn: 'Workstation ready (office supplies, training material)', owner: 'supervisor', dueDays: 0 },
      { key: 'tour_introductions', labelZh: '熟悉部门环境、设施，在部门内介绍新员工', labelEn: 'Tour of the department and introductions', owner: 'supervisor', dueDays: 0 },
      { key: 'company_overview', labelZh: '了解公司发展、部门机构、职能与工作目标', labelEn: 'Company history, department structure, duties and goals', owner: 'hr', dueDays: 1 },
      { key: 'mentor_guidance', labelZh: '优秀老员工（导师）进行岗前引导', labelEn: 'Mentor (a senior colleague) introduced for guidance', owner: 'mentor', dueDays: 1 },
    ],
  },
  // 001 六: notice 1 month (3 days in probation); the exit form, the handover form and the
  // inventory; pay settled on the 15th of the month after every handover is done. The chain,
  // the items and their amounts are ours (gap).
  offboarding: {
    notice: { months: 1, probationDays: 3 },
    chain: [
      { key: 'supervisor', approver: { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' }, labelZh: '主管审批', labelEn: 'Supervisor approval' },
      { key: 'cs_manager', approver: { kind: 'post_in_line', post: 'cs_manager' }, labelZh: '客服经理审批', labelEn: 'CS manager approval' },
      { key: 'hr', approver: { kind: 'role', role: 'hr', mode: 'any' }, labelZh: '人力资源部审核', labelEn: 'HR review' },
    ],
    stepDueHours: 48,
    finalPay: { dayOfMonth: 15, monthsAfter: 1 },
    reminderDaysBefore: 3,
    inventoryItems: [
      { key: 'badge', labelZh: '工卡', labelEn: 'Staff badge', amount: 20 },
      { key: 'headset', labelZh: '耳麦', labelEn: 'Headset', amount: 150 },
      { key: 'locker_key', labelZh: '储物柜钥匙', labelEn: 'Locker key', amount: 20 },
      { key: 'workstation', labelZh: '工位及办公用品', labelEn: 'Workstation and office supplies', amount: 0 },
      { key: 'uniform', labelZh: '工作服', labelEn: 'Uniform', amount: 100 },
    ],
    exitReasons: [
      { key: 'career', labelZh: '个人发展', labelEn: 'Career move' },
      { key: 'pay', labelZh: '薪酬待遇', labelEn: 'Pay' },
      { key: 'workload', labelZh: '工作强度', labelEn: 'Workload' },
      { key: 'family', labelZh: '家庭原因', labelEn: 'Family' },
      { key: 'study', labelZh: '继续深造', labelEn: 'Study' },
      { key: 'health', labelZh: '健康原因', labelEn: 'Health' },
      { key: 'other', labelZh: '其他', labelEn: 'Other' },
    ],
  },
  // 004 第五条: the ladder (3 = 1 twice), the fines, 3 days to appeal, an answer within a week,
  // two witnesses for a refusal. The counting window, the signing days and the dismissal
  // chain's order are ours (gap).
  discipline: {
    ladder: { verbalToWritten: 3, writtenToFinal: 3 },
    windows: { countingMonths: 12, signDays: 7, appealDays: 3, appealAnswerDays: 7 },
    options: { fines: true, witnesses: 2 },
    dismissalChain: [
      { key: 'supervisor', approver: { kind: 'post_in_line', post: 'supervisor', fallback: 'superior' }, labelZh: '主管审批', labelEn: 'Supervisor approval' },
      { key: 'cs_manager', approver: { kind: 'post_in_line', post: 'cs_manager' }, labelZh: '客服经理审批', labelEn: 'CS manager approval' },
      { key: 'hr', approver: { kind: 'role', role: 'hr', mode: 'any' }, labelZh: '人力资源部审核', labelEn: 'HR review' },
      { key: 'gm', approver: { kind: 'role', role: 'gm', mode: 'any' }, labelZh: '总经理审批', labelEn: 'GM approval' },
    ],
    stepDueHours: 48,
    violations: DEFAULT_VIOLATIONS.map((v) => ({ ...v, label: { ...v.label } })),
  },
};

/** Which default values fill a gap in the source documents (shown as such in the console). */
export const POLICY_GAPS: Record<PolicyName, string[]> = {
  org: ['managerEditableFields', 'hireDateWindow'],
  approvals: ['remindIntervalHours', 'sameApproverDecidesOnce', 'requesterIsApprover', 'approverLeft', 'attachments'],
  recruitment: ['maxHeadcount', 'stepDueHours', 'salaryRangePercent', 'candidateRetentionDays', 'interviewReminderHours', ...[0, 1, 2, 3, 4, 5].map((i) => `onboardingItems[${i}].dueDays`)],
  probation: ['reviewLeadDays', 'weights', 'bands[2]', 'bands[4]', 'extensionMonths', 'stepDueHours', 'linkExpiryDays', 'cc'],
  offboarding: ['chain', 'stepDueHours', 'reminderDaysBefore', 'inventoryItems', 'exitReasons'],
  discipline: ['windows.countingMonths', 'windows.signDays', 'dismissalChain', 'stepDueHours'],
};

export interface StoredPolicy<N extends PolicyName = PolicyName> {
  name: N;
  version: number;
  values: PolicySet[N];
  updatedAt: string;
  updatedBy: string | null;
}
