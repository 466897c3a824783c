import EventIcon from '@mui/icons-material/Event';
import { useState } from 'react';
import { AutocompleteArrayInput, Button, SelectInput, TextInput, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { localDateTimeToIso, nextRound } from './candidateStages';
import type { Candidate } from './types';
import { useInterviewerChoices } from './useInterviewerChoices';
import { useRecruitmentChoices } from './useRecruitmentChoices';

// Validators are made once: react-admin re-registers an input whose validate changes on each render.
const validateRequired = required();
const INPUTS = ['round', 'at', 'place', 'interviewerIds'] as const;

interface ScheduleValues {
  round: number;
  at: string;
  place: string;
  interviewerIds: string[];
}

/**
 * 安排面试 (HR): a round, its time, its place (a room or an online link) and its interviewers.
 * Round 1 starts the candidate's hiring process; a later round is taken when the process waits
 * for it (HR's 安排 step). The interviewers are asked in 待我审批 and by mail.
 */
export const ScheduleInterviewButton = ({ candidate }: { candidate: Candidate }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { choices, isPending } = useInterviewerChoices(open);
  const t = (k: string) => `resources.candidates.schedule.${k}`;
  const policy = useRecruitmentChoices();
  // The process's own rounds once it runs (its policy snapshot), else the policy's now.
  const rounds = candidate.hiring?.rounds ?? policy.rounds;
  const roundChoices = rounds.map((r) => ({ id: r.round, name: translate(t('round_option'), { round: r.round, label: r.label }) }));

  const { submit, submitting } = useFormVerb<ScheduleValues>(async (values) => {
    await dataProvider.scheduleInterview({
      candidateId: candidate.id, round: Number(values.round), at: localDateTimeToIso(values.at), place: values.place.trim(), interviewerIds: values.interviewerIds,
    });
    notify(t('done'), { type: 'success', messageArgs: { round: values.round } });
    setOpen(false);
    refresh();
  }, INPUTS);

  return (
    <>
      <Button label={t('action')} onClick={() => setOpen(true)} variant="contained" data-testid="schedule-interview">
        <EventIcon />
      </Button>
      <FormDialog
        id="schedule-interview"
        open={open}
        onClose={() => setOpen(false)}
        title={translate(t('title'), { name: candidate.name })}
        submitLabel={t('submit')}
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ round: nextRound(candidate.hiring), interviewerIds: [] }}
      >
        <SelectInput source="round" label={t('round')} choices={roundChoices} validate={validateRequired} fullWidth />
        <TextInput source="at" label={t('at')} type="datetime-local" validate={validateRequired} fullWidth slotProps={{ inputLabel: { shrink: true } }} />
        <TextInput source="place" label={t('place')} validate={validateRequired} fullWidth />
        <AutocompleteArrayInput source="interviewerIds" label={t('interviewers')} choices={choices} optionText="label" isPending={isPending} validate={validateRequired} fullWidth />
      </FormDialog>
    </>
  );
};
