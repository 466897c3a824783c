import { Chip, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from './notice';
import type { Resignation } from './types';

/**
 * An employee's resignations, newest first (on 申请离职: my own), each a link to its page with
 * its last day, the day it was handed in and where it stands. A list of links, one per row, big
 * enough to tap on a phone.
 */
export const ResignationHistory = ({ resignations }: { resignations: readonly Resignation[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.resignations.page.${key}`, options);
  if (resignations.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('empty')}
      </Typography>
    );
  }
  return (
    <List disablePadding data-testid="resignation-history">
      {resignations.map((r) => (
        <ListItem key={r.id} disablePadding divider>
          <ListItemButton component={Link} to={createPath({ resource: 'resignations', id: r.id, type: 'show' })} sx={{ px: 1, minHeight: 56, gap: 1 }} data-resignation={r.id}>
            <ListItemText
              primary={t('item', { day: formatDay(r.lastDay, locale) })}
              secondary={t('item_submitted', { day: formatDay(r.submittedOn, locale) })}
            />
            <Chip size="small" variant={r.status === 'pending_approval' ? 'filled' : 'outlined'} color={r.status === 'pending_approval' ? 'primary' : 'default'} label={r.statusLabel} />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
};
