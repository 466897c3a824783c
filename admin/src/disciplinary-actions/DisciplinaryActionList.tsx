import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, FunctionField, List, Pagination, SelectInput, SimpleList, TextField, required, useLocaleState, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { useNow } from '../components/useNow';
import { formatDay } from '../resignations/notice';
import { deadlineText, isOverdue, nextDeadline } from './deadline';
import { OPEN_FILTER } from './listQuery';
import { DISCIPLINE_STATUSES, type DisciplinaryAction } from './types';

const key = (path: string) => `resources.disciplinary-actions.${path}`;

// One filter: 待处理 (the API's open=true, soonest deadline first; the default) or one status.
const statusChoices = [OPEN_FILTER, ...DISCIPLINE_STATUSES].map((id) => ({ id, name: key(`choices.status.${id}`) }));
const filters = [<SelectInput key="status" source="status" choices={statusChoices} alwaysOn validate={required()} />];
const DEFAULT_FILTER = { status: OPEN_FILTER };
const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
// A notice is signed, a window closes, while the list is open: it is read again now and then.
const queryOptions = { refetchInterval: 60_000 } as const;

const who = (r: DisciplinaryAction) => `${r.employeeName}（${r.employeeNo}）`;
const violation = (r: DisciplinaryAction) => `${r.violationCode} ${r.violation.label}`;

/** 期限: what the action waits for and by when; red once passed (the workflow acts a moment later). */
const DeadlineText = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = useDateTime();
  const now = useNow();
  const d = nextDeadline(record);
  return (
    <Typography variant="body2" component="span" color={d && isOverdue(d, now) ? 'error' : undefined} data-deadline={d?.kind}>
      {deadlineText(d, translate, when, (day) => formatDay(day, locale))}
    </Typography>
  );
};

/**
 * 处罚记录: the department's disciplinary actions as the API scopes them (HR: everyone; a
 * manager: those under them and their own; an agent: their own). 待处理 lists the open ones by
 * their next deadline (签收截止 / 可申诉至 / 答复期限); any status may be picked instead. A row
 * opens the action. A phone gets a simple list.
 */
const DisciplinaryActionList = () => {
  const translate = useTranslate();
  const when = useDateTime();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const listProps = { filters, filterDefaultValues: DEFAULT_FILTER, perPage: 25, pagination, exporter: false as const, queryOptions, empty: false as const };
  return small ? (
    <List {...listProps}>
      <SimpleList<DisciplinaryAction>
        rowClick="show"
        primaryText={who}
        secondaryText={(r) => `${r.levelLabel} · ${violation(r)}`}
        tertiaryText={(r) => <DeadlineOrStatus record={r} />}
      />
    </List>
  ) : (
    <List {...listProps}>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography sx={{ p: 3 }} color="text.secondary">{translate(key('empty'))}</Typography>}>
        <FunctionField<DisciplinaryAction> source="employeeName" sortable={false} render={who} />
        <FunctionField<DisciplinaryAction> source="violation" sortable={false} render={violation} />
        <TextField source="levelLabel" sortable={false} />
        <FunctionField<DisciplinaryAction> source="statusLabel" sortable={false} render={(r) => <Chip size="small" label={r.statusLabel} />} />
        <FunctionField<DisciplinaryAction> source="occurredAt" sortable={false} render={(r) => when(r.occurredAt)} />
        <FunctionField<DisciplinaryAction> source="requesterName" sortable={false} render={(r) => r.requesterName ?? '—'} />
        <FunctionField<DisciplinaryAction> source="deadline" sortable={false} render={(r) => <DeadlineText record={r} />} />
      </Datagrid>
    </List>
  );
};

/** A phone's third line: the status, and the deadline while there is one. */
const DeadlineOrStatus = ({ record }: { record: DisciplinaryAction }) => (
  <>
    {record.statusLabel}
    {nextDeadline(record) && ' · '}
    {nextDeadline(record) && <DeadlineText record={record} />}
  </>
);

export default DisciplinaryActionList;
