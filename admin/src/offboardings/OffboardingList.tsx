import { useMediaQuery, type Theme } from '@mui/material';
import { DateInput, List, SelectInput, SimpleList, TopToolbar, required, useLocaleState, useTranslate } from 'react-admin';
import { Sheet, SHEET_LIST_PROPS } from '../sheet/Sheet';
import type { SheetColumn } from '../sheet/types';
import { LeaversExportButton } from './LeaversExportButton';
import { handoverProgress, OFFBOARDING_REASONS, OFFBOARDING_STATUSES, type Offboarding } from './types';

const key = (path: string) => `resources.offboardings.${path}`;

// The API lists one status at a time (open when none is given): no empty choice. The dates
// bound the last day (on or after, on or before).
const statusChoices = OFFBOARDING_STATUSES.map((id) => ({ id, name: key(`choices.status.${id}`) }));
const filters = [
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn validate={required()} />,
  <DateInput key="from" source="from" label={key('filters.from')} alwaysOn />,
  <DateInput key="to" source="to" label={key('filters.to')} alwaysOn />,
];
const DEFAULT_FILTER = { status: 'open' };

const progress = (r: Offboarding) => {
  const { signed, total } = handoverProgress(r);
  return `${signed}/${total}`;
};

// Read-only: a record changes through its page's verbs. The API orders by the last day (the
// soonest first while open, the latest first otherwise), so no header sorts.
const COLUMNS: ReadonlyArray<SheetColumn<Offboarding>> = [
  { field: 'employeeName', width: 110, pinned: 'left' },
  { field: 'employeeNo', width: 100 },
  { field: 'reason', type: 'choice', choices: OFFBOARDING_REASONS, width: 130 },
  { field: 'lastDay', type: 'date' },
  { field: 'finalPayDate', type: 'date' },
  { field: 'finalPayDateFixed', type: 'choice', choices: ['fixed', 'provisional'], value: (r) => (r.finalPayDateFixed ? 'fixed' : 'provisional'), width: 110 },
  { field: 'status', type: 'choice', choices: OFFBOARDING_STATUSES, width: 100 },
  { field: 'amountOwed', type: 'money', width: 120 },
  { field: 'handoverProgress', value: progress, width: 110 },
];

const actions = (
  <TopToolbar>
    <LeaversExportButton />
  </TopToolbar>
);

/**
 * 离职办理 (HR and the managers, each their part of the organisation): the leavers by status and
 * last day, with the final-pay date (fixed or provisional), the amount owed and the handover
 * signed; exported as .xlsx for payroll. A phone gets a simple list.
 */
const OffboardingList = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`));
  return small ? (
    <List filters={filters} filterDefaultValues={DEFAULT_FILTER} actions={actions} perPage={25} exporter={false} empty={false}>
      <SimpleList<Offboarding>
        rowClick="show"
        primaryText={(r) => `${r.employeeName} (${r.employeeNo})`}
        secondaryText={(r) => translate(key('summary'), { reason: r.reasonLabel, lastDay: day(r.lastDay) })}
        tertiaryText={(r) => translate(key('handover.progress'), handoverProgress(r))}
      />
    </List>
  ) : (
    <List filters={filters} filterDefaultValues={DEFAULT_FILTER} actions={actions} {...SHEET_LIST_PROPS}>
      <Sheet<Offboarding> sheetId="offboardings" columns={COLUMNS} rowClick="show" selectable rowLabel={(r) => `${r.employeeName} (${r.employeeNo})`} />
    </List>
  );
};

export default OffboardingList;
