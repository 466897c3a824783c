import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { lazy } from 'react';
import type { Candidate } from './types';

/**
 * The candidates resource (候选人, POLICIES.md §2 steps 3–4): listed on their opening's panel on
 * the requisition page (board or sheet), added there by HR; each has its own page with the CV,
 * the earlier candidates they repeat, the interviews (安排面试) and the offer. No list of its own.
 */
export default {
  show: lazy(() => import('./CandidateShow')),
  icon: PersonSearchIcon,
  recordRepresentation: (record: Candidate) => record.name,
};
