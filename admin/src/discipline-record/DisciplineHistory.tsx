import { Alert, Box, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography, type ChipProps } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../resignations/notice';
import { employeeDisciplineKey, type DisciplineDataProvider } from './disciplineRecordMethods';
import { historyNotes } from './historyNotes';
import type { DisciplineStatus } from './types';

const key = (path: string) => `resources.discipline-record.history.${path}`;
// Short cells stay on one line; `&&` outweighs the file's table rule, which lets cells wrap on wide screens.
const oneLine = { '&&': { whiteSpace: 'nowrap' } } as const;

const STATUS_COLOR: Record<DisciplineStatus, ChipProps['color']> = {
  pending_signature: 'warning',
  appeal_window: 'info',
  under_appeal: 'info',
  effective: 'primary',
  voided: 'default',
  expired: 'default',
  dismissal_pending: 'error',
  dismissed: 'error',
};

/**
 * 违纪记录 on the employee's file (POLICIES.md §4): their actions, newest first (GET
 * /disciplinary-actions?employeeId=; the employee sees their own, managers those under them, HR
 * everyone's) — the date, the violation, the level and status, why (the rule), and what became of
 * it (counted into a later action, voided and why, expired) — each leading to its page.
 */
export const DisciplineHistory = ({ employeeId }: { employeeId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<DisciplineDataProvider>();
  // A react-query read under the resource's key: recording an action, or any verb that invalidates
  // `disciplinary-actions`, reads it again, also on a file that stayed mounted meanwhile.
  const { data, error, isPending } = useQuery({
    queryKey: employeeDisciplineKey(employeeId),
    queryFn: async () => (await dataProvider.getEmployeeDiscipline(employeeId)).data,
  });
  if (isPending) return <CircularProgress size={20} />;
  if (error) return <Alert severity="error">{translate(key('failed'), { message: translate(error.message, { _: error.message }) })}</Alert>;
  if (!data || data.length === 0) return <Typography color="text.secondary">{translate(key('none'))}</Typography>;
  const day = (date: string) => formatDay(date, locale);
  const f = (field: string) => translate(key(field));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('resources.discipline-record.name')} data-testid="discipline-history">
        <TableHead>
          <TableRow>
            <TableCell sx={oneLine}>{f('occurredOn')}</TableCell>
            <TableCell>{f('violation')}</TableCell>
            <TableCell sx={oneLine}>{f('level')}</TableCell>
            <TableCell sx={oneLine}>{f('status')}</TableCell>
            <TableCell>{f('why')}</TableCell>
            <TableCell sx={oneLine}>{f('actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((a) => (
            <TableRow key={a.id} data-action={a.id} data-status={a.status}>
              <TableCell sx={oneLine}>{day(a.occurredOn)}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>{`${a.violation.code} ${a.violation.label}`}</TableCell>
              <TableCell sx={oneLine}>{a.levelLabel}</TableCell>
              <TableCell sx={{ minWidth: 120 }}>
                <Chip size="small" color={STATUS_COLOR[a.status] ?? 'default'} variant={a.status === 'voided' || a.status === 'expired' ? 'outlined' : 'filled'} label={a.statusLabel} />
                {historyNotes(a, data, translate, day).map((note) => (
                  <Typography key={note} variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
                    {note}
                  </Typography>
                ))}
              </TableCell>
              <TableCell sx={{ minWidth: 200 }}>{a.rule.text}</TableCell>
              <TableCell sx={oneLine}>
                <Link to={createPath({ resource: 'disciplinary-actions', id: a.id, type: 'show' })}>{f('open')}</Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
