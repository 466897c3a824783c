import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Button, Title, useCreatePath, useGetIdentity, useTranslate } from 'react-admin';

// Its own chunk, like the resource pages: the first screen (login) does not need it.
const PendingApprovals = lazy(() => import('./PendingApprovals'));

/**
 * Home: what waits for me (待我审批, first when there is any), who is signed in, and a way to
 * one's own record. Team charts come later.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const roles = (identity.roles as string[] | undefined) ?? [];
  const employeeId = identity.employeeId as string | null | undefined;

  return (
    <>
      <Title title={translate('app.dashboard.title')} />
      <Suspense fallback={null}>
        <PendingApprovals />
      </Suspense>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h5" gutterBottom>
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
            <Button
              to={createPath({ resource: 'employees', id: employeeId, type: 'show' })}
              label="app.dashboard.my_record"
              variant="outlined"
            />
          ) : (
            <Typography variant="body2">{translate('app.dashboard.no_record')}</Typography>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
            {translate('app.dashboard.more_soon')}
          </Typography>
        </CardContent>
      </Card>
    </>
  );
};
