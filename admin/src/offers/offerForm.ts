import { OFFER_STATUSES, REPORT_DOCUMENTS, type OfferCandidate, type OfferStatus, type ReportInput } from './types.js';

/**
 * The offer pages' rules that the console shows before the API has its say (POLICIES.md §2
 * steps 5–6, §3): which of HR's actions an offer's status allows, the salary range a level
 * offers and whether a salary leaves it (then the GM approves first), the probation length the
 * policy allows, and the report's body as the API's strict schema wants it. The API decides;
 * these only say it in advance. The console may not import backend code, hence these copies.
 */

export const offerChoiceKey = (field: 'status' | 'documents', value: string) => `resources.offers.choices.${field}.${value}`;
export const offerStatusChoices = OFFER_STATUSES.map((id) => ({ id, name: offerChoiceKey('status', id) }));
export const reportDocumentChoices = REPORT_DOCUMENTS.map((id) => ({ id, name: offerChoiceKey('documents', id) }));

/** What HR may do with an offer in this status (functions/http/routes/offers.ts). */
export interface OfferActions {
  /** 记录候选人答复: only while the letter waits for an answer. */
  respond: boolean;
  /** 撤回: while the offer holds a head (OFFER_OPEN). */
  withdraw: boolean;
  /** 办理报到: once the letter is out, accepted or not yet answered. */
  report: boolean;
}

export function offerActions(status: OfferStatus): OfferActions {
  return {
    respond: status === 'sent',
    withdraw: status === 'pending_approval' || status === 'sent' || status === 'accepted',
    report: status === 'sent' || status === 'accepted',
  };
}

/** Statuses in which the offer still holds a head (shown as running). */
export const OPEN_STATUSES: readonly OfferStatus[] = ['pending_approval', 'sent', 'accepted'];

/** A chip colour per status that reads on white (the theme's colours pass 4.5:1; layout/theme.ts). */
export function offerStatusColor(status: OfferStatus): 'primary' | 'success' | 'warning' | 'error' | 'default' {
  if (status === 'reported' || status === 'accepted') return 'success';
  if (status === 'pending_approval') return 'warning';
  if (status === 'sent') return 'primary';
  if (status === 'failed' || status === 'rejected' || status === 'lapsed') return 'error';
  return 'default';
}

/**
 * A level's monthly range on the ladder: its base salary (org policy) up to `percent` above it
 * (recruitment policy's salaryRangePercent), in whole yuan — as the API computes it (ladderRange).
 */
export function ladderRangeOf(level: unknown, ladder: Record<string, unknown> | undefined, percent: unknown): { min: number; max: number } | undefined {
  const base = typeof level === 'string' ? ladder?.[level] : undefined;
  if (typeof base !== 'number' || typeof percent !== 'number') return undefined;
  return { min: base, max: Math.round(base * (1 + percent / 100)) };
}

/** A salary outside the level's range needs the GM's approval before the letter goes; undefined while either is unknown. */
export function outsideLadder(salary: unknown, range: { min: number; max: number } | undefined): boolean | undefined {
  const value = typeof salary === 'number' ? salary : typeof salary === 'string' && salary.trim() !== '' ? Number(salary) : NaN;
  if (!range || !Number.isFinite(value)) return undefined;
  return value < range.min || value > range.max;
}

/** The probation policy's length (§3, 001: 1–6 months, 3 by default), with safe fallbacks while it loads. */
export function probationBounds(values: Record<string, unknown> | undefined): { defaultMonths: number; min: number; max: number } {
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);
  return { defaultMonths: n(values?.defaultMonths, 3), min: n(values?.minMonths, 1), max: n(values?.maxMonths, 6) };
}

/** The candidates an offer can be made to now: the GM approved their hire (stage offer) and none was made yet. */
export function offerableCandidates<T extends Pick<OfferCandidate, 'stage' | 'offerId'>>(candidates: readonly T[]): T[] {
  return candidates.filter((c) => c.stage === 'offer' && !c.offerId);
}

/** The last day to report: the start date + the recruitment policy's reportWithinDays (10), as the API's reportWindow. */
export function reportByOf(startDate: unknown, days: unknown): string | undefined {
  if (typeof startDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(startDate) || typeof days !== 'number') return undefined;
  const d = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The report form's values as the API's strict body: empty pickers and texts are left out (the
 * API's defaults apply: the requester as superior, an employee number made up), and the
 * documents are always sent, so an unticked one is the API's 422 under the checkboxes rather
 * than its default of all three.
 */
export function reportBody(values: { reportedOn?: unknown; documentsSeen?: unknown; mentorId?: unknown; superiorId?: unknown; employeeNo?: unknown }): ReportInput {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const documents = Array.isArray(values.documentsSeen) ? values.documentsSeen.filter((d): d is ReportInput['documentsSeen'][number] => (REPORT_DOCUMENTS as readonly unknown[]).includes(d)) : [];
  const body: ReportInput = { documentsSeen: REPORT_DOCUMENTS.filter((d) => documents.includes(d)) };
  const reportedOn = text(values.reportedOn);
  const mentorId = text(values.mentorId);
  const superiorId = text(values.superiorId);
  const employeeNo = text(values.employeeNo);
  if (reportedOn) body.reportedOn = reportedOn;
  if (mentorId) body.mentorId = mentorId;
  if (superiorId) body.superiorId = superiorId;
  if (employeeNo) body.employeeNo = employeeNo;
  return body;
}
