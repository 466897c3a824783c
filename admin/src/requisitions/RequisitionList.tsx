import { useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, List, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { LEVELS, choiceKey } from '../employees/employeeChoices';
import { Sheet, SHEET_LIST_PROPS } from '../sheet/Sheet';
import { SHEET_LISTS } from '../sheet/sheetLists';
import type { SheetColumn } from '../sheet/types';
import { requisitionStatusChoices } from './requisitionForm';
import { REQUISITION_POSTS, REQUISITION_STATUSES, type Requisition } from './types';

// The API lists every status when none is given (newest first), or one.
const filters = [<SelectInput key="status" source="status" choices={requisitionStatusChoices} alwaysOn emptyText="resources.requisitions.filters.all" />];

/** The step a requisition waits on, by its name in its own chain. */
export const currentStepLabel = (r: Requisition) => (r.currentStep ? (r.chain.find((s) => s.key === r.currentStep)?.label ?? r.currentStep) : '—');

// Read-only: a requisition is decided through its approval tasks, never edited as a record. The
// API sorts requisitions itself (newest first), so no header sorts.
const COLUMNS: ReadonlyArray<SheetColumn<Requisition>> = [
  { field: 'post', type: 'choice', choices: REQUISITION_POSTS, choiceKey: (v) => choiceKey('post', v), width: 100, pinned: 'left' },
  { field: 'teamName', width: 130 },
  { field: 'headcount', type: 'number', width: 100 },
  { field: 'level', type: 'choice', choices: LEVELS, choiceKey: (v) => choiceKey('level', v), width: 120 },
  { field: 'status', type: 'choice', choices: REQUISITION_STATUSES, width: 110 },
  { field: 'currentStep', value: currentStepLabel, width: 140 },
  { field: 'requesterName', width: 100 },
  { field: 'wantedBy', type: 'date' },
  { field: 'filled', type: 'number', width: 100, hidden: true },
  { field: 'createdAt', type: 'datetime' },
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** 人才增补: the requisitions in my part of the organisation (all of them for HR, the GM and administrators), by status. */
const RequisitionList = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const label = (r: Requisition) => translate('resources.requisitions.title', { post: translate(choiceKey('post', r.post)), headcount: r.headcount, team: r.teamName });
  return small ? (
    <List filters={filters} filterDefaultValues={SHEET_LISTS.requisitions.filter} actions={<ListActions />} perPage={25} exporter={false} empty={false}>
      <SimpleList<Requisition>
        rowClick="show"
        primaryText={label}
        secondaryText={(r) => [r.statusLabel, r.currentStep ? currentStepLabel(r) : null].filter(Boolean).join(' · ')}
        tertiaryText={(r) => r.wantedBy}
      />
    </List>
  ) : (
    <List filters={filters} filterDefaultValues={SHEET_LISTS.requisitions.filter} actions={<ListActions />} {...SHEET_LIST_PROPS}>
      <Sheet<Requisition> sheetId="requisitions" columns={COLUMNS} rowClick="show" selectable rowLabel={label} />
    </List>
  );
};

export default RequisitionList;
