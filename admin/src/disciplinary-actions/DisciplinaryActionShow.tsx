import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { AttachmentLinks } from '../attachments/AttachmentLinks';
import { RequestChain } from '../components/RequestChain';
import { Section } from '../components/Section';
import { useDateTime } from '../components/useDateTime';
import { Term } from '../offboardings/Term';
import { actionChain, isSettling, printPath, showPath } from './actions';
import { AppealButton, WitnessesButton } from './DisciplinaryActionDialogs';
import { DisciplinaryActionSign } from './DisciplinaryActionSign';
import { DisciplinaryActionSignatures } from './DisciplinaryActionSignatures';
import { DisciplinaryActionState } from './DisciplinaryActionState';
import { RUNNING_STATUSES, type DisciplinaryAction } from './types';

const key = (path: string) => `resources.disciplinary-actions.${path}`;

/** The 处罚单's title (处罚单：张三（口头警告）), in the app bar: the page's h1. */
const DisciplinaryActionTitle = () => {
  const record = useRecordContext<DisciplinaryAction>();
  return record ? <>{record.notice.title}</> : null;
};

// While the workflow catches up (the appeal window opening after a signature), the page reads
// the action again every moment, so the next verb is offered without a reload.
const queryOptions = {
  refetchInterval: (query: { state: { data?: DisciplinaryAction } }) => (isSettling(query.state.data, Date.now()) ? 1500 : false),
} as const;

/**
 * One disciplinary action (POLICIES.md §4; 004 第五条(六)): the 处罚单, where it stands and by
 * when, why the level (the counted warnings, each a link), the evidence, the signatures with
 * their hashes, the appeal and its answer, and the chain. What the reader may do is the API's
 * `can`: 签收 or 拒签 (the employee), 见证签字 (a named witness), 指定见证人 (the issuer, a manager
 * over the employee, HR), 申诉 (the employee, within the window). One column on a phone.
 */
const DisciplinaryActionShow = () => (
  <Show actions={false} title={<DisciplinaryActionTitle />} queryOptions={queryOptions}>
    <DisciplinaryActionPage />
  </Show>
);

const DisciplinaryActionPage = () => {
  const record = useRecordContext<DisciplinaryAction>();
  const translate = useTranslate();
  if (!record) return null;
  const t = (path: string) => translate(key(path));
  const { chain, currentStep } = actionChain(record, (step) => t(`chain.steps.${step}`));
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <DisciplinaryActionHeader record={record} />
      {/* Read first, then signed: the pad comes right under the notice (on a phone too). */}
      <Stack spacing={3}>
        <Section title={t('sections.notice')} id="notice">
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }} data-testid="discipline-notice">
            {record.notice.rows.map(([label, value]) => (
              <Term key={label} label={label}>{value}</Term>
            ))}
          </Box>
        </Section>
        <DisciplinaryActionSign record={record} />
      </Stack>
      <Stack spacing={3}>
        <Section title={t('sections.grounds')} id="grounds">
          <DisciplinaryActionGrounds record={record} />
        </Section>
        <Section title={t('sections.evidence')} id="evidence">
          {record.evidence.length ? <AttachmentLinks attachments={record.evidence} /> : <Typography color="text.secondary">{t('evidence_none')}</Typography>}
        </Section>
        <Section title={t('sections.signatures')} id="signatures">
          <DisciplinaryActionSignatures record={record} />
        </Section>
        {record.appeal && (
          <Section title={t('sections.appeal')} id="appeal">
            <DisciplinaryActionAppeal record={record} />
          </Section>
        )}
      </Stack>
      {chain.length > 0 && (
        <Section title={t('sections.chain')} id="chain" sx={{ gridColumn: '1 / -1' }}>
          <RequestChain request={{ status: record.status, currentStep, chain, steps: record.steps ?? [] }} resource="disciplinary-actions" running={RUNNING_STATUSES} testId="discipline-chain" />
        </Section>
      )}
    </Box>
  );
};

const DisciplinaryActionHeader = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  // The employee's file, for those over them; the employee reads their own action here.
  const own = !!identity && identity.employeeId === record.employeeId;
  return (
    <Stack spacing={1.5} sx={{ gridColumn: '1 / -1' }}>
      <Box>
        <Typography variant="h6" component="h2">
          {own ? record.employeeName : <Link to={createPath({ resource: 'employees', id: record.employeeId, type: 'show' })}>{record.employeeName}</Link>}
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {record.employeeNo}
          </Typography>
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <Chip size="small" color="primary" label={record.statusLabel} data-testid="discipline-status" />
          <Chip size="small" variant="outlined" label={record.levelLabel} data-testid="discipline-level" />
          {record.can?.appeal && <AppealButton record={record} />}
          {record.can?.nameWitnesses && <WitnessesButton record={record} />}
          <Button size="small" variant="outlined" startIcon={<PrintIcon />} component={Link} to={printPath(String(record.id))} sx={{ minHeight: 32 }}>
            {translate(key('print.action'))}
          </Button>
        </Stack>
      </Box>
      <DisciplinaryActionState record={record} />
    </Stack>
  );
};

/** Why this level: the rule in words and the earlier actions it counted, each a link to its page. */
const DisciplinaryActionGrounds = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="discipline-rule">
        {record.rule.text}
      </Typography>
      {record.countedSummary.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label={translate(key('counted'))} data-testid="discipline-counted">
          {record.countedSummary.map((c) => (
            <li key={c.id}>
              <Link to={showPath(c.id)}>{`${c.occurredOn} · ${c.levelLabel} · ${c.violationCode} ${c.label}`}</Link>
            </li>
          ))}
        </Box>
      )}
    </Stack>
  );
};

/** The appeal as made (grounds, time, who answers) and the answer once given. */
const DisciplinaryActionAppeal = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const appeal = record.appeal!;
  const f = (field: string) => translate(key(`fields.${field}`));
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.75, m: 0 }} data-testid="discipline-appeal">
      <Term label={f('appealReason')}>{appeal.reason}</Term>
      <Term label={f('appealAt')}>{when(appeal.at)}</Term>
      <Term label={f('reviewers')}>{appeal.reviewerNames.join('、') || '—'}</Term>
      {record.ruling && (
        <Term label={f('ruling')}>
          {translate(key(`ruling.${record.ruling.outcome}`), { name: record.ruling.byName, time: when(record.ruling.at) })}
          {record.ruling.comment ? `\n${record.ruling.comment}` : ''}
        </Term>
      )}
    </Box>
  );
};

export default DisciplinaryActionShow;
