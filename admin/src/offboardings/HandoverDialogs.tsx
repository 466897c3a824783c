import { Typography } from '@mui/material';
import { AutocompleteInput, TextInput, maxLength, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useInterviewerChoices } from '../candidates/useInterviewerChoices';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { HandoverItem, Offboarding } from './types';
import { useShowOffboarding } from './useOffboardingVerb';

const key = (path: string) => `resources.offboardings.${path}`;
const validateDescription = [required(), maxLength(500)];

/**
 * The people a handover item may go to: the company directory's employees (the choice's id is
 * the employee id the API takes), without the leaver — and, for a report, without the report.
 * The API refuses anyone who has left.
 */
function useReceiverChoices(enabled: boolean, record: Offboarding, item?: HandoverItem) {
  const { choices, isPending } = useInterviewerChoices(enabled);
  const excluded = new Set([record.employeeId, ...(item?.source === 'report' && item.refId ? [item.refId] : [])]);
  return { choices: choices.filter((c) => !excluded.has(c.id)), isPending };
}

const picked = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** 指定接收人 (for a report: 指定新上级): empty gives it back to HR (any HR member signs). */
export const ReceiverDialog = ({ record, item, open, onClose }: { record: Offboarding; item: HandoverItem; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const { choices, isPending } = useReceiverChoices(open, record, item);
  const report = item.source === 'report';
  const { submit, submitting } = useFormVerb(async (values: { receiverEmployeeId?: unknown }) => {
    show((await dataProvider.setHandoverReceiver(String(record.id), item.id, picked(values.receiverEmployeeId))).data);
    notify(key('handover.receiver_saved'), { type: 'success' });
    onClose();
  }, ['receiverEmployeeId']);
  return (
    <FormDialog
      id={`handover-receiver-${item.id}`}
      open={open}
      onClose={onClose}
      title={translate(key(report ? 'handover.name_superior' : 'handover.name_receiver'))}
      submitLabel={key('handover.save')}
      submitting={submitting}
      onSubmit={submit}
      defaultValues={{ receiverEmployeeId: item.receiverEmployeeId ?? '' }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {item.description}
      </Typography>
      <AutocompleteInput
        source="receiverEmployeeId"
        label={key(report ? 'fields.newSuperior' : 'fields.receiverName')}
        helperText={key(report ? 'handover.superior_hint' : 'handover.receiver_hint')}
        choices={choices}
        optionText="label"
        isPending={isPending}
      />
    </FormDialog>
  );
};

/** 添加交接事项: what is handed over, in a line, and who signs for it (empty: HR). */
export const AddHandoverDialog = ({ record, open, onClose }: { record: Offboarding; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const { choices, isPending } = useReceiverChoices(open, record);
  const { submit, submitting } = useFormVerb(async (values: { description?: string; receiverEmployeeId?: unknown }) => {
    const description = (values.description ?? '').trim();
    show((await dataProvider.addHandoverItem(String(record.id), { description, receiverEmployeeId: picked(values.receiverEmployeeId) })).data);
    notify(key('handover.added'), { type: 'success' });
    onClose();
  }, ['description', 'receiverEmployeeId']);
  return (
    <FormDialog
      id="handover-add"
      open={open}
      onClose={onClose}
      title={translate(key('handover.add_title'), { name: record.employeeName })}
      submitLabel={key('handover.add_submit')}
      submitting={submitting}
      onSubmit={submit}
      defaultValues={{ description: '', receiverEmployeeId: '' }}
    >
      <TextInput source="description" label={key('fields.description')} validate={validateDescription} multiline fullWidth helperText={key('handover.description_hint')} />
      <AutocompleteInput
        source="receiverEmployeeId"
        label={key('fields.receiverName')}
        helperText={key('handover.receiver_hint')}
        choices={choices}
        optionText="label"
        isPending={isPending}
      />
    </FormDialog>
  );
};
