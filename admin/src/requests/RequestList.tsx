import { Chip, useMediaQuery, type Theme } from '@mui/material';
import { Datagrid, DateField, type RaRecord, DateInput, FunctionField, List, Pagination, SearchInput, SelectInput, SimpleList, TextField, useLocaleState, useTranslate } from 'react-admin';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { ApprovalTabs } from '../approvals/ApprovalTabs';
import { requestRoute, type StartedRequest } from './types';

const KIND_CHOICES = ['probation', 'requisition', 'resignation', 'discipline', 'dismissal'].map((id) => ({ id, name: `resources.requests.kinds.${id}` }));
const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;
// A request moves on while the page is open (an approver decides): re-read it now and then.
const queryOptions = { refetchInterval: 60_000 } as const;
const open = (_id: unknown, _resource: unknown, record: RaRecord) => requestRoute(record as unknown as StartedRequest);

const StatusChip = ({ record }: { record: StartedRequest }) => (
  <Chip size="small" label={record.statusLabel} color={record.open ? 'primary' : 'default'} variant={record.open ? 'filled' : 'outlined'} />
);

/**
 * 我发起的: the requests I started, newest first, as they are now (status, the step they wait
 * on); a row opens the request's own page, where it can be withdrawn or its approvers reminded.
 */
const RequestList = () => {
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
  const [locale] = useLocaleState();
  // The steps a request can wait at: the probation chain as the policy has it now.
  const { data: policy } = useConsoleQuery('policy:probation', (dp) => dp.getPolicy('probation'));
  const chain = ((policy?.values as { chain?: { key: string; labelZh: string; labelEn: string }[] } | undefined)?.chain ?? []);
  const stepChoices = chain.map((s) => ({ id: s.key, name: locale === 'en' ? s.labelEn : s.labelZh }));
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.requests.fields.q')} />,
    <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
    <SelectInput key="state" source="state" choices={[{ id: 'open', name: 'resources.requests.states.open' }, { id: 'closed', name: 'resources.requests.states.closed' }]} alwaysOn />,
    <SelectInput key="step" source="step" choices={stepChoices} translateChoice={false} />,
    <DateInput key="from" source="from" />,
    <DateInput key="to" source="to" />,
  ];
  return (
    <List
      filters={filters}
      perPage={25}
      pagination={pagination}
      exporter={false}
      queryOptions={queryOptions}
      empty={false}
      title={translate('resources.requests.name')}
    >
      <ApprovalTabs small={small} current="started" />
      {small ? (
        <SimpleList<StartedRequest>
          rowClick={open}
          primaryText={(r) => r.title}
          secondaryText={(r) => [r.statusLabel, r.currentStepLabel].filter(Boolean).join(' · ')}
          tertiaryText={(r) => new Date(r.startedAt).toLocaleDateString()}
        />
      ) : (
        <Datagrid rowClick={open} bulkActionButtons={false} empty={<EmptyStarted />}>
          <TextField source="title" sortable={false} />
          <TextField source="kindLabel" sortable={false} />
          <FunctionField<StartedRequest> source="statusLabel" sortable={false} render={(r) => <StatusChip record={r} />} />
          <FunctionField<StartedRequest> source="currentStepLabel" sortable={false} render={(r) => r.currentStepLabel ?? '—'} />
          <DateField source="startedAt" showTime sortable={false} />
          <DateField source="updatedAt" showTime sortable={false} />
        </Datagrid>
      )}
    </List>
  );
};

const EmptyStarted = () => {
  const translate = useTranslate();
  return <div style={{ padding: 24, color: 'rgba(0,0,0,0.6)' }}>{translate('resources.requests.empty')}</div>;
};

export default RequestList;
