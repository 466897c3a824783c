import type { DashboardData } from '../providers/consoleMethods.js';
import { LEVELS } from '../employees/employeeChoices.js';

/**
 * GET /dashboard's numbers shaped for the charts: categories on one axis, one series per
 * stacked part. Pure, so the shapes are tested without a browser.
 */

export const AGE_KEYS = ['lt1d', 'd1to3', 'd3to7', 'gt7d'] as const;
export type AgeKey = (typeof AGE_KEYS)[number];

/** A review's way through probation: due, in review, then how it ended (POLICIES.md §3). */
export const PIPELINE = ['scheduled', 'in_review', 'converted', 'extended', 'ended', 'rejected', 'withdrawn', 'failed'] as const;

/** Headcount counts the people still with the company. */
const GONE = new Set(['terminated']);

export interface Stacked<K extends string> {
  /** One entry per bar: its label and what a click on it opens. */
  categories: Array<{ key: string; label: string }>;
  series: Array<{ key: K; data: number[] }>;
}

/** Open approval tasks per step (bars) by how long they have waited (stacked), most first. */
export function pendingByStep(data: DashboardData): Stacked<AgeKey> {
  const steps = [...data.pendingApprovals].filter((s) => s.total > 0).sort((a, b) => b.total - a.total);
  return {
    categories: steps.map((s) => ({ key: `${s.requestKind}|${s.stepKey}`, label: s.stepLabel })),
    series: AGE_KEYS.map((age) => ({ key: age, data: steps.map((s) => s.ages[age] ?? 0) })),
  };
}

/** Reviews per status in pipeline order; the open stages always shown, the ends when they happened. */
export function probationPipeline(data: DashboardData): Array<{ status: string; count: number }> {
  const known = PIPELINE.map((status) => ({ status, count: data.probation[status] ?? 0 }));
  const other = Object.entries(data.probation)
    .filter(([status]) => !(PIPELINE as readonly string[]).includes(status))
    .map(([status, count]) => ({ status, count }));
  return [...known, ...other].filter((s) => s.count > 0 || s.status === 'scheduled' || s.status === 'in_review');
}

/** People per team (bars, largest first) by level (stacked); people without a team last. */
export function headcountByTeam(data: DashboardData, noTeam: string): Stacked<string> & { teamIds: Array<string | null> } {
  const teams = new Map<string, { id: string | null; name: string; total: number; levels: Map<string, number> }>();
  for (const row of data.headcount) {
    if (GONE.has(row.status) || row.count <= 0) continue;
    const key = row.teamId ?? '-';
    const team = teams.get(key) ?? { id: row.teamId, name: row.teamName ?? (row.teamId ? row.teamId : noTeam), total: 0, levels: new Map() };
    team.total += row.count;
    team.levels.set(row.level, (team.levels.get(row.level) ?? 0) + row.count);
    teams.set(key, team);
  }
  const ordered = [...teams.values()].sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : b.total - a.total));
  const present = new Set(ordered.flatMap((t) => [...t.levels.keys()]));
  const levels = [...LEVELS.filter((l) => present.has(l)), ...[...present].filter((l) => !(LEVELS as readonly string[]).includes(l))];
  return {
    categories: ordered.map((t) => ({ key: t.id ?? '-', label: t.name })),
    teamIds: ordered.map((t) => t.id),
    series: levels.map((level) => ({ key: level, data: ordered.map((t) => t.levels.get(level) ?? 0) })),
  };
}

/**
 * Decisions per month by channel (stacked): `months` consecutive months ending with the latest
 * one that has decisions, the quiet ones as empty bars — a time axis without gaps.
 */
