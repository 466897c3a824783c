import {
  DataTable,
  EditButton,
  EmailField,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { StartProbationReviewButton } from '../probation-reviews/StartProbationReviewButton';
import { reviewKindChoices, reviewStatusChoices } from '../probation-reviews/reviewChoices';
import { levelChoices, postChoices, statusChoices } from './employeeChoices';
import { EmployeeHistory } from './EmployeeHistory';

const CNY: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY' };

// Edit for HR (the button checks canAccess); 发起转正评审 for whoever may start one (§3).
const actions = (
  <TopToolbar>
    <StartProbationReviewButton />
    <EditButton />
  </TopToolbar>
);

const EmployeeShow = () => {
  const [locale] = useLocaleState();
  return (
    <Show actions={actions}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.tabs.details">
          <TextField source="employeeNo" />
          <TextField source="name" />
          <EmailField source="email" />
          <TextField source="phone" />
          <SelectField source="post" choices={postChoices} />
          <SelectField source="level" choices={levelChoices} />
          <SelectField source="status" choices={statusChoices} />
          <ReferenceField source="superiorId" reference="employees" link="show" emptyText="—" />
          <TextField source="teamName" emptyText="—" />
          <LocaleDateField source="hireDate" />
          <LocaleDateField source="probationEndDate" emptyText="—" />
          <NumberField source="baseSalary" locales={locale} options={CNY} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.probation" path="probation">
          <ReferenceManyField reference="probation-reviews" target="employeeId" label={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="kind" disableSort>
                <SelectField source="kind" choices={reviewKindChoices} />
              </DataTable.Col>
              <DataTable.Col source="status" disableSort>
                <SelectField source="status" choices={reviewStatusChoices} />
              </DataTable.Col>
              <DataTable.Col source="weighted" disableSort />
              <DataTable.Col source="createdAt" disableSort>
                <LocaleDateField source="createdAt" showTime />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.history" path="history">
          <EmployeeHistory />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

export default EmployeeShow;
