import { Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { choiceKey } from './employeeChoices';
import type { Employee } from './types';

// Deeper than any line the department has (POLICIES.md §1: GM, manager, supervisor, lead, agent).
const MAX_DEPTH = 12;

/**
 * The superiors above someone, from the top down. The record has no reporting path, so the
 * line is walked superiorId by superiorId (GET /employees?ids=, one call a level — four at
 * most in the department). A superior outside the reader's scope is not returned: the line
 * stops there and says so.
 */
async function superiorsOf(dataProvider: ConsoleDataProvider, first: string | null): Promise<{ line: Employee[]; hidden: boolean }> {
  const line: Employee[] = [];
  const seen = new Set<string>();
  let id = first;
  while (id && !seen.has(id) && line.length < MAX_DEPTH) {
    seen.add(id);
    const { data } = await dataProvider.getMany<Employee>('employees', { ids: [id] });
    const superior = data[0];
    if (!superior) return { line: line.reverse(), hidden: true };
    line.push(superior);
    id = superior.superiorId;
  }
  return { line: line.reverse(), hidden: false };
}

export const EmployeeReportingLine = ({ employee }: { employee: Employee }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending } = useConsoleQuery(`superiors:${employee.id}:${employee.superiorId}`, async (dp) => ({ data: await superiorsOf(dp, employee.superiorId) }));
  if (isPending) return <CircularProgress size={20} />;
  const person = (e: Employee, self = false) => (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      {self ? (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {e.name} ({e.employeeNo})
        </Typography>
      ) : (
        <Link to={createPath({ resource: 'employees', id: e.id, type: 'show' })} variant="body2">
          {e.name} ({e.employeeNo})
        </Link>
      )}
      <Chip size="small" variant="outlined" label={translate(choiceKey('post', e.post))} />
    </Stack>
  );
  return (
    <Box component="ol" data-testid="reporting-line" sx={{ m: 0, pl: 0, listStyle: 'none', '& > li': { position: 'relative', pl: 2.5, pb: 1 }, '& > li::before': { content: '""', position: 'absolute', left: 6, top: 10, bottom: -2, borderLeft: 2, borderColor: 'divider' }, '& > li:last-of-type::before': { display: 'none' }, '& > li::after': { content: '""', position: 'absolute', left: 2, top: 6, width: 10, height: 10, borderRadius: '50%', bgcolor: 'primary.main' } }}>
      {data?.hidden && (
        <Typography component="li" variant="caption" color="text.secondary" sx={{ '&::after': { bgcolor: 'grey.400' } }}>
          {translate('app.employee_file.above_scope')}
        </Typography>
      )}
      {/* The direct superior above the reader's scope (an agent's own file): named, not linked (#12 item 16). */}
      {data?.hidden && data.line.length === 0 && employee.superiorName && (
        <li data-superior={employee.superiorNo ?? ''}>
          <Typography variant="body2">
            {employee.superiorName}
            {employee.superiorNo ? ` (${employee.superiorNo})` : ''}
          </Typography>
        </li>
      )}
      {data?.line.map((e) => (
        <li key={e.id} data-superior={e.employeeNo}>
          {person(e)}
        </li>
      ))}
      <li>{person(employee, true)}</li>
    </Box>
  );
};
