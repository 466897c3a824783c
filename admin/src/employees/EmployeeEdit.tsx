import { Edit, SaveButton, TabbedForm, Toolbar } from 'react-admin';
import { EmployeeHistory } from './EmployeeHistory';
import { EmployeeInputs } from './EmployeeInputs';

// No delete: people leave through offboarding, and the API has no DELETE.
const toolbar = (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * Pessimistic saves: react-admin only hands server validation errors back to the form in
 * pessimistic mode, and a stale version (409) must fail visibly rather than be undone later.
 *
 * No background refetch while the form is open: react-admin would reset the form to the
 * refetched record (losing what was typed) and the save would carry the newer version,
 * overwriting a colleague's change without the 409 that optimistic locking is there for.
 */
const queryOptions = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={queryOptions}>
    <TabbedForm toolbar={toolbar}>
      <TabbedForm.Tab label="app.tabs.details">
        <EmployeeInputs mode="edit" />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="app.tabs.history" path="history">
        <EmployeeHistory />
      </TabbedForm.Tab>
    </TabbedForm>
  </Edit>
);

export default EmployeeEdit;
