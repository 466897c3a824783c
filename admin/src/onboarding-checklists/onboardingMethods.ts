import type { Http } from '../providers/http.js';
import type { OnboardingChecklist } from './types.js';

/**
 * The onboarding checklist's reads and verb (入职清单, POLICIES.md §2 step 6) as data-provider
 * methods, kept with the section that uses them and merged into the data provider in one line.
 */
export interface OnboardingMethods {
  /** The employee's checklist, or null when they have none (or it is not the reader's to see). */
  getOnboardingChecklist(employeeId: string): Promise<{ data: OnboardingChecklist | null }>;
  /** Ticks or unticks one item (its owner, HR, or a manager over the new hire; 403 otherwise). */
  markOnboardingItem(id: string, key: string, done: boolean): Promise<{ data: OnboardingChecklist }>;
  /** Names, changes or clears (null) the new hire's mentor: their open mentor items move with it. */
  setOnboardingMentor(id: string, mentorEmployeeId: string | null): Promise<{ data: OnboardingChecklist }>;
}

export function createOnboardingMethods(http: Http): OnboardingMethods {
  return {
    async getOnboardingChecklist(employeeId) {
      const { json } = await http<{ items: OnboardingChecklist[] }>('/onboarding-checklists', { query: { employeeId } });
      return { data: json.items[0] ?? null };
    },
    async markOnboardingItem(id, key, done) {
      const { json } = await http<OnboardingChecklist>(`/onboarding-checklists/${encodeURIComponent(id)}/items/${encodeURIComponent(key)}`, { method: 'POST', body: { done } });
      return { data: json };
    },
    async setOnboardingMentor(id, mentorEmployeeId) {
      const { json } = await http<OnboardingChecklist>(`/onboarding-checklists/${encodeURIComponent(id)}/mentor`, { method: 'PUT', body: { mentorEmployeeId } });
      return { data: json };
    },
  };
}
