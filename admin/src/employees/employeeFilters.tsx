import { AutocompleteInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { postChoices, statusChoices } from './employeeChoices';

/** Filters of the people list; each source is a query parameter of GET /employees. */
export const employeeFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
  <SelectInput key="post" source="post" choices={postChoices} />,
  <ReferenceInput key="superiorId" source="superiorId" reference="employees">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="teamId" source="teamId" reference="org-units" filter={{ kind: 'team' }} sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];
