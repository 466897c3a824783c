import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, RecordContextProvider, SelectInput, TextInput, email as emailFormat, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { AttachmentsInput } from '../attachments/AttachmentsInput';
import { readyIds, stillUploading, type UploadItem } from '../attachments/uploads';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { candidateBody } from './candidateStages';
import type { Candidate } from './types';
import { useRecruitmentChoices } from './useRecruitmentChoices';

// Validators are made once: react-admin re-registers an input whose validate changes on each render.
const validateRequired = required();
const validateEmail = emailFormat();
const INPUTS = ['name', 'phone', 'email', 'source', 'notes'] as const;

/**
 * 添加候选人 (HR): name, mobile and/or email, source from the recruitment policy, notes, and a CV
 * uploaded through the attachments flow. The server's refusals go under their fields; the new
 * candidate (flagged when they repeat an earlier one) goes to `onAdded`.
 */
export const CandidateAddButton = ({ openingId, onAdded }: { openingId: string; onAdded: (candidate: Candidate) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<UploadItem[]>([]);
  const { sources, isPending } = useRecruitmentChoices();
  const t = (k: string) => `resources.candidates.${k}`;

  const { submit, submitting } = useFormVerb<Record<string, string>>(async (values) => {
    if (stillUploading(files)) throw new Error(translate(t('add.uploading')));
    const { data } = await dataProvider.create<Candidate>('candidates', { data: candidateBody(openingId, values, readyIds(files)[0]) });
    notify(t('add.done'), { type: 'success', messageArgs: { name: data.name } });
    setOpen(false);
    setFiles([]);
    onAdded(data);
    refresh();
  }, INPUTS);

  return (
    <>
      <Button label={t('add.action')} onClick={() => setOpen(true)} variant="contained" data-testid="candidate-add">
        <PersonAddIcon />
      </Button>
      {/* A blank form: not filled from the page's record (the requisition). */}
      <RecordContextProvider value={undefined}>
        <FormDialog id="candidate-add" open={open} onClose={() => setOpen(false)} title={translate(t('add.title'))} submitLabel={t('add.submit')} submitting={submitting} onSubmit={submit}>
          <TextInput source="name" label={t('fields.name')} validate={validateRequired} fullWidth />
          <Typography variant="body2" color="text.secondary" id="candidate-contact-hint">
            {translate(t('add.contact_hint'))}
          </Typography>
          <TextInput source="phone" label={t('fields.phone')} type="tel" fullWidth slotProps={{ htmlInput: { 'aria-describedby': 'candidate-contact-hint' } }} />
          <TextInput source="email" label={t('fields.email')} type="email" validate={validateEmail} fullWidth slotProps={{ htmlInput: { 'aria-describedby': 'candidate-contact-hint' } }} />
          <SelectInput source="source" label={t('fields.source')} choices={sources} isPending={isPending} validate={validateRequired} fullWidth />
          <TextInput source="notes" label={t('fields.notes')} multiline minRows={2} fullWidth />
          <Box>
            <Typography variant="body2" color="text.secondary">
              {translate(t('add.cv'))}
            </Typography>
            <AttachmentsInput items={files} onChange={(change) => setFiles(change)} disabled={submitting} testId="candidate-cv" />
          </Box>
        </FormDialog>
      </RecordContextProvider>
    </>
  );
};
