import {
  EmailField,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  useLocaleState,
} from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { levelChoices, postChoices, statusChoices } from './employeeChoices';
import { EmployeeHistory } from './EmployeeHistory';

const CNY: Intl.NumberFormatOptions = { style: 'currency', currency: 'CNY' };

const EmployeeShow = () => {
  const [locale] = useLocaleState();
  return (
    <Show>
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
        <TabbedShowLayout.Tab label="app.tabs.history" path="history">
          <EmployeeHistory />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

export default EmployeeShow;
