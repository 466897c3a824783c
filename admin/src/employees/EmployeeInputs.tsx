import { Box } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { levelChoices, postChoices, statusChoices } from './employeeChoices';
import {
  probationAfterHire,
  superiorUnlessGm,
  validateEmail,
  validateEmployeeNo,
  validateName,
  validatePhone,
  validateRequired,
} from './employeeValidation';

/**
 * The inputs of an employee record, shared by create and edit. On create the API derives the
 * status from the level (a trainee starts on probation); the base salary always follows the
 * level (POLICIES.md §1), so it is shown, never typed.
 */
export const EmployeeInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
      columnGap: 2,
      width: '100%',
      maxWidth: 900,
    }}
  >
    <TextInput source="employeeNo" validate={validateEmployeeNo} />
    <TextInput source="name" validate={validateName} />
    <TextInput source="email" type="email" validate={validateEmail} />
    <TextInput source="phone" type="tel" validate={validatePhone} />
    <SelectInput source="post" choices={postChoices} validate={validateRequired} />
    <SelectInput source="level" choices={levelChoices} validate={validateRequired} />
    <ReferenceInput source="superiorId" reference="employees">
      {/* Checked on create only: an existing record is the server's to judge, and a phone fix
          must not be blocked by an old record's placement. */}
      <AutocompleteInput validate={mode === 'create' ? superiorUnlessGm : undefined} helperText={mode === 'create' ? 'app.validation.superior_unless_gm' : false} />
    </ReferenceInput>
    <ReferenceInput source="teamId" reference="org-units" filter={{ kind: 'team' }} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" />
    </ReferenceInput>
    <DateInput source="hireDate" validate={validateRequired} />
    <DateInput source="probationEndDate" validate={probationAfterHire} />
    {mode === 'edit' && (
      <>
        <SelectInput source="status" choices={statusChoices} validate={validateRequired} />
        <NumberInput source="baseSalary" readOnly />
      </>
    )}
  </Box>
);
