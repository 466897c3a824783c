import type { RefOption } from '../sheet/types.js';
import type { Employee } from './types.js';

/**
 * The posts that lead people: whom the 直属上级 column offers. Agents never do (POLICIES.md §1:
 * agent → team lead → supervisor → CS manager → GM; HR reports to the GM and may lead HR staff).
 */
export const SUPERIOR_POSTS = ['team_lead', 'supervisor', 'cs_manager', 'gm', 'hr'] as const;

/** A superior as the sheet shows (name), copies and offers (name (number)), and reads back (number). */
export function superiorOptions(people: readonly Employee[]): RefOption[] {
  return people
    .filter((p) => p.status !== 'terminated')
    .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
    .map((p) => ({ id: p.id, name: p.name, label: `${p.name} (${p.employeeNo})`, code: p.employeeNo }));
}

export interface OrgUnitLike {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/**
 * The teams (org units of kind team) by name. Two teams of one name in different centres are
 * labelled with their parent (一组 (景区客服)), so a copied cell still names one of them.
 */
export function teamOptions(units: readonly OrgUnitLike[]): RefOption[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const teams = units.filter((u) => u.kind === 'team').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const count = (name: string) => teams.filter((t) => t.name === name).length;
  return teams.map((t) => {
    const parent = t.parentId ? names.get(t.parentId) : undefined;
    return { id: t.id, name: t.name, label: count(t.name) > 1 && parent ? `${t.name} (${parent})` : t.name };
  });
}
