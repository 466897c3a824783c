import { Box, Checkbox, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, RecordContextProvider, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { MentorButton } from './MentorButton';
import type { OnboardingChecklist, OnboardingItem } from './types';

const key = (path: string) => `resources.onboarding-checklists.${path}`;

/**
 * 入职清单 on the employee's file (POLICIES.md §2 step 6): each item with its owner, due date and
 * a done checkbox the reader may tick when it is theirs (its owner, HR, a manager over the hire:
 * the server says so per item, `canMark`). A tick saves at once (POST …/items/{key}).
 */
export const OnboardingChecklistSection = ({ employeeId }: { employeeId: string }) => {
  const translate = useTranslate();
  const query = useConsoleQuery(`onboarding-checklist:${employeeId}`, (dp) => dp.getOnboardingChecklist(employeeId));
  const [saved, setSaved] = useState<OnboardingChecklist | null>(null);
  const checklist = saved?.employeeId === employeeId ? saved : query.data;
  if (query.isPending) return <CircularProgress size={20} />;
  if (!checklist) return <Typography color="text.secondary">{translate(key('none'))}</Typography>;
  const done = checklist.items.filter((i) => i.done).length;
  return (
    <Box data-testid="onboarding-checklist">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(key('summary'), { reportDate: checklist.reportDate, done, total: checklist.items.length })}{' '}
        <Chip size="small" color={checklist.status === 'done' ? 'success' : 'primary'} label={translate(key(`status.${checklist.status}`))} />{' '}
        <MentorButton checklist={checklist} onSaved={setSaved} />
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate(key('title'))}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">{translate(key('fields.done'))}</TableCell>
              <TableCell>{translate(key('fields.label'))}</TableCell>
              <TableCell>{translate(key('fields.owner'))}</TableCell>
              <TableCell>{translate(key('fields.dueDate'))}</TableCell>
              <TableCell>{translate(key('fields.doneBy'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {checklist.items.map((item) => (
              <ChecklistRow key={item.key} checklist={checklist} item={item} onSaved={setSaved} />
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

const ChecklistRow = ({ checklist, item, onSaved }: { checklist: OnboardingChecklist; item: OnboardingItem; onSaved: (c: OnboardingChecklist) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [busy, setBusy] = useState(false);
  const labelId = `onboarding-item-${item.key}`;

  async function toggle(done: boolean) {
    setBusy(true);
    try {
      const { data } = await dataProvider.markOnboardingItem(checklist.id, item.key, done);
      onSaved(data);
      notify(key('saved'), { type: 'success' });
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const box = (
    <Checkbox
      checked={item.done}
      disabled={!item.canMark || busy}
      onChange={(event) => void toggle(event.target.checked)}
      // The row's name for a screen reader: what ticking it does, with the item's name.
      slotProps={{ input: { 'aria-label': translate(key(item.done ? 'unmark' : 'mark'), { label: item.label }), 'aria-describedby': labelId } }}
    />
  );
  return (
    <RecordContextProvider value={{ ...item, id: item.key }}>
      <TableRow data-item={item.key}>
        <TableCell padding="checkbox">
          {item.canMark ? box : (
            <Tooltip title={translate(key('not_yours'))}>
              <span>{box}</span>
            </Tooltip>
          )}
        </TableCell>
        <TableCell id={labelId}>{item.label}</TableCell>
        <TableCell>
          {item.ownerLabel}
          {item.ownerName ? ` · ${item.ownerName}` : ''}
        </TableCell>
        <TableCell>
          <LocaleDateField source="dueDate" />
          {item.overdue ? <Chip size="small" color="warning" label={translate(key('overdue'))} sx={{ ml: 1 }} /> : null}
        </TableCell>
        <TableCell>{item.done ? (item.doneByName ?? '—') : '—'}</TableCell>
      </TableRow>
    </RecordContextProvider>
  );
};
