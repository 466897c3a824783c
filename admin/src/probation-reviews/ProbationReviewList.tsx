import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, Pagination, SelectField, SelectInput, SimpleList, required, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { reviewChoiceKey, reviewKindChoices, reviewStatusChoices } from './reviewChoices';
import type { ProbationReview } from './types';

const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
// The API lists one status at a time (in_review when none is given): no empty choice.
const filters = [<SelectInput key="status" source="status" choices={reviewStatusChoices} alwaysOn validate={required()} />];

/** The step a review waits on, by its name in the review's own chain. */
export const currentStepLabel = (r: ProbationReview) => (r.currentStep ? r.chain.find((s) => s.key === r.currentStep)?.label ?? r.currentStep : '—');

/** 转正评审: the reviews in my scope, by status. */
const ProbationReviewList = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List filters={filters} filterDefaultValues={{ status: 'in_review' }} perPage={25} pagination={pagination} exporter={false} empty={false}>
      {small ? (
        <SimpleList<ProbationReview>
          rowClick="show"
          primaryText={(r) => `${r.employeeName} (${r.employeeNo})`}
          secondaryText={(r) => `${translate(reviewChoiceKey('kind', r.kind))} · ${translate(reviewChoiceKey('status', r.status))}`}
          tertiaryText={(r) => currentStepLabel(r)}
        />
      ) : (
        <DataTable<ProbationReview> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="employeeName" disableSort />
          <DataTable.Col source="employeeNo" disableSort />
          <DataTable.Col source="kind" disableSort>
            <SelectField source="kind" choices={reviewKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <SelectField source="status" choices={reviewStatusChoices} />
          </DataTable.Col>
          <DataTable.Col source="currentStep" disableSort render={currentStepLabel} />
          <DataTable.Col source="weighted" disableSort />
          <DataTable.Col source="startsOn" disableSort>
            <LocaleDateField source="startsOn" />
          </DataTable.Col>
          <DataTable.Col source="createdAt" disableSort>
            <LocaleDateField source="createdAt" showTime />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

export default ProbationReviewList;
