/**
 * The daily onboarding reminder (入职清单, POLICIES.md §2 step 6: "overdue items remind their
 * owner"): for each open checklist with an item past its due date, each owner of such items gets
 * one mail listing them — the employee who owns them (their account's language), or every HR
 * member for HR's items and for items whose owner has no active account. At most once a day per
 * item: the day it was reminded is written on the item in the same transaction as the mails go
 * into the outbox, so a second run the same day (a retry, a restart) sends nothing again.
 */
import { companyToday } from '../domain/people/dates.js';
import { isOverdue, type OnboardingChecklist, type OnboardingItem } from '../domain/recruitment/onboarding.js';
import { onboardingReminder } from '../email/templates/index.js';
import { getChecklist, listOverdueChecklists, onboardingChecklistPut } from '../storage/onboarding.js';
import { transact } from '../storage/transact.js';
import { findUserByEmployee, usersWithRole, type User } from '../storage/users.js';
import type { WorkflowDeps } from './kinds.js';
import { guardMail, sendGuarded, type GuardedMail } from './notify.js';

/** A transaction holds 100 writes: the checklist and at most this many mails. */
const MAX_RECIPIENTS = 99;

export async function remindOnboarding(deps: WorkflowDeps): Promise<{ reminded: string[] }> {
  const today = companyToday(deps.now());
  let hr: Promise<User[]> | undefined;
  const hrMembers = () => (hr ??= usersWithRole(deps.store, 'hr'));
  const reminded: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOverdueChecklists(deps.store, today, { limit: 50, cursor });
    for (const found of page.items) {
      try {
        if (await remindOne(deps, found.id, today, hrMembers)) reminded.push(found.id);
      } catch (err) {
        // One checklist's failure (a concurrent tick) does not stop the others; tomorrow's run tries again.
        deps.log('warn', 'onboarding reminder not sent', { checklistId: found.id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { reminded };
}

async function remindOne(deps: WorkflowDeps, id: string, today: string, hrMembers: () => Promise<User[]>): Promise<boolean> {
  // The index is eventually consistent: decide on the checklist as it is now.
  const checklist = await getChecklist(deps.store, id);
  if (!checklist || checklist.status !== 'open') return false;
  const due = checklist.items.filter((i) => isOverdue(i, today) && i.remindedOn !== today);
  if (due.length === 0) return false;

  const recipients = new Map<string, { user: User; items: OnboardingItem[]; asHr: boolean }>();
  const add = (user: User, item: OnboardingItem, asHr: boolean) => {
    const entry = recipients.get(user.id) ?? { user, items: [], asHr };
    entry.items.push(item);
    entry.asHr &&= asHr;
    recipients.set(user.id, entry);
  };
  for (const item of due) {
    const owner = item.ownerId ? await findUserByEmployee(deps.store, item.ownerId) : null;
    if (owner && owner.status === 'active') add(owner, item, false);
    else for (const member of await hrMembers()) add(member, item, true);
  }

  const mails: GuardedMail[] = [...recipients.values()].slice(0, MAX_RECIPIENTS).map(({ user, items, asHr }) =>
    guardMail(deps, {
      to: user.email,
      content: onboardingReminder({
        recipientName: user.name, employeeName: checklist.employeeName, reportDate: checklist.reportDate, asHr,
        items: items.map((i) => ({ label: i.label[user.language], dueDate: i.dueDate })),
        openUrl: `${deps.publicUrl}/#/employees/${checklist.employeeId}/show`,
      }, user.language),
      ids: { checklistId: checklist.id, kind: 'onboarding.reminder', on: today },
    }),
  );
  if (mails.length === 0) deps.log('warn', 'onboarding items overdue with no one to remind', { checklistId: checklist.id });
  const dueKeys = new Set(due.map((i) => i.key));
  const next: OnboardingChecklist = {
    ...checklist,
    items: checklist.items.map((i) => (dueKeys.has(i.key) ? { ...i, remindedOn: today } : i)),
    updatedAt: deps.now().toISOString(),
    version: checklist.version + 1,
  };
  await transact(deps.store, [onboardingChecklistPut(deps.store, next, checklist), ...mails.map((m) => m.tx)]);
  for (const mail of mails) await sendGuarded(deps, mail);
  return mails.length > 0;
}