export function decisionsByMonth(data: DashboardData, months = 6): Stacked<string> {
  const latest = data.decisions.map((d) => d.month).sort().at(-1);
  if (!latest) return { categories: [], series: [] };
  const [year, month] = latest.split('-').map(Number) as [number, number];
  const monthKeys = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - (months - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const channels = [...new Set(data.decisions.map((d) => d.channel))].sort();
  const count = (m: string, channel: string) => data.decisions.filter((d) => d.month === m && d.channel === channel).reduce((n, d) => n + d.count, 0);
  return {
    categories: monthKeys.map((m) => ({ key: m, label: m })),
    series: channels.map((channel) => ({ key: channel, data: monthKeys.map((m) => count(m, channel)) })),
  };
}

/** The four numbers above the charts. */
export function headlineNumbers(data: DashboardData): { headcount: number; probation: number; pending: number; overdue: number } {
  const active = data.headcount.filter((r) => !GONE.has(r.status));
  return {
    headcount: active.reduce((n, r) => n + r.count, 0),
    probation: active.filter((r) => r.status === 'probation').reduce((n, r) => n + r.count, 0),
    pending: data.pendingApprovals.reduce((n, s) => n + s.total, 0),
    overdue: data.pendingApprovals.reduce((n, s) => n + (s.ages.gt7d ?? 0), 0),
  };
}

/** A list page filtered, as react-admin reads it from the address (`#/employees?filter=…`). */
export function filteredListPath(resource: string, filter: Record<string, unknown>): string {
  return `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}

export const FUNNEL_STAGES = ['candidates', 'interviewed', 'offered', 'accepted', 'hired'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * The recruitment funnel over the last `months` company months up to the latest with data: one
 * bar per stage (candidates added → interviewed → offered → accepted → hired), and beside it the
 * offers lost (declined, lapsed) and the average days from the opening to the report.
 */
export function recruitmentFunnel(data: DashboardData, months = 6): { funnel: Stacked<'count'>; declined: number; lapsed: number; averageDaysToHire: number | null } {
  const rows = [...(data.recruitment ?? [])].sort((a, b) => a.month.localeCompare(b.month));
  const latest = rows.at(-1)?.month;
  if (!latest) return { funnel: { categories: [], series: [] }, declined: 0, lapsed: 0, averageDaysToHire: null };
  const [year, month] = latest.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - months, 1)).toISOString().slice(0, 7);
  const recent = rows.filter((r) => r.month >= first);
  const sum = (k: FunnelStage | 'declined' | 'lapsed') => recent.reduce((n, r) => n + (r[k] ?? 0), 0);
  const hired = sum('hired');
  // Each month's average weighs by its hires.
  const days = recent.reduce((n, r) => n + (r.averageDaysToHire ?? 0) * r.hired, 0);
  return {
    funnel: { categories: FUNNEL_STAGES.map((s) => ({ key: s, label: s })), series: [{ key: 'count', data: FUNNEL_STAGES.map((s) => sum(s)) }] },
    declined: sum('declined'), lapsed: sum('lapsed'),
    averageDaysToHire: hired ? Math.round((days / hired) * 10) / 10 : null,
  };
}

/** Why people left, in the order the turnover chart stacks them (POLICIES.md §9): the offboarding record's reasons. */
export const LEAVING_REASONS = ['resignation', 'probation_not_converted', 'dismissal'] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];

/**
 * Leavers per month by reason (stacked) over `months` consecutive months ending with the latest
 * one that had leavers, the quiet ones as empty bars; beside each bar the month's turnover rate
 * as the API computes it (the month's leavers ÷ (employed now + the month's leavers) × 100). A
 * quiet month's rate is 0 while anyone is employed. No leavers yet: no months.
 */
export function turnoverByMonth(data: DashboardData, months = 6): Stacked<LeavingReason> & { rates: Array<number | null> } {
  const rows = (data.turnover ?? []).filter((r) => r.total > 0);
  const latest = rows.map((r) => r.month).sort().at(-1);
  if (!latest) return { categories: [], series: [], rates: [] };
  const [year, month] = latest.split('-').map(Number) as [number, number];
  const monthKeys = Array.from({ length: months }, (_, i) => new Date(Date.UTC(year, month - 1 - (months - 1 - i), 1)).toISOString().slice(0, 7));
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const employed = headlineNumbers(data).headcount;
  return {
    categories: monthKeys.map((m) => ({ key: m, label: m })),
    series: LEAVING_REASONS.map((reason) => ({ key: reason, data: monthKeys.map((m) => byMonth.get(m)?.[reason] ?? 0) })),
    rates: monthKeys.map((m) => byMonth.get(m)?.ratePercent ?? (employed > 0 ? 0 : null)),
  };
}

/** The ladder's levels, in the order the discipline chart stacks them (POLICIES.md §4). */
export const DISCIPLINE_LEVELS = ['verbal', 'written', 'final', 'dismissal'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/**
 * Disciplinary actions per team (bars, most first) by level (stacked), over the `months` months
 * ending with the latest one that had any; voided actions are not counted (the API takes them
 * out). A team's actions without a team are one bar keyed `-`. No actions yet: no bars.
 */
export function disciplineByTeam(data: DashboardData, noTeam: string, months = 12): Stacked<DisciplineLevel> {
  const rows = (data.discipline ?? []).filter((r) => r.count > 0);
  const latest = rows.map((r) => r.month).sort().at(-1);
  if (!latest) return { categories: [], series: [] };
  const [year, month] = latest.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - months, 1)).toISOString().slice(0, 7);
  const teams = new Map<string, { label: string; counts: Record<string, number>; total: number }>();
  for (const r of rows.filter((x) => x.month >= first)) {
    const key = r.teamId ?? '-';
    const team = teams.get(key) ?? { label: r.teamName ?? noTeam, counts: {}, total: 0 };
    team.counts[r.level] = (team.counts[r.level] ?? 0) + r.count;
    team.total += r.count;
    teams.set(key, team);
  }
  const ordered = [...teams].sort(([, a], [, b]) => b.total - a.total);
  return {
    categories: ordered.map(([key, t]) => ({ key, label: t.label })),
    series: DISCIPLINE_LEVELS.map((level) => ({ key: level, data: ordered.map(([, t]) => t.counts[level] ?? 0) })),
  };
}
