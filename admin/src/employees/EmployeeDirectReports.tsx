import { Chip, CircularProgress, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { choiceKey } from './employeeChoices';
import type { Employee } from './types';

const SHOWN = 100;

/** 直接下属: who reports to this person (GET /employees?superiorId=), each a link to their file. */
export const EmployeeDirectReports = ({ employee }: { employee: Employee }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, pageInfo, isPending } = useGetList<Employee>('employees', {
    filter: { superiorId: employee.id },
    sort: { field: 'employeeNo', order: 'ASC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  if (isPending) return <CircularProgress size={20} />;
  const people = data ?? [];
  const count = pageInfo?.hasNextPage ? `${people.length}+` : String(people.length);
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.employee_file.direct_reports', { count })}
      </Typography>
      {people.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.employee_file.no_reports')}
        </Typography>
      ) : (
        <List dense disablePadding data-testid="direct-reports" sx={{ maxHeight: 360, overflow: 'auto' }}>
          {people.map((e) => (
            // A list holds list items: each link inside its own <li>.
            <ListItem key={e.id} disablePadding>
              <ListItemButton component={Link} to={createPath({ resource: 'employees', id: e.id, type: 'show' })} sx={{ px: 1 }}>
                <ListItemText primary={`${e.name} (${e.employeeNo})`} secondary={translate(choiceKey('level', e.level))} />
                <Chip size="small" variant="outlined" label={translate(choiceKey('status', e.status))} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
};
