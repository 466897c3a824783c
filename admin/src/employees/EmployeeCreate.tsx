import { Create, SimpleForm } from 'react-admin';
import { EmployeeInputs } from './EmployeeInputs';

// A new hire starts as a trainee agent on probation (POLICIES.md §2.6, §3).
const defaults = { post: 'agent', level: 'trainee' };

const EmployeeCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={defaults}>
      <EmployeeInputs mode="create" />
    </SimpleForm>
  </Create>
);

export default EmployeeCreate;
