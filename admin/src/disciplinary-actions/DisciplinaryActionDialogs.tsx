import BlockIcon from '@mui/icons-material/Block';
import GavelIcon from '@mui/icons-material/Gavel';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteArrayInput, TextInput, maxLength, required, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import { formatDay } from '../resignations/notice';
import { fieldError } from './serverErrors';
import { APPEAL_REASON_MAX, REFUSAL_MAX, type DisciplinaryAction } from './types';
import { useActionDataProvider, useShowAction } from './useActionVerb';

const key = (path: string) => `resources.disciplinary-actions.${path}`;
const validateRefusal = [required(), maxLength(REFUSAL_MAX)];
const validateAppeal = [required(), maxLength(APPEAL_REASON_MAX)];
const buttonSx = { minHeight: 44 } as const;

/** 拒签: the employee refuses to sign, saying why (required); the named witnesses then sign. */
export const RefuseButton = ({ record, disabled }: { record: DisciplinaryAction; disabled?: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useActionDataProvider();
  const notify = useNotify();
  const show = useShowAction();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { reason?: string }) => {
    show((await dataProvider.refuseDisciplinaryAction(String(record.id), (values.reason ?? '').trim())).data);
    notify(key('refuse.done'), { type: 'success' });
    setOpen(false);
  }, ['reason']);
  return (
    <>
      <Button color="warning" startIcon={<BlockIcon />} onClick={() => setOpen(true)} disabled={disabled} sx={{ ...buttonSx, alignSelf: 'flex-start' }}>
        {translate(key('refuse.action'))}
      </Button>
      <FormDialog id="refuse" open={open} onClose={() => setOpen(false)} title={translate(key('refuse.title'))} submitLabel={key('refuse.confirm')} submitting={submitting} onSubmit={submit} defaultValues={{ reason: '' }} noValidate>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(key('refuse.content'), { count: record.terms.witnesses })}
        </Typography>
        <TextInput source="reason" label={key('fields.refusalReason')} multiline minRows={3} validate={validateRefusal} fullWidth />
      </FormDialog>
    </>
  );
};

/**
 * 指定见证人 (the issuer, a manager over the employee, HR): the policy's number of people from the
 * company directory — never the employee, never the issuer (the API says which pick is refused).
 */
export const WitnessesButton = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const dataProvider = useActionDataProvider();
  const notify = useNotify();
  const show = useShowAction();
  const [open, setOpen] = useState(false);
  const { choices, isPending } = usePeopleChoices({ enabled: open, subjectEmployeeId: record.employeeId });
  const count = record.terms.witnesses;
  const validateWitnesses = [required(), (ids: unknown) => (Array.isArray(ids) && ids.length !== count ? { message: key('witnesses.count'), args: { count } } : undefined)];
  const { submit, submitting } = useFormVerb(async (values: { userIds?: unknown[] }) => {
    show((await dataProvider.nameDisciplineWitnesses(String(record.id), (values.userIds ?? []).map(String))).data);
    notify(key('witnesses.done'), { type: 'success' });
    setOpen(false);
  }, ['userIds']);
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<GroupAddIcon />} onClick={() => setOpen(true)} sx={{ minHeight: 32 }}>
        {translate(key(record.witnessIds.length ? 'witnesses.change' : 'witnesses.action'))}
      </Button>
      <FormDialog id="witnesses" open={open} onClose={() => setOpen(false)} title={translate(key('witnesses.title'))} submitLabel={key('witnesses.confirm')} submitting={submitting} onSubmit={submit} defaultValues={{ userIds: record.witnessIds }} noValidate>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate(key('witnesses.hint'), { count })}
        </Typography>
        <AutocompleteArrayInput
          source="userIds"
          label={key('fields.witnesses')}
          choices={choices.filter((c) => c.id !== record.requesterId)}
          optionText="label"
          isPending={isPending}
          validate={validateWitnesses}
        />
      </FormDialog>
    </>
  );
};

/**
 * 申诉 (the employee, within the window): the grounds (required) and files, uploaded as a
 * decision's are; the last day is said first. The issuer's superior answers in 待我审批.
 */
export const AppealButton = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useActionDataProvider();
  const notify = useNotify();
  const show = useShowAction();
  const [open, setOpen] = useState(false);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [filesError, setFilesError] = useState<string | undefined>();
  const { submit, submitting } = useFormVerb(async (values: { reason?: string }) => {
    if (stillUploading(uploads)) {
      notify('resources.attachments.wait', { type: 'warning' });
      return;
    }
    setFilesError(undefined);
    try {
      show((await dataProvider.appealDisciplinaryAction(String(record.id), { reason: (values.reason ?? '').trim(), attachments: readyIds(uploads) })).data);
    } catch (error) {
      setFilesError(fieldError(error, 'attachments'));
      throw error;
    }
    notify(key('appeal.done'), { type: 'success' });
    setUploads([]);
    setOpen(false);
  }, ['reason']);
  return (
    <>
      <Button size="small" variant="contained" startIcon={<GavelIcon />} onClick={() => setOpen(true)} sx={{ minHeight: 32 }}>
        {translate(key('appeal.action'))}
      </Button>
      <FormDialog id="appeal" open={open} onClose={() => setOpen(false)} title={translate(key('appeal.title'))} submitLabel={key('appeal.confirm')} submitting={submitting} onSubmit={submit} defaultValues={{ reason: '' }} noValidate>
        {record.appealLastDay && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="appeal-deadline">
            {translate(key('appeal.deadline'), { day: formatDay(record.appealLastDay, locale) })}
          </Alert>
        )}
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate(key('appeal.hint'), { days: record.terms.appealAnswerDays })}
        </Typography>
        <TextInput source="reason" label={key('fields.appealReason')} multiline minRows={4} validate={validateAppeal} fullWidth />
        <AttachmentsInput items={uploads} onChange={setUploads} error={filesError} disabled={submitting} testId="appeal-attachments" />
      </FormDialog>
    </>
  );
};
