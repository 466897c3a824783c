import { REQUISITION_STATUSES } from './types.js';

/**
 * The requisition form's rules that the console shows before the API has its say (POLICIES.md
 * §2): which teams the requester may ask for, the salary range a level offers, and which
 * steps of the chain a headcount is asked at. The API decides; these only say it in advance.
 * The console may not import backend code, hence these small copies.
 */

export const requisitionChoiceKey = (field: 'status', value: string) => `resources.requisitions.choices.${field}.${value}`;
export const requisitionStatusChoices = REQUISITION_STATUSES.map((id) => ({ id, name: requisitionChoiceKey('status', id) }));

/** Roles that see (and may ask for) the whole organisation (functions/domain/auth/roles.ts ORGANISATION_WIDE). */
const ORGANISATION_WIDE = ['gm', 'hr', 'admin'];

export const seesWholeOrganisation = (roles: readonly string[] | undefined) => !!roles?.some((r) => ORGANISATION_WIDE.includes(r));

export interface OrgUnitLike {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/**
 * The teams a requisition may be raised for: the requester's own unit and every unit below it
 * (the whole organisation for HR, the GM and administrators), never the company itself; by name.
 */
export function teamChoices(units: readonly OrgUnitLike[], ownUnitId: string | null | undefined, wholeOrganisation: boolean): OrgUnitLike[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const within = (id: string) => {
    if (!ownUnitId) return false;
    for (let at: string | null = id, hops = 0; at && hops < 50; at = byId.get(at)?.parentId ?? null, hops++) {
      if (at === ownUnitId) return true;
    }
    return false;
  };
  return units
    .filter((u) => u.kind !== 'company' && (wholeOrganisation || within(u.id)))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The monthly salary range a level offers: its base salary on the level ladder (org policy) up
 * to `percent` above it, in whole yuan, as the API computes it (domain/recruitment salaryRange).
 * Undefined while the level or the policies are not known.
 */
export function salaryRangeOf(level: unknown, ladder: Record<string, unknown> | undefined, percent: unknown): { min: number; max: number } | undefined {
  const base = typeof level === 'string' ? ladder?.[level] : undefined;
  if (typeof base !== 'number' || typeof percent !== 'number') return undefined;
  return { min: base, max: Math.round(base * (1 + percent / 100)) };
}

/** A step that is asked only from some headcount on (the GM, for instance), and whether this headcount reaches it. */
export interface StepCondition {
  min: number;
  applies: boolean;
}

/**
 * The conditions of the policy's chain for a requisition of `headcount` heads, by step key:
 * only steps with a `minHeadcount` above 1 (one head is the least a requisition asks for, so
 * from 1 on is no condition); a headcount not yet typed reaches none.
 */
export function chainConditions(chain: ReadonlyArray<{ key: string; minHeadcount?: number | null }>, headcount: unknown): Map<string, StepCondition> {
  const heads = typeof headcount === 'number' ? headcount : Number(headcount);
  const known = Number.isFinite(heads) && heads > 0;
  const out = new Map<string, StepCondition>();
  for (const step of chain) {
    if (typeof step.minHeadcount !== 'number' || step.minHeadcount <= 1) continue;
    out.set(step.key, { min: step.minHeadcount, applies: known && heads >= step.minHeadcount });
  }
  return out;
}

/** Today in company time (Asia/Shanghai), YYYY-MM-DD: the earliest wanted-by date. */
export function companyToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
