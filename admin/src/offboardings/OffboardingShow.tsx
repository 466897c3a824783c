import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { Link, Show, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { Section } from '../components/Section';
import { useDateTime } from '../components/useDateTime';
import { OffboardingClosing } from './OffboardingClosing';
import { OffboardingExitForm } from './OffboardingExitForm';
import { OffboardingHandover } from './OffboardingHandover';
import { OffboardingInventory, useYuan } from './OffboardingInventory';
import { Term } from './Term';
import type { Offboarding } from './types';

const key = (path: string) => `resources.offboardings.${path}`;
const STATUS_COLORS = { open: 'primary', completed: 'success', cancelled: 'default' } as const;

/** 离职办理：张三, in the app bar (the page's h1). */
const OffboardingTitle = () => {
  const record = useRecordContext<Offboarding>();
  const translate = useTranslate();
  return record ? <>{translate(key('title'), { name: record.employeeName })}</> : null;
};

/**
 * One leaver's offboarding (POLICIES.md §9; 001 六): the dates and the amount owed, the handover
 * its receivers sign (from a phone too: the reminder mail links here), the inventory, and for HR
 * the exit form and closing. What the reader may do is the API's `can`; the page shows only that.
 */
const OffboardingShow = () => (
  <Show actions={false} title={<OffboardingTitle />}>
    <OffboardingPage />
  </Show>
);

const OffboardingPage = () => {
  const record = useRecordContext<Offboarding>();
  const translate = useTranslate();
  if (!record) return null;
  const hr = record.exitForm !== null;
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <OffboardingHeader record={record} />
      <Section title={translate(key('handover.title'))} id="handover" sx={{ gridColumn: '1 / -1' }}>
        <OffboardingHandover record={record} />
      </Section>
      <Section title={translate(key('inventory.title'))} id="inventory">
        <OffboardingInventory record={record} />
      </Section>
      {record.exitForm && (
        <Section title={translate(key('exit_form.title'))} id="exit-form">
          <OffboardingExitForm record={record} form={record.exitForm} />
        </Section>
      )}
      {hr && record.status === 'open' && (
        <Section title={translate(key('closing.title'))} id="closing" sx={{ gridColumn: '1 / -1' }}>
          <OffboardingClosing record={record} />
        </Section>
      )}
    </Box>
  );
};

const OffboardingHeader = ({ record }: { record: Offboarding }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dateTime = useDateTime();
  const yuan = useYuan();
  const f = (field: string) => translate(key(`fields.${field}`));
  // The leaver's file is theirs to open who see the leaver: HR and the managers over them.
  const fileLink = record.exitForm !== null || record.can.manage;
  return (
    <Stack spacing={1.5} sx={{ gridColumn: '1 / -1' }}>
      <Box>
        <Typography variant="h6" component="h2">
          {fileLink ? <Link to={createPath({ resource: 'employees', id: record.employeeId, type: 'show' })}>{record.employeeName}</Link> : record.employeeName}
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {record.employeeNo}
          </Typography>
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1 }}>
          <Chip size="small" color={STATUS_COLORS[record.status]} label={record.statusLabel} data-testid="offboarding-status" />
          <Chip size="small" variant="outlined" label={record.reasonLabel} />
        </Stack>
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
        <Term label={f('lastDay')}>
          <LocaleDateField source="lastDay" />
        </Term>
        <Term label={f('finalPayDate')}>
          <span data-testid="final-pay-date">
            <LocaleDateField source="finalPayDate" />
            {!record.finalPayDateFixed && <Chip size="small" color="warning" variant="outlined" label={translate(key('provisional'))} sx={{ ml: 1 }} />}
          </span>
          {!record.finalPayDateFixed && (
            <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block' }}>
              {translate(key('provisional_hint'))}
            </Typography>
          )}
        </Term>
        <Term label={f('amountOwed')}>
          <span data-testid="amount-owed">{yuan(record.amountOwed)}</span>
        </Term>
        {record.leftAt && <Term label={f('leftAt')}>{dateTime(record.leftAt)}</Term>}
        {record.closedAt && <Term label={f('closedAt')}>{`${dateTime(record.closedAt)} · ${record.closedByName ?? '—'}`}</Term>}
      </Box>
      {record.cancellation && (
        <Alert severity="info" data-testid="offboarding-cancellation">
          {translate(key('cancelled_by'), { name: record.cancellation.byName, time: dateTime(record.cancellation.at), reason: record.cancellation.reason })}
        </Alert>
      )}
    </Stack>
  );
};

export default OffboardingShow;
