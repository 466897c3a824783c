import AddIcon from '@mui/icons-material/Add';
import { Dialog, DialogContent, DialogTitle, useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRedirect, useTranslate } from 'react-admin';
import { OfferMakeForm } from './OfferMakeForm';

/**
 * 发录用通知 from the offers list: the same form as on a candidate's page, with an opening and
 * one of its candidates the GM approved to choose. Made, the new offer's page opens.
 */
export const OfferCreateButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const redirect = useRedirect();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <>
      <Button label="resources.offers.create.action" onClick={() => setOpen(true)} data-testid="offer-create">
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullScreen={fullScreen} fullWidth maxWidth="md" aria-labelledby="offer-create-title">
        <DialogTitle id="offer-create-title">{translate('resources.offers.create.title')}</DialogTitle>
        <DialogContent>
          {open && (
            <OfferMakeForm
              onCancel={() => setOpen(false)}
              onMade={(offer) => {
                setOpen(false);
                notify(offer.status === 'pending_approval' ? 'resources.offers.create.done_pending' : 'resources.offers.create.done', { type: 'success' });
                redirect('show', 'offers', offer.id);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
};
