/**
 * A disciplinary action (处罚, POLICIES.md §4) as the system keeps it, and the pure rules about
 * it: its statuses, the appeal window's dates, when it stops counting, and its 处罚单 (penalty
 * notice) in words — the text the employee's signature and the witnesses' sign, whose hash they
 * keep.
 */
import { addDays, companyDayStart, companyToday } from '../people/dates.js';
import type { DisciplineLevel, Violation } from './catalogue.js';
import { countsUntil, levelLabel, type LadderRule } from './ladder.js';

/** The statuses the API names; `expired` is never stored: an effective action past its counting window reads as expired. */
export const DISCIPLINE_STATUSES = ['pending_signature', 'appeal_window', 'under_appeal', 'effective', 'voided', 'expired', 'dismissal_pending', 'dismissed'] as const;
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number];
export type StoredDisciplineStatus = Exclude<DisciplineStatus, 'expired'>;
/** Statuses in which something is still to happen (the department's open actions). */
export const OPEN_STATUSES: readonly StoredDisciplineStatus[] = ['pending_signature', 'appeal_window', 'under_appeal', 'dismissal_pending'];

type Words = { 'zh-CN': string; en: string };

/** A handwritten signature on the notice: the image (object storage), who, when, through which channel, and the hash of the text signed. */
export interface NoticeSignature {
  userId: string;
  name: string;
  role: 'employee' | 'witness';
  at: string;
  channel: string;
  imageKey: string;
  imageSha256: string;
  noticeHash: string;
}

/** An earlier action a level rests on, as the notice cites it. */
export interface CountedAction {
  id: string;
  level: DisciplineLevel;
  occurredOn: string;
  violationCode: string;
  label: Words;
}

export interface ActionTerms {
  countingMonths: number;
  signDays: number;
  appealDays: number;
  appealAnswerDays: number;
  witnesses: number;
}

export interface DisciplineRecordFields {
  status: StoredDisciplineStatus;
  level: DisciplineLevel;
  /** The level the catalogue gives the violation, before the ladder. */
  catalogueLevel: DisciplineLevel;
  violation: Violation;
  /** 乐捐 in yuan (0 when the policy turns fines off, and for a dismissal). */
  fine: number;
  employeeId: string;
  employeeName: string;
  employeeNo: string;
  /** The employee's reporting path: their superiors see the action. */
  employeePath: string;
  employeeUserId: string | null;
  /** The employee's team when the action was recorded (the dashboard counts by it). */
  teamId: string | null;
  issuerEmployeeId: string | null;
  facts: string;
  occurredAt: string;
  occurredOn: string;
  evidence: { id: string; fileName: string; contentType: string; size: number }[];
  counted: string[];
  countedSummary: CountedAction[];
  rule: { code: LadderRule; rules: LadderRule[]; text: Words };
  /** The later action this one was rolled up into (it no longer counts on its own). */
  rolledUpInto: string | null;
  /** A roll-up into another action that was undone when that action was voided: why this one counts again. */
  restored: { fromActionId: string; at: string } | null;
  policyVersion: number;
  terms: ActionTerms;
  /** The last day the action counts towards the ladder (inclusive). */
  countsUntil: string;
  noticeHash: string;
  signature: NoticeSignature | null;
  refusal: { reason: string; at: string; channel: string } | null;
  /** The witnesses named for a refusal (user ids and names), and those who signed. */
  witnessIds: string[];
  witnessNames: string[];
  witnesses: NoticeSignature[];
  servedAt: string | null;
  servedBy: 'signature' | 'witnesses' | null;
  /** The last company day an appeal is accepted, and the moment after it (exclusive). */
  appealLastDay: string | null;
  appealUntil: string | null;
  appeal: { reason: string; at: string; reviewerIds: string[]; reviewerNames: string[] } | null;
  ruling: { outcome: 'upheld' | 'rejected'; byId: string; byName: string; at: string; comment: string | null } | null;
  effectiveAt: string | null;
  voided: { reason: 'appeal_upheld' | 'not_served'; at: string; restored: string[] } | null;
  /** A dismissal proposal (辞退) and how it ended. */
  dismissal: { requestId: string; status: 'pending' | 'approved' | 'rejected'; decidedAt: string | null; offboardingId: string | null; rejectedBy: string | null; comment: string | null } | null;
  createdAt: string;
}

/** The status the API shows: an effective action past its window has expired (computed, never stored). */
export function shownStatus(r: Pick<DisciplineRecordFields, 'status' | 'countsUntil'>, today: string): DisciplineStatus {
  return r.status === 'effective' && today > r.countsUntil ? 'expired' : r.status;
}

