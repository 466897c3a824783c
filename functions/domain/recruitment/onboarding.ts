/**
 * The onboarding checklist (入职清单, POLICIES.md §2 step 6; 000 第三章第二节): opened when a hire
 * reports, from the recruitment policy's `onboardingItems`, each item with its owner and due date.
 * Pure: the clock, ids and people are passed in.
 *
 * Opening one (the report route, in its own transaction):
 *
 *   const checklist = buildChecklist({
 *     employee: { id, name, superiorId }, superiorName, mentor: { id, name } | null,
 *     reportDate: 'YYYY-MM-DD', offerId, policy: { version, values }, at: ISO-8601,
 *   });
 *   writes.push(...checklistWrites(store, checklist, { actor, channel }));  // storage/onboarding.ts
 *
 * `checklistWrites` lives in storage/onboarding.ts (domain imports no storage): a conditional put
 * (one checklist per employee; a second is 409 ONBOARDING.EXISTS) and its audit record.
 */
import { addDays } from '../people/dates.js';
import type { OnboardingOwner, RecruitmentPolicy } from '../policy/defaults.js';

export type { OnboardingOwner };
export type Lang = 'zh-CN' | 'en';

export interface OnboardingItem {
  key: string;
  label: Record<Lang, string>;
  owner: OnboardingOwner;
  /**
   * The employee who sees to it: the new hire's superior, the mentor (the superior while no
   * mentor is named), or the new hire; null for `hr`, meaning any HR member.
   */
  ownerId: string | null;
  ownerName: string | null;
  /** Company date (YYYY-MM-DD): the report date plus the policy's dueDays. Overdue the day after. */
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  /** The user who ticked it (a user id, as the audit records actors). */
  doneById: string | null;
  doneByName: string | null;
  /** The last company date its owner was reminded (the daily job reminds once a day). */
  remindedOn: string | null;
}

export interface OnboardingChecklist {
  /** The employee's id: one checklist per employee. */
  id: string;
  employeeId: string;
  employeeName: string;
  offerId: string | null;
  reportDate: string;
  mentorEmployeeId: string | null;
  status: 'open' | 'done';
  items: OnboardingItem[];
  /** The recruitment policy version the items came from. */
  policyVersion: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface BuildChecklistInput {
  employee: { id: string; name: string; superiorId: string | null };
  superiorName: string | null;
  mentor: { id: string; name: string } | null;
  /** The day the hire reported, company time (YYYY-MM-DD). */
  reportDate: string;
  offerId: string | null;
  policy: { version: number; values: Pick<RecruitmentPolicy, 'onboardingItems'> };
  /** Now, ISO-8601 (createdAt / updatedAt). */
  at: string;
}

/** The checklist a hire gets on reporting: each policy item with its owner and due date (report date + dueDays, calendar days). */
export function buildChecklist(input: BuildChecklistInput): OnboardingChecklist {
  const { employee, mentor } = input;
  const superior = employee.superiorId ? { id: employee.superiorId, name: input.superiorName } : null;
  const ownerOf = (owner: OnboardingOwner): { id: string | null; name: string | null } => {
    switch (owner) {
      case 'new_hire':
        return { id: employee.id, name: employee.name };
      case 'supervisor':
        return superior ?? { id: null, name: null };
      // 000 第二节 四: the department names a senior colleague; until one is named it is the superior's to arrange.
      case 'mentor':
        return mentor ?? superior ?? { id: null, name: null };
      case 'hr':
        return { id: null, name: null };
    }
  };
  const items = input.policy.values.onboardingItems.map((p): OnboardingItem => {
    const who = ownerOf(p.owner);
    return {
      key: p.key, label: { 'zh-CN': p.labelZh, en: p.labelEn }, owner: p.owner, ownerId: who.id, ownerName: who.name,
      dueDate: addDays(input.reportDate, p.dueDays), done: false, doneAt: null, doneById: null, doneByName: null, remindedOn: null,
    };
  });
  return {
    id: employee.id, employeeId: employee.id, employeeName: employee.name, offerId: input.offerId, reportDate: input.reportDate,
    mentorEmployeeId: mentor?.id ?? null, status: 'open', items, policyVersion: input.policy.version,
    createdAt: input.at, updatedAt: input.at, version: 1,
  };
}

/** The earliest due date of an item still to do (what the reminder index sorts by), or null when all are done. */
export function nextDueDate(c: Pick<OnboardingChecklist, 'items'>): string | null {
  let next: string | null = null;
  for (const item of c.items) if (!item.done && (next === null || item.dueDate < next)) next = item.dueDate;
  return next;
}

/** An item is overdue from the day after its due date until it is done. */
export function isOverdue(item: Pick<OnboardingItem, 'done' | 'dueDate'>, today: string): boolean {
  return !item.done && item.dueDate < today;
}

/**
 * The checklist with one item ticked or unticked by `by` at `at`; done when every item is.
 * The same state again is no change (returns null), so a repeated tick writes nothing.
 */
export function markItem(c: OnboardingChecklist, key: string, done: boolean, by: { id: string; name: string }, at: string): OnboardingChecklist | null {
  const item = c.items.find((i) => i.key === key);
  if (!item || item.done === done) return null;
  const items = c.items.map((i) =>
    i.key !== key ? i : { ...i, done, doneAt: done ? at : null, doneById: done ? by.id : null, doneByName: done ? by.name : null },
  );
  return { ...c, items, status: items.every((i) => i.done) ? 'done' : 'open', updatedAt: at, version: c.version + 1 };
}

/**
 * The checklist with another mentor (000 第二节 四: a senior colleague; null: none, so the
 * superior sees to the mentor's items again): the mentor's items still to do move to them, and
 * their reminders start afresh; items done stay with whoever did them. The same mentor again is
 * no change (null).
 */
export function changeMentor(
  c: OnboardingChecklist, mentor: { id: string; name: string } | null, superior: { id: string; name: string } | null, at: string,
): OnboardingChecklist | null {
  if ((mentor?.id ?? null) === c.mentorEmployeeId) return null;
  const owner = mentor ?? superior;
  const items = c.items.map((i) => (i.owner !== 'mentor' || i.done ? i : { ...i, ownerId: owner?.id ?? null, ownerName: owner?.name ?? null, remindedOn: null }));
  return { ...c, mentorEmployeeId: mentor?.id ?? null, items, updatedAt: at, version: c.version + 1 };
}
