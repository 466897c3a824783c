import ExitToAppIcon from '@mui/icons-material/ExitToApp';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, useCreatePath, useGetIdentity, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ApprovalCcButton } from '../approvals/ApprovalCcButton';
import { LocaleDateField } from '../components/LocaleDateField';
import { RequestChain } from '../components/RequestChain';
import { RequestReminders } from '../components/RequestReminders';
import { Section } from '../components/Section';
import { RequestComments } from '../requests/RequestComments';
import { formatDay } from './notice';
import { RUNNING_STATUSES, type Resignation } from './types';
import { WithdrawResignationButton } from './WithdrawResignationButton';

/** 辞职申请：张三, in the app bar (the page's h1). */
const ResignationTitle = () => {
  const record = useRecordContext<Resignation>();
  const translate = useTranslate();
  return record ? <>{translate('resources.resignations.title', { name: record.employeeName })}</> : null;
};

/**
 * One resignation: who leaves and when, the notice it gives (and whether it is shortened), who
 * handed it in, where it stands, its chain with each decision, 撤回 while the reader may, and once
 * approved the offboarding it opened. On a phone everything is one column.
 */
const ResignationShow = () => (
  <Show actions={false} title={<ResignationTitle />}>
    <ResignationLayout />
  </Show>
);

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

const ResignationLayout = () => {
  const resignation = useRecordContext<Resignation>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  if (!resignation) return null;
  const f = (field: string) => translate(`resources.resignations.fields.${field}`);
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.resignations.${key}`, options);
  const day = (d: string) => formatDay(d, locale);
  // 抄送 is for the requester, the leaver and anyone asked in the chain; the API has the last word.
  const takesPart = !!identity && (resignation.requesterId === identity.id || identity.employeeId === resignation.employeeId || (resignation.steps ?? []).some((s) => s.tasks?.some((task) => task.approverId === identity.id)));
  const rejectedAt = resignation.rejection ? (resignation.chain.find((s) => s.key === resignation.rejection?.stepKey)?.label ?? resignation.rejection.stepKey) : null;
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            <Link to={createPath({ resource: 'employees', id: resignation.employeeId, type: 'show' })}>
              {resignation.employeeName} ({resignation.employeeNo})
            </Link>
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <Chip size="small" color="primary" label={resignation.statusLabel} data-testid="resignation-status" />
            {resignation.shortenedNotice && <Chip size="small" color="warning" variant="outlined" label={f('shortenedNotice')} />}
            <WithdrawResignationButton resignation={resignation} />
            {takesPart && <ApprovalCcButton kind="resignation" requestId={String(resignation.id)} />}
          </Stack>
        </Box>
        {resignation.offboardingId && (
          <Alert
            severity="success"
            data-testid="resignation-offboarding"
            action={
              <Button component={Link} to={`/offboardings/${encodeURIComponent(resignation.offboardingId)}/show`} size="small" startIcon={<ExitToAppIcon />}>
                {t('show.offboarding_link')}
              </Button>
            }
          >
            {t('show.approved')}
          </Alert>
        )}
        {resignation.rejection && rejectedAt && (
          <Alert severity="error" data-testid="resignation-rejection">
            {t('rejection', { step: rejectedAt, name: resignation.rejection.byName })}
            {resignation.rejection.comment && (
              <Box component="span" sx={{ display: 'block' }}>
                {t('rejection_comment', { comment: resignation.rejection.comment })}
              </Box>
            )}
          </Alert>
        )}
        {resignation.shortenedNotice && RUNNING_STATUSES.includes(resignation.status) && (
          <Alert severity="warning" data-testid="resignation-shortened">
            {t('show.shortened_alert', { day: day(resignation.earliestLastDay) })}
          </Alert>
        )}
        <Section title={t('sections.details')} id="details">
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }} data-testid="resignation-details">
            <Term label={f('status')}>{resignation.statusLabel}</Term>
            <Term label={f('lastDay')}>
              {day(resignation.lastDay)}
              {resignation.lastDayMovedFrom && (
                <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
                  {t('show.moved_from', { day: day(resignation.lastDayMovedFrom) })}
                </Typography>
              )}
            </Term>
            <Term label={f('noticeDays')}>{t(resignation.onProbation ? 'show.notice_days_probation' : 'show.notice_days', { days: resignation.noticeDays })}</Term>
            <Term label={f('earliestLastDay')}>{day(resignation.earliestLastDay)}</Term>
            <Term label={f('shortenedNotice')}>{t(resignation.shortenedNotice ? 'show.shortened_yes' : 'show.shortened_no')}</Term>
            <Term label={f('submittedOn')}>{day(resignation.submittedOn)}</Term>
            <Term label={f('onBehalf')}>{resignation.onBehalf?.byName ?? '—'}</Term>
            <Term label={f('reason')}>{resignation.reason}</Term>
            <Term label={f('policyVersion')}>{resignation.policyVersion}</Term>
            <Term label={f('createdAt')}>
              <LocaleDateField source="createdAt" showTime />
            </Term>
          </Box>
        </Section>
      </Stack>
      <Section title={t('sections.chain')} id="chain">
        <Stack spacing={2}>
          <RequestReminders request={resignation} resource="resignations" running={RUNNING_STATUSES} />
          <RequestChain request={resignation} resource="resignations" running={RUNNING_STATUSES} testId="resignation-chain" />
        </Stack>
      </Section>
      <Section title={translate('resources.requests.comments.title')} id="comments" sx={{ gridColumn: '1 / -1' }}>
        <RequestComments kind="resignation" requestId={String(resignation.id)} subjectEmployeeId={resignation.employeeId} />
      </Section>
    </Box>
  );
};

export default ResignationShow;
