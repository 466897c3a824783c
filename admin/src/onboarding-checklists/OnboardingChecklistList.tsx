import { Chip, useMediaQuery, type Theme } from '@mui/material';
import type { MouseEvent } from 'react';
import { Datagrid, FunctionField, Link, List, Pagination, ReferenceField, SelectInput, SimpleList, required, useCreatePath, useTranslate, type RaRecord } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { ONBOARDING_STATUSES, type OnboardingChecklist } from './types';

const key = (path: string) => `resources.onboarding-checklists.${path}`;

// The API lists one status at a time (open when none is given): no empty choice.
const statusChoices = ONBOARDING_STATUSES.map((id) => ({ id, name: key(`status.${id}`) }));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn validate={required()} />];
const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
/** The checklist is ticked on the new hire's file (OnboardingChecklistSection), where a row leads. */
const fileOf = (record: RaRecord) => `/employees/${encodeURIComponent((record as unknown as OnboardingChecklist).employeeId)}/show`;
const openFile = (_id: unknown, _resource: unknown, record: RaRecord) => fileOf(record);

/** Items overdue, as a red chip (none: a dash), so the late checklists stand out in the column. */
const OverdueCount = ({ record }: { record: OnboardingChecklist }) => {
  const translate = useTranslate();
  return record.counts.overdue > 0 ? <Chip size="small" color="error" label={translate(key('overdue_count'), { smart_count: record.counts.overdue })} /> : <>—</>;
};

const NewHireLink = ({ record }: { record: OnboardingChecklist }) => {
  const createPath = useCreatePath();
  return (
    // A row click leads there too; the link is what a keyboard and a screen reader follow.
    <Link to={createPath({ resource: 'employees', id: record.employeeId, type: 'show' })} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {record.employeeName}
    </Link>
  );
};

const progress = (r: OnboardingChecklist) => `${r.counts.done}/${r.counts.total}`;

/**
 * 入职清单 (HR): the new hires' checklists, open (进行中, the default) or done (已完成), newest
 * report first, each with its mentor, progress and overdue items; a row opens the new hire's file.
 */
const OnboardingChecklistList = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  return (
    <List filters={filters} filterDefaultValues={{ status: 'open' }} perPage={25} pagination={pagination} exporter={false} empty={false}>
      {small ? (
        <SimpleList<OnboardingChecklist>
          rowClick={openFile}
          primaryText={(r) => r.employeeName}
          secondaryText={(r) => translate(key('summary'), { reportDate: r.reportDate, done: r.counts.done, total: r.counts.total })}
          tertiaryText={(r) => (r.counts.overdue > 0 ? translate(key('overdue_count'), { smart_count: r.counts.overdue }) : '')}
        />
      ) : (
        <Datagrid rowClick={openFile} bulkActionButtons={false} empty={<EmptyList />}>
          <FunctionField<OnboardingChecklist> source="employeeName" sortable={false} render={(r) => <NewHireLink record={r} />} />
          <LocaleDateField source="reportDate" sortable={false} />
          <ReferenceField source="mentorEmployeeId" reference="employees" link={false} sortable={false} emptyText="—" />
          <FunctionField<OnboardingChecklist> source="progress" sortable={false} render={progress} />
          <FunctionField<OnboardingChecklist> source="overdueCount" sortable={false} render={(r) => <OverdueCount record={r} />} />
        </Datagrid>
      )}
    </List>
  );
};

const EmptyList = () => {
  const translate = useTranslate();
  return <div style={{ padding: 24, color: 'rgba(0,0,0,0.6)' }}>{translate(key('empty'))}</div>;
};

export default OnboardingChecklistList;
