import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Show, useGetIdentity, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { ApprovalCcButton } from '../approvals/ApprovalCcButton';
import { choiceKey } from '../employees/employeeChoices';
import { LocaleDateField } from '../components/LocaleDateField';
import { Section } from '../components/Section';
import { RequestComments } from '../requests/RequestComments';
import { RequestChain } from '../components/RequestChain';
import { RequestReminders } from '../components/RequestReminders';
import { RUNNING_STATUSES, type Requisition } from './types';
import { WithdrawRequisitionButton } from './WithdrawRequisitionButton';
import { OpeningPanel } from '../openings/OpeningPanel';

/** 人才增补单：专员 2 人（客户服务中心）, in the app bar (the page's h1). */
const RequisitionTitle = () => {
  const record = useRecordContext<Requisition>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{translate('resources.requisitions.title', { post: translate(choiceKey('post', record.post)), headcount: record.headcount, team: record.teamName })}</>;
};

/** One requisition: what is asked, where it stands, why it was rejected, its chain's decisions, and once approved its opening with the candidates. */
const RequisitionShow = () => (
  <Show actions={false} title={<RequisitionTitle />}>
    <RequisitionLayout />
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

const RequisitionLayout = () => {
  const requisition = useRecordContext<Requisition>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  if (!requisition) return null;
  const f = (field: string) => translate(`resources.requisitions.fields.${field}`);
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.requisitions.${key}`, options);
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // 抄送 is for the requester and anyone asked in the chain; the API has the last word.
  const takesPart = !!identity && (requisition.requesterId === identity.id || (requisition.steps ?? []).some((s) => s.tasks?.some((task) => task.approverId === identity.id)));
  const rejectedAt = requisition.rejection ? (requisition.chain.find((s) => s.key === requisition.rejection?.stepKey)?.label ?? requisition.rejection.stepKey) : null;
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            {t('title', { post: translate(choiceKey('post', requisition.post)), headcount: requisition.headcount, team: requisition.teamName })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
            <Chip size="small" color="primary" label={requisition.statusLabel} data-testid="requisition-status" />
            <WithdrawRequisitionButton requisition={requisition} />
            {takesPart && <ApprovalCcButton kind="requisition" requestId={String(requisition.id)} />}
          </Stack>
        </Box>
        {requisition.rejection && rejectedAt && (
          <Alert severity="error" data-testid="requisition-rejection">
            {t('rejection', { step: rejectedAt, name: requisition.rejection.byName })}
            {requisition.rejection.comment && (
              <Box component="span" sx={{ display: 'block' }}>
                {t('rejection_comment', { comment: requisition.rejection.comment })}
              </Box>
            )}
          </Alert>
        )}
        <Section title={t('sections.details')} id="details">
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
            <Term label={f('post')}>{translate(choiceKey('post', requisition.post))}</Term>
            <Term label={f('teamName')}>{requisition.teamName}</Term>
            <Term label={f('headcount')}>{requisition.headcount}</Term>
            <Term label={f('level')}>{translate(choiceKey('level', requisition.level))}</Term>
            <Term label={f('salary')}>
              {money.format(requisition.salaryMin)} – {money.format(requisition.salaryMax)}
            </Term>
            <Term label={f('wantedBy')}>
              <LocaleDateField source="wantedBy" />
            </Term>
            <Term label={f('reason')}>{requisition.reason}</Term>
            <Term label={f('requirements')}>{requisition.requirements}</Term>
            <Term label={f('requesterName')}>{requisition.requesterName ?? '—'}</Term>
            <Term label={f('createdAt')}>
              <LocaleDateField source="createdAt" showTime />
            </Term>
            <Term label={f('policyVersion')}>{requisition.policyVersion}</Term>
            <Term label={f('id')}>{requisition.id}</Term>
          </Box>
        </Section>
      </Stack>
      <Section title={t('sections.chain')} id="chain">
        <Stack spacing={2}>
          <RequestReminders request={requisition} resource="requisitions" running={RUNNING_STATUSES} />
          <RequestChain
            request={requisition} resource="requisitions" running={RUNNING_STATUSES} testId="requisition-chain"
            note={(step) => (step.minHeadcount && step.minHeadcount > 1 ? translate('resources.requisitions.chain.condition', { min: step.minHeadcount }) : undefined)}
          />
        </Stack>
      </Section>
      {requisition.openingId && <OpeningPanel openingId={requisition.openingId} />}
      <Section title={translate('resources.requests.comments.title')} id="comments" sx={{ gridColumn: '1 / -1' }}>
        <RequestComments kind="requisition" requestId={String(requisition.id)} />
      </Section>
    </Box>
  );
};

export default RequisitionShow;
