/**
 * Candidates (候选人, POLICIES.md §2 step 3–5): who applied for an opening, how to reach them,
 * where they came from, and how far they got. Pure: the policy is an input.
 */
import { DomainError, DomainFieldsError } from '../errors.js';
import type { RecruitmentPolicy } from '../policy/defaults.js';

/**
 * A candidate's stage: `new` when added; HR moves them to `screening` (or out) by hand before the
 * interviews; round 1 makes them `interview` (first by the department, second by HR + head + GM,
 * §2 step 4); the hire decision `offer` (the GM approved: an offer may be made) or `rejected`; the
 * report `hired` (step 6); a declined or lapsed offer `withdrawn`. `rejected` and `withdrawn` end it.
 */
export const CANDIDATE_STAGES = ['new', 'screening', 'interview', 'offer', 'hired', 'rejected', 'withdrawn'] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

type Lang = 'zh-CN' | 'en';

const STAGE_LABELS: Record<CandidateStage, Record<Lang, string>> = {
  new: { 'zh-CN': '新投递', en: 'New' },
  screening: { 'zh-CN': '简历筛选', en: 'Screening' },
  interview: { 'zh-CN': '面试中', en: 'Interviewing' },
  offer: { 'zh-CN': '录用阶段', en: 'Offer stage' },
  hired: { 'zh-CN': '已录用', en: 'Hired' },
  rejected: { 'zh-CN': '未录用', en: 'Not hired' },
  withdrawn: { 'zh-CN': '候选人放弃', en: 'Withdrawn' },
};

export const candidateStageLabel = (stage: CandidateStage, lang: Lang): string => STAGE_LABELS[stage][lang];

/** A mainland mobile as stored and compared: 11 digits starting 1[3-9], without +86, spaces or dashes. */
export function normaliseMobile(raw: string): string | null {
  const s = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address as stored and compared: trimmed and lower-case. */
export function normaliseEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length <= 254 && EMAIL.test(s) ? s : null;
}

export interface CandidateContact {
  phone: string | null;
  email: string | null;
}

/**
 * At least one way to reach the candidate: a mainland mobile or an email, each normalised (the
 * form that duplicates are found by). A blank value counts as not given. Throws naming the field.
 */
export function candidateContact(input: { phone?: string | null | undefined; email?: string | null | undefined }): CandidateContact {
  const phoneRaw = input.phone?.trim() ? input.phone : null;
  const emailRaw = input.email?.trim() ? input.email : null;
  if (!phoneRaw && !emailRaw) throw new DomainFieldsError('CANDIDATE.CONTACT_REQUIRED', ['phone', 'email']);
  const phone = phoneRaw ? normaliseMobile(phoneRaw) : null;
  if (phoneRaw && !phone) throw new DomainError('CANDIDATE.PHONE_FORMAT', 'phone');
  const email = emailRaw ? normaliseEmail(emailRaw) : null;
  if (emailRaw && !email) throw new DomainError('CANDIDATE.EMAIL_FORMAT', 'email');
  return { phone, email };
}

/** The source must be one the recruitment policy lists (HR edits them); throws naming `source`. */
export function checkCandidateSource(policy: Pick<RecruitmentPolicy, 'candidateSources'>, source: string): void {
  if (!policy.candidateSources.some((s) => s.key === source)) {
    throw new DomainError('CANDIDATE.SOURCE_UNKNOWN', 'source', { allowed: policy.candidateSources.map((s) => s.key).join(', ') });
  }
}

/** A source by its name in the reader's language (its key, if the policy no longer lists it). */
export function candidateSourceLabel(policy: Pick<RecruitmentPolicy, 'candidateSources'>, source: string, lang: Lang): string {
  const found = policy.candidateSources.find((s) => s.key === source);
  return found ? (lang === 'zh-CN' ? found.labelZh : found.labelEn) : source;
}

/** An opening's status in words, as a sentence uses it ("该招聘职位已暂停", "The opening is paused"). */
const OPENING_STATUS_WORDS: Record<string, Record<Lang, string>> = {
  open: { 'zh-CN': '开放', en: 'open' },
  paused: { 'zh-CN': '暂停', en: 'paused' },
  filled: { 'zh-CN': '招满', en: 'filled' },
  cancelled: { 'zh-CN': '取消', en: 'cancelled' },
};

/**
 * Candidates are added only to an open opening: one paused, filled or cancelled is refused
 * with its status in the reader's words (409 OPENING.CLOSED naming `openingId`).
 */
export function checkOpeningTakesCandidates(status: string, lang: Lang): void {
  if (status === 'open') return;
  throw new DomainError('OPENING.CLOSED', 'openingId', { status: OPENING_STATUS_WORDS[status]?.[lang] ?? status }, { openingStatus: status });
}
