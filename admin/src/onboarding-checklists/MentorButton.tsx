import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import { Button } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, ReferenceInput, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { OnboardingChecklist } from './types';

const INPUTS = ['mentorEmployeeId'];

/**
 * 更换导师 (000 第二节 四: a senior colleague guides the new hire): HR or a manager over the new
 * hire names another mentor, or none; the mentor's items still to do move with it (the API's
 * PUT …/mentor). The API's 422 (the new hire themselves, someone who left) shows under the field.
 */
export const MentorButton = ({ checklist, onSaved }: { checklist: OnboardingChecklist; onSaved: (c: OnboardingChecklist) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: Record<string, unknown>) => {
    const chosen = typeof values.mentorEmployeeId === 'string' && values.mentorEmployeeId !== '' ? values.mentorEmployeeId : null;
    const { data } = await dataProvider.setOnboardingMentor(checklist.id, chosen);
    onSaved(data);
    notify('resources.onboarding-checklists.mentor.saved', { type: 'success' });
    setOpen(false);
  }, INPUTS);
  if (!checklist.canSetMentor) return null;
  return (
    <>
      <Button size="small" startIcon={<SupervisorAccountIcon />} onClick={() => setOpen(true)} data-testid="onboarding-mentor">
        {translate('resources.onboarding-checklists.mentor.action')}
      </Button>
      <FormDialog
        id="onboarding-mentor"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.onboarding-checklists.mentor.title', { name: checklist.employeeName })}
        submitLabel="resources.onboarding-checklists.mentor.submit"
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ mentorEmployeeId: checklist.mentorEmployeeId ?? '' }}
      >
        <ReferenceInput source="mentorEmployeeId" reference="employees">
          <AutocompleteInput label="resources.onboarding-checklists.mentor.field" helperText="resources.onboarding-checklists.mentor.hint" />
        </ReferenceInput>
      </FormDialog>
    </>
  );
};
