import { useMediaQuery, type Theme } from '@mui/material';
import { List, SelectInput, SimpleList, required, useTranslate } from 'react-admin';
import { Sheet, SHEET_LIST_PROPS } from '../sheet/Sheet';
import { SHEET_LISTS } from '../sheet/sheetLists';
import type { SheetColumn } from '../sheet/types';
import { REVIEW_KINDS, REVIEW_STATUSES, reviewChoiceKey, reviewStatusChoices } from './reviewChoices';
import type { ProbationReview } from './types';

// The API lists one status at a time (in_review when none is given): no empty choice.
const filters = [<SelectInput key="status" source="status" choices={reviewStatusChoices} alwaysOn validate={required()} />];

/** The step a review waits on, by its name in the review's own chain. */
export const currentStepLabel = (r: ProbationReview) => (r.currentStep ? r.chain.find((s) => s.key === r.currentStep)?.label ?? r.currentStep : '—');

// Read-only: a review is decided through its approval tasks, never edited as a record. The API
// sorts reviews itself (newest first), so no header sorts.
const COLUMNS: ReadonlyArray<SheetColumn<ProbationReview>> = [
  { field: 'employeeName', width: 110, pinned: 'left' },
  { field: 'employeeNo', width: 100 },
  { field: 'kind', type: 'choice', choices: REVIEW_KINDS, width: 110 },
  { field: 'status', type: 'choice', choices: REVIEW_STATUSES, width: 150 },
  { field: 'currentStep', value: currentStepLabel, width: 150 },
  { field: 'weighted', type: 'number', width: 100 },
  { field: 'startsOn', type: 'date' },
  { field: 'createdAt', type: 'datetime' },
];

/** 转正评审: the reviews in my scope, by status; a phone gets a simple list. */
const ProbationReviewList = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return small ? (
    <List filters={filters} filterDefaultValues={SHEET_LISTS['probation-reviews'].filter} perPage={25} exporter={false} empty={false}>
      <SimpleList<ProbationReview>
        rowClick="show"
        primaryText={(r) => `${r.employeeName} (${r.employeeNo})`}
        secondaryText={(r) => `${translate(reviewChoiceKey('kind', r.kind))} · ${translate(reviewChoiceKey('status', r.status))}`}
        tertiaryText={(r) => currentStepLabel(r)}
      />
    </List>
  ) : (
    <List filters={filters} filterDefaultValues={SHEET_LISTS['probation-reviews'].filter} {...SHEET_LIST_PROPS}>
      <Sheet<ProbationReview> sheetId="probation-reviews" columns={COLUMNS} rowClick="show" selectable rowLabel={(r) => `${r.employeeName} (${r.employeeNo})`} />
    </List>
  );
};

export default ProbationReviewList;
