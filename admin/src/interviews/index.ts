import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazy } from 'react';

/**
 * The interview schedule (面试安排, #14): the rounds by day for those who interview, and all of
 * them for HR, with 评分 on one's own. Its one view is a page of cards read through
 * `interviewSchedule` (GET /interviews); no records are shown, created or edited on their own.
 */
export default {
  list: lazy(() => import('./InterviewSchedule')),
  icon: EventNoteIcon,
};
