import { Alert, Box, Card, CardContent, CircularProgress, Link as MuiLink, Typography } from '@mui/material';
import { Link, Title, useCreatePath, useGetIdentity, useGetList, useGetOne, useLocaleState, useLocation, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import type { Employee } from '../employees/types';
import { formatDay } from './notice';
import { ResignationForm } from './ResignationForm';
import { ResignationHistory } from './ResignationHistory';
import { RUNNING_STATUSES, type Resignation } from './types';

const t = (key: string) => `resources.resignations.${key}`;

/**
 * 申请离职 (the resource's "list", like 我的代理: the signed-in employee's own page), and 代为提交辞职
 * (its "create", `?employeeId=`: HR hands one in for someone from their file). Either way the
 * form for that employee, and their resignations below it, so the one just handed in — or one
 * still open — is a tap away.
 */
const ResignationPage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const { search } = useLocation();
  if (isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  const own = (identity?.employeeId as string | null | undefined) ?? null;
  const asked = new URLSearchParams(search).get('employeeId');
  const employeeId = asked || own;
  if (!employeeId) {
    return (
      <Box sx={{ p: { xs: 1.5, sm: 2 }, maxWidth: 720 }}>
        <Title title={translate(t('name'))} />
        <Alert severity="warning">{translate(t('page.no_employee'))}</Alert>
      </Box>
    );
  }
  return <ResignationPanel employeeId={employeeId} onBehalf={employeeId !== own} />;
};

const ResignationPanel = ({ employeeId, onBehalf }: { employeeId: string; onBehalf: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const { data: employee, error, isPending } = useGetOne<Employee>('employees', { id: employeeId });
  const { data: resignations } = useGetList<Resignation>('resignations', {
    filter: { employeeId },
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const title = onBehalf ? translate(t('on_behalf.title'), { name: employee?.name ?? '' }) : translate(t('name'));
  const open = resignations?.find((r) => RUNNING_STATUSES.includes(r.status));
  return (
    <Box sx={{ py: { xs: 1, sm: 2 }, display: 'grid', gap: 2, maxWidth: 720 }}>
      <Title title={title} />
      <Card variant="outlined">
        <CardContent sx={{ px: { xs: 1.5, sm: 2 } }}>
          <Typography variant="h6" component="h2" sx={{ mb: 0.5 }}>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(t(onBehalf ? 'on_behalf.intro' : 'page.intro'))}
          </Typography>
          {open && (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="resignation-open">
              {translate(t(onBehalf ? 'on_behalf.open' : 'page.open'), { day: formatDay(open.lastDay, locale) })}{' '}
              <MuiLink component={Link} to={createPath({ resource: 'resignations', id: open.id, type: 'show' })}>
                {translate(t('page.open_link'))}
              </MuiLink>
            </Alert>
          )}
          {isPending ? (
            <CircularProgress size={24} />
          ) : error || !employee ? (
            <Alert severity="error">{(error as Error | null)?.message ?? translate('ra.page.not_found')}</Alert>
          ) : employee.status === 'terminated' ? (
            <Alert severity="info">{translate(t('on_behalf.left'))}</Alert>
          ) : (
            <ResignationForm employeeId={employeeId} onProbation={employee.status === 'probation'} />
          )}
        </CardContent>
      </Card>
      <Section title={onBehalf ? translate(t('page.theirs'), { name: employee?.name ?? '' }) : translate(t('page.mine'))} id="resignations" sx={{ px: { xs: 1.5, sm: 0 } }}>
        {resignations ? <ResignationHistory resignations={resignations} /> : <CircularProgress size={20} />}
      </Section>
    </Box>
  );
};

export default ResignationPage;
