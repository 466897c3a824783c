import { Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Link, Title, useCreatePath, useGetIdentity, useTranslate } from 'react-admin';

// Their own chunks: the charts library is only loaded by those who see the charts.
const PendingApprovals = lazy(() => import('./PendingApprovals'));
const DashboardCharts = lazy(() => import('./DashboardCharts'));

/**
 * 数据看板 (its own menu item; people land on 待我审批): the department's charts for the roles
 * that see them, what waits for me, who is signed in, and a way to one's own record.
 */
const Dashboard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const roles = (identity.roles as string[] | undefined) ?? [];
  const employeeId = identity.employeeId as string | null | undefined;

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2 }}>
      <Title title={translate('app.dashboard.title')} />
      <Suspense fallback={null}>
        <DashboardCharts />
      </Suspense>
      <Suspense fallback={null}>
        <PendingApprovals />
      </Suspense>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.dashboard.welcome', { name: identity.fullName ?? '' })}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('app.dashboard.signed_in_as')}: {String(identity.email ?? '')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ my: 2 }} aria-label={translate('app.dashboard.roles')}>
            {roles.map((role) => (
              <Chip key={role} label={translate(`roles.${role}`, { _: role })} size="small" />
            ))}
          </Stack>
          {employeeId ? (
            // A router link (a real href): react-admin's Button given `to` rendered an <a> without one.
            <Button component={Link} to={createPath({ resource: 'employees', id: employeeId, type: 'show' })} variant="outlined">
              {translate('app.dashboard.my_record')}
            </Button>
          ) : (
            <Typography variant="body2">{translate('app.dashboard.no_record')}</Typography>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};

export default Dashboard;
