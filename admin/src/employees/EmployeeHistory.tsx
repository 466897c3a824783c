import {
  Box,
  Button,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useGetMany, useInfiniteGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { CHOICE_FIELDS, choiceKey, type ChoiceField } from './employeeChoices';
import { formatPlainValue } from './historyValue';

/** GET /api/v1/audit item */
interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  channel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// Bookkeeping fields that change with every write, or follow from another change shown
// (path from superiorId), and say nothing more to a reader.
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'path', 'departmentId']);

/** Audit records hold ids; these fields are shown by the name of what they point to. */
const REFERENCES: Record<string, string> = { superiorId: 'employees', teamId: 'org-units' };

/** The 变更记录 / History tab of an employee: who changed what, when, through which channel. */
export const EmployeeHistory = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteGetList<AuditEntry>(
    'audit',
    {
      filter: { entityType: 'employee', entityId: record?.id },
      pagination: { page: 1, perPage: 20 },
    },
    { enabled: record?.id != null },
  );

  const entries = data?.pages.flatMap((page) => page.data) ?? [];
  const names = useReferenceNames(entries);

  if (isPending) return <CircularProgress size={24} />;
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (entries.length === 0) return <Typography color="text.secondary">{translate('app.history.empty')}</Typography>;

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field in CHOICE_FIELDS) return translate(choiceKey(field as ChoiceField, String(value)), { _: String(value) });
    if (field in REFERENCES) return names.get(String(value)) ?? String(value);
    return formatPlainValue(field, value, locale);
  };

  return (
    <Box sx={{ width: '100%' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.history.at')}</TableCell>
            <TableCell>{translate('app.history.actor')}</TableCell>
            <TableCell>{translate('app.history.action')}</TableCell>
            <TableCell>{translate('app.history.channel')}</TableCell>
            <TableCell>{translate('app.history.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{time.format(new Date(entry.at))}</TableCell>
              <TableCell>{entry.actorName ?? translate('app.history.system')}</TableCell>
              <TableCell>{translate(`audit.actions.${entry.action}`, { _: entry.action })}</TableCell>
              <TableCell>{translate(`audit.channels.${entry.channel}`, { _: entry.channel })}</TableCell>
              <TableCell>
                {changedFields(entry).map((field) => (
                  <div key={field}>
                    {translate(`resources.employees.fields.${field}`, { _: field })}: {show(field, entry.before?.[field])}
                    {' → '}
                    {show(field, entry.after?.[field])}
                  </div>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasNextPage && (
        <Button onClick={() => fetchNextPage()} disabled={isFetchingNextPage} sx={{ mt: 1 }}>
          {translate('app.history.load_more')}
        </Button>
      )}
    </Box>
  );
};

/** id → display name for the superiors and teams the entries mention (one request per kind). */
function useReferenceNames(entries: AuditEntry[]): Map<string, string> {
  const idsOf = (field: string) => [
    ...new Set(
      entries
        .flatMap((e) => [e.before?.[field], e.after?.[field]])
        .filter((v): v is string => typeof v === 'string' && v !== ''),
    ),
  ];
  const superiorIds = idsOf('superiorId');
  const teamIds = idsOf('teamId');
  const { data: superiors } = useGetMany('employees', { ids: superiorIds }, { enabled: superiorIds.length > 0 });
  const { data: teams } = useGetMany('org-units', { ids: teamIds }, { enabled: teamIds.length > 0 });
  const names = new Map<string, string>();
  for (const s of superiors ?? []) names.set(String(s.id), `${s.name} (${s.employeeNo})`);
  for (const t of teams ?? []) names.set(String(t.id), String(t.name));
  return names;
}

/**
 * Fields whose value differs between before and after. A creation lists nothing (everything
 * is new).
 */
function changedFields(entry: AuditEntry): string[] {
  if (!entry.before || !entry.after) return [];
  const keys = new Set([...Object.keys(entry.before), ...Object.keys(entry.after)]);
  return [...keys].filter(
    (key) => !HIDDEN.has(key) && JSON.stringify(entry.before?.[key] ?? null) !== JSON.stringify(entry.after?.[key] ?? null),
  );
}
