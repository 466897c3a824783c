import { Box, Button, Typography } from '@mui/material';
import { Form, RadioButtonGroupInput, SelectInput, TextInput, maxLength, required, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { useFormVerb } from '../components/useFormVerb';
import type { OffboardingPolicyValues } from '../offboarding-policy/offboardingPolicyForm';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { ExitForm, Offboarding } from './types';
import { Term } from './Term';
import { useShowOffboarding } from './useOffboardingVerb';

const key = (path: string) => `resources.offboardings.${path}`;
const INPUTS = ['reasonCategory', 'interviewNotes', 'rehireEligible'];
const validateRequired = required();
const validateNotes = maxLength(4000);
const rehireChoices = [
  { id: 'yes', name: key('exit_form.rehire_yes') },
  { id: 'no', name: key('exit_form.rehire_no') },
];

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

/**
 * 员工离职表 (001 六(一)), HR's only (the API shows it to no one else): the reason category from
 * the offboarding policy's exitReasons, the exit interview's notes and whether the company would
 * hire them again. Saved as a whole (PUT …/exit-form); read-only once the record is closed.
 */
export const OffboardingExitForm = ({ record, form }: { record: Offboarding; form: ExitForm }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dateTime = useDateTime();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const policy = useConsoleQuery('policy:offboarding', (dp) => dp.getPolicy('offboarding'), { enabled: record.can.exitForm });
  const reasons = (policy.data?.values as OffboardingPolicyValues | undefined)?.exitReasons ?? [];
  const choices = reasons.map((r) => ({ id: r.key, name: locale === 'en' ? r.labelEn : r.labelZh }));
  // A category the policy has since dropped still shows as it was saved.
  if (form.reasonCategory && !choices.some((c) => c.id === form.reasonCategory)) choices.push({ id: form.reasonCategory, name: form.reasonLabel ?? form.reasonCategory });
  const { submit, submitting } = useFormVerb(async (values: { reasonCategory?: string; interviewNotes?: string | null; rehireEligible?: string }) => {
    const notes = values.interviewNotes?.trim();
    const saved = await dataProvider.saveExitForm(String(record.id), { reasonCategory: String(values.reasonCategory), interviewNotes: notes ? notes : null, rehireEligible: values.rehireEligible === 'yes' });
    show(saved.data);
    notify(key('exit_form.saved'), { type: 'success' });
  }, INPUTS);

  const updated = form.updatedAt ? translate(key('exit_form.updated'), { name: form.updatedByName ?? '—', time: dateTime(form.updatedAt) }) : translate(key('exit_form.empty'));
  if (!record.can.exitForm) {
    return (
      <Box data-testid="offboarding-exit-form">
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
          <Term label={translate(key('fields.reasonCategory'))}>{form.reasonLabel ?? '—'}</Term>
          <Term label={translate(key('fields.interviewNotes'))}>{form.interviewNotes ?? '—'}</Term>
          <Term label={translate(key('fields.rehireEligible'))}>{form.rehireEligible === null ? '—' : translate(key(`exit_form.rehire_${yesNo(form.rehireEligible)}`))}</Term>
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {updated}
        </Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="offboarding-exit-form">
      <Form
        onSubmit={submit}
        record={{ id: record.id, reasonCategory: form.reasonCategory ?? '', interviewNotes: form.interviewNotes ?? '', rehireEligible: yesNo(form.rehireEligible) }}
      >
        <SelectInput source="reasonCategory" label={key('fields.reasonCategory')} choices={choices} validate={validateRequired} isPending={policy.isPending} fullWidth />
        <TextInput source="interviewNotes" label={key('fields.interviewNotes')} validate={validateNotes} multiline minRows={3} fullWidth />
        <RadioButtonGroupInput source="rehireEligible" label={key('fields.rehireEligible')} choices={rehireChoices} validate={validateRequired} row />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mt: 1 }}>
          <Button type="submit" variant="contained" disabled={submitting}>
            {translate(key('exit_form.save'))}
          </Button>
          <Typography variant="caption" color="text.secondary">
            {updated}
          </Typography>
        </Box>
      </Form>
    </Box>
  );
};