/** The appeal window of a notice served at `servedAt`: `appealDays` company days after the day served, to its end. */
export function appealWindow(servedAt: string, appealDays: number): { lastDay: string; until: string } {
  const lastDay = addDays(companyToday(new Date(servedAt)), appealDays);
  return { lastDay, until: companyDayStart(addDays(lastDay, 1)) };
}

export function actionCountsUntil(occurredOn: string, countingMonths: number): string {
  return countsUntil(occurredOn, countingMonths);
}

const STATUS_WORDS: Record<DisciplineStatus, Words> = {
  pending_signature: { 'zh-CN': '待签收', en: 'Awaiting signature' },
  appeal_window: { 'zh-CN': '申诉期', en: 'Open to appeal' },
  under_appeal: { 'zh-CN': '申诉处理中', en: 'Under appeal' },
  effective: { 'zh-CN': '已生效', en: 'Effective' },
  voided: { 'zh-CN': '已撤销', en: 'Voided' },
  expired: { 'zh-CN': '已过期', en: 'Expired' },
  dismissal_pending: { 'zh-CN': '辞退审批中', en: 'Dismissal awaiting approval' },
  dismissed: { 'zh-CN': '已辞退', en: 'Dismissed' },
};

export const statusLabel = (status: DisciplineStatus, lang: 'zh-CN' | 'en') => STATUS_WORDS[status][lang];
export const STATUS_LABELS = STATUS_WORDS;

/**
 * The 处罚单 as rows of (label, value) in one language: what the console shows and prints, the
 * mail carries, and (in zh-CN, with the id) what a signature's hash covers. `when` formats an
 * ISO instant in company time.
 */
export function noticeRows(r: Pick<DisciplineRecordFields, 'employeeName' | 'employeeNo' | 'violation' | 'occurredAt' | 'facts' | 'level' | 'fine' | 'rule' | 'countedSummary' | 'terms'> & { requesterName: string | null }, lang: 'zh-CN' | 'en', when: (iso: string) => string): [string, string][] {
  const zh = lang === 'zh-CN';
  const rows: [string, string][] = [
    [zh ? '员工' : 'Employee', `${r.employeeName}（${r.employeeNo}）`],
    [zh ? '违纪条款' : 'Violation', `${r.violation.code} ${r.violation.label[lang]}`],
    [zh ? '违纪时间' : 'When', when(r.occurredAt)],
    [zh ? '违纪事实' : 'Facts', r.facts],
    [zh ? '处理意见' : 'Penalty', r.level === 'dismissal' ? (zh ? '提请辞退' : 'Dismissal proposed') : levelLabel(r.level, lang)],
  ];
  if (r.fine > 0) rows.push([zh ? '乐捐' : 'Fine', zh ? `${r.fine} 元` : `¥${r.fine}`]);
  rows.push([zh ? '处罚依据' : 'Grounds', r.rule.text[lang]]);
  if (r.countedSummary.length) {
    rows.push([zh ? '合并计算' : 'Counted', r.countedSummary.map((c) => `${c.occurredOn} ${levelLabel(c.level, lang)} ${c.label[lang]}`).join(zh ? '；' : '; ')]);
  }
  rows.push([zh ? '发起人' : 'Issued by', r.requesterName ?? '—']);
  if (r.level !== 'dismissal') {
    rows.push([zh ? '申诉' : 'Appeal', zh
      ? `如有异议，可在处罚单送达后 ${r.terms.appealDays} 日内书面申诉，由发起人的上级处理，${r.terms.appealAnswerDays} 日内答复`
      : `You may appeal in writing within ${r.terms.appealDays} days of this notice; the issuer's superior answers within ${r.terms.appealAnswerDays} days`]);
    rows.push([zh ? '签收说明' : 'Signing', zh
      ? `签字仅表示已收到本处罚单，不代表同意处罚内容；拒绝签字的，经 ${r.terms.witnesses} 名见证人签字后生效`
      : `Signing only confirms you received this notice, not that you agree with it; if you refuse, it takes effect once ${r.terms.witnesses} witnesses sign`]);
  }
  return rows;
}

/** The text a signature's hash covers: the action's id and its zh-CN notice, one row a line. */
export function noticeText(id: string, rows: readonly [string, string][]): string {
  return [`处罚单 ${id}`, ...rows.map(([k, v]) => `${k}：${v}`)].join('\n');
}
