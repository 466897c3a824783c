import LogoutIcon from '@mui/icons-material/Logout';
import { Button, Link, useCreatePath, useGetIdentity, useRecordContext } from 'react-admin';
import type { Employee } from '../employees/types';
import { canManageOffboarding } from '../providers/authProvider';

/**
 * 代为提交辞职, on an employee's file: HR (the API's offboarding:manage) opens the resignation form
 * for this employee; it is recorded as handed in on their behalf. Not for someone who has left,
 * nor on one's own file (申请离职 is in the menu).
 */
export const HandInResignationButton = () => {
  const employee = useRecordContext<Employee>();
  const { identity } = useGetIdentity();
  const createPath = useCreatePath();
  if (!employee || !identity || employee.status === 'terminated' || identity.employeeId === employee.id) return null;
  if (!canManageOffboarding(identity.roles as string[] | undefined)) return null;
  const to = `${createPath({ resource: 'resignations', type: 'create' })}?employeeId=${encodeURIComponent(String(employee.id))}`;
  return (
    <Button component={Link} to={to} label="resources.resignations.on_behalf.action" data-testid="hand-in-resignation">
      <LogoutIcon />
    </Button>
  );
};
