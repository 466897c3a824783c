/** An onboarding checklist as GET /api/v1/onboarding-checklists shows it, of one employee or in the list (入职清单, POLICIES.md §2 step 6). */
export interface OnboardingItem {
  key: string;
  /** In the console's language. */
  label: string;
  labels: { 'zh-CN': string; en: string };
  owner: 'supervisor' | 'hr' | 'mentor' | 'new_hire';
  ownerLabel: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string;
  overdue: boolean;
  done: boolean;
  doneAt: string | null;
  doneByName: string | null;
  /** Whether the signed-in person may tick or untick it (its owner, HR, a manager over the hire). */
  canMark: boolean;
}

export interface OnboardingChecklist {
  id: string;
  employeeId: string;
  employeeName: string;
  offerId: string | null;
  reportDate: string;
  mentorEmployeeId: string | null;
  status: 'open' | 'done';
  items: OnboardingItem[];
  policyVersion: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Items done, all items, and items overdue today (company date). */
  counts: { done: number; total: number; overdue: number };
  /** Whether the signed-in person may name the mentor (HR, a manager over the new hire). */
  canSetMentor: boolean;
}

export const ONBOARDING_STATUSES = ['open', 'done'] as const;
