import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { RadioButtonGroupInput, TextInput, maxLength, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Offer } from './types';

const answerChoices = [
  { id: 'accept', name: 'resources.offers.choices.answer.accept' },
  { id: 'decline', name: 'resources.offers.choices.answer.decline' },
];
const validateAnswer = required();
const validateReason = maxLength(500);

/** 记录候选人答复: HR records the answer a candidate gave by phone, while the letter waits for one. */
export const OfferRespondButton = ({ offer }: { offer: Offer }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { answer: 'accept' | 'decline'; reason?: string }) => {
    const reason = values.answer === 'decline' ? values.reason?.trim() : undefined;
    await dataProvider.respondToOffer(offer.id, { answer: values.answer, ...(reason ? { reason } : {}) });
    notify('resources.offers.respond.done', { type: 'success' });
    setOpen(false);
    refresh();
  }, ['answer', 'reason']);
  return (
    <>
      <Button variant="outlined" startIcon={<PhoneCallbackIcon />} onClick={() => setOpen(true)} data-testid="offer-respond">
        {translate('resources.offers.respond.action')}
      </Button>
      <FormDialog
        id="offer-respond"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.offers.respond.title')}
        submitLabel="resources.offers.respond.submit"
        submitting={submitting}
        onSubmit={submit}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('resources.offers.respond.intro')}
        </Typography>
        <RadioButtonGroupInput source="answer" label="resources.offers.respond.answer" choices={answerChoices} validate={validateAnswer} row={false} />
        <DeclineReason />
      </FormDialog>
    </>
  );
};

const DeclineReason = () => {
  const answer = useWatch({ name: 'answer' }) as string | undefined;
  if (answer !== 'decline') return null;
  return <TextInput source="reason" label="resources.offers.respond.reason" multiline minRows={2} validate={validateReason} />;
};
