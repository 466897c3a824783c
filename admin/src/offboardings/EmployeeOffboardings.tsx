import { Box, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { handoverProgress, type Offboarding } from './types';

const key = (path: string) => `resources.offboardings.${path}`;

/**
 * 离职办理 on the employee's file: their offboardings (GET /offboardings?employeeId=, newest
 * first; usually none, one after they leave, another if they came back and left again), each
 * leading to its page.
 */
export const EmployeeOffboardings = ({ employeeId }: { employeeId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending } = useGetList<Offboarding>('offboardings', { filter: { employeeId }, pagination: { page: 1, perPage: 20 } });
  if (isPending) return <CircularProgress size={20} />;
  if (!data || data.length === 0) return <Typography color="text.secondary">{translate(key('none'))}</Typography>;
  const f = (field: string) => translate(key(`fields.${field}`));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate(key('title_plain'))} data-testid="employee-offboardings">
        <TableHead>
          <TableRow>
            <TableCell>{f('reason')}</TableCell>
            <TableCell>{f('lastDay')}</TableCell>
            <TableCell>{f('finalPayDate')}</TableCell>
            <TableCell>{f('status')}</TableCell>
            <TableCell>{f('handoverProgress')}</TableCell>
            <TableCell>{f('actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((r) => {
            const { signed, total } = handoverProgress(r);
            return (
              <RecordContextProvider key={r.id} value={r}>
                <TableRow>
                  <TableCell>{r.reasonLabel}</TableCell>
                  <TableCell>
                    <LocaleDateField source="lastDay" />
                  </TableCell>
                  <TableCell>
                    <LocaleDateField source="finalPayDate" />
                    {!r.finalPayDateFixed && ` (${translate(key('provisional'))})`}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={r.status === 'open' ? 'primary' : r.status === 'completed' ? 'success' : 'default'} label={r.statusLabel} />
                  </TableCell>
                  <TableCell>{`${signed}/${total}`}</TableCell>
                  <TableCell>
                    <Link to={createPath({ resource: 'offboardings', id: r.id, type: 'show' })}>{translate(key('open'))}</Link>
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
