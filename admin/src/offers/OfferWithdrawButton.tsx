import UndoIcon from '@mui/icons-material/Undo';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, maxLength, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Offer } from './types';

const validateReason = [required(), maxLength(500)];

/** 撤回: HR takes the offer back, with a reason (its head is free again; the candidate is told). */
export const OfferWithdrawButton = ({ offer }: { offer: Offer }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { reason: string }) => {
    await dataProvider.withdrawOffer(offer.id, values.reason.trim());
    notify('resources.offers.withdraw.done', { type: 'success' });
    setOpen(false);
    refresh();
  }, ['reason']);
  return (
    <>
      <Button variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={() => setOpen(true)} data-testid="offer-withdraw">
        {translate('resources.offers.withdraw.action')}
      </Button>
      <FormDialog
        id="offer-withdraw"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.offers.withdraw.title')}
        submitLabel="resources.offers.withdraw.submit"
        submitting={submitting}
        onSubmit={submit}
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('resources.offers.withdraw.intro')}
        </Typography>
        <TextInput source="reason" label="resources.offers.withdraw.reason" multiline minRows={2} validate={validateReason} />
      </FormDialog>
    </>
  );
};
