import ContactMailIcon from '@mui/icons-material/ContactMail';
import { lazy } from 'react';
import type { Offer } from './types';

/** The list page's chunk. */
export const loadList = () => import('./OfferList');

/**
 * The offers resource (录用通知, POLICIES.md §2 steps 5–6): HR's sheet of offers and each
 * offer's page with its verbs (答复, 撤回, 报到). Offers are made from a candidate's page
 * (CandidateOfferPanel) or from the list's 发录用通知, never edited as records.
 */
export default {
  list: lazy(loadList),
  show: lazy(() => import('./OfferShow')),
  icon: ContactMailIcon,
  recordRepresentation: (record: Offer) => record.candidateName,
};
