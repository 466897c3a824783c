import HowToRegIcon from '@mui/icons-material/HowToReg';
import { lazy } from 'react';
import type { ProbationReview } from './types';

/** The list page's chunk: main.tsx starts loading it at once on a page opened at the list's address. */
export const loadList = () => import('./ProbationReviewList');

/**
 * The probation-reviews resource (转正评审). Reviews are started from an employee's page
 * (StartProbationReviewButton) and decided through approvals, never edited as records.
 */
export default {
  list: lazy(loadList),
  show: lazy(() => import('./ProbationReviewShow')),
  icon: HowToRegIcon,
  recordRepresentation: (record: ProbationReview) => `${record.employeeName} (${record.employeeNo})`,
};
