import ChecklistIcon from '@mui/icons-material/Checklist';
import { lazy } from 'react';
import type { OnboardingChecklist } from './types';

/**
 * The onboarding checklists resource (入职清单, POLICIES.md §2 step 6): HR's list of the new hires'
 * checklists, open (进行中) or done (已完成), newest report first; a row opens the new hire's file,
 * where the checklist is ticked (OnboardingChecklistSection). Checklists open when a hire reports,
 * never by a form.
 */
export default {
  list: lazy(() => import('./OnboardingChecklistList')),
  icon: ChecklistIcon,
  recordRepresentation: (record: OnboardingChecklist) => record.employeeName,
};
