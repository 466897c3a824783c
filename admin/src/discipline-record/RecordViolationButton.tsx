import GavelIcon from '@mui/icons-material/Gavel';
import { useState } from 'react';
import { Button, useGetIdentity, useRecordContext } from 'react-admin';
import type { Employee } from '../employees/types';
import { canRecordViolationFor } from './access';
import { RecordViolationDialog } from './RecordViolationDialog';

/**
 * 记录违纪 on an employee's file (the show page's toolbar): for a team lead or above (the API
 * checks the employee is under them), never on one's own file, nor for someone who has left.
 */
export const RecordViolationButton = () => {
  const employee = useRecordContext<Employee>();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  if (!employee || !canRecordViolationFor(identity as Parameters<typeof canRecordViolationFor>[0], { id: String(employee.id), status: employee.status })) return null;
  return (
    <>
      <Button label="resources.discipline-record.record.action" onClick={() => setOpen(true)} data-testid="record-violation-button">
        <GavelIcon />
      </Button>
      {open && <RecordViolationDialog employee={{ id: String(employee.id), name: employee.name }} onClose={() => setOpen(false)} />}
    </>
  );
};
