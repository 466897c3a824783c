import { Alert, Button, Card, CardActions, CardContent, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { slaOf } from '../approvals/sla';
import type { ApprovalTask } from '../approvals/types';
import { useNow } from '../components/useNow';

// The API does not count: one page this size tells "12" or "100+".
const COUNT_PAGE = 100;
const SHOWN = 5;

/**
 * 待我审批 on the home page: how many tasks wait for me, the first few with their countdown,
 * and the way to the inbox. Nothing when there are none.
 */
const PendingApprovals = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const now = useNow();
  const { data, pageInfo, isPending, error } = useGetList<ApprovalTask>('approvals', {
    filter: { status: 'pending' },
    pagination: { page: 1, perPage: COUNT_PAGE },
  });
  if (isPending) return null;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  if (!data || data.length === 0) return null;
  const count = pageInfo?.hasNextPage ? `${data.length}+` : String(data.length);
  return (
    <Card data-testid="pending-approvals">
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6">{translate('app.dashboard.pending', { count })}</Typography>
        <List dense>
          {data.slice(0, SHOWN).map((task) => {
            const sla = slaOf(task.dueAt, now);
            const span = translate(`resources.approvals.sla.${sla.key}`, { days: sla.days, hours: sla.hours, minutes: sla.minutes });
            return (
              // A list holds list items: each link inside its own <li>.
              <ListItem key={task.id} disablePadding>
                <ListItemButton component={Link} underline="none" color="inherit" to={createPath({ resource: 'approvals', id: task.id, type: 'show' })}>
                  <ListItemText
                    primary={task.title}
                    secondary={
                      <>
                        {task.stepLabel} ·{' '}
                        <Typography component="span" variant="body2" color={sla.overdue ? 'error' : 'text.secondary'}>
                          {translate(sla.overdue ? 'resources.approvals.sla.overdue' : 'resources.approvals.sla.left', { time: span })}
                        </Typography>
                      </>
                    }
                  />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </CardContent>
      <CardActions>
        <Button component={Link} to={createPath({ resource: 'approvals', type: 'list' })} variant="contained">
          {translate('app.dashboard.all_approvals')}
        </Button>
      </CardActions>
    </Card>
  );
};

export default PendingApprovals;
