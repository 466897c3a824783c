import { Alert, Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useGetOne, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { OfferMakeForm } from './OfferMakeForm';
import { OfferStatusChip } from './OfferStatusChip';
import type { Offer } from './types';

/**
 * The offer on a candidate's page (POLICIES.md §2 step 5): once the GM approved the hire
 * (stage `offer`) and no offer was made, HR's 发录用通知 form; once there is one, its status and
 * a link to its page. Nothing for a candidate before the GM's decision. Only HR makes offers
 * (the API's recruitment:manage); others see the offer's status if they may read it.
 */
export const CandidateOfferPanel = ({ candidate }: { candidate: { id: string; stage: string; offerId?: string | null; name: string } }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string[]>();
  // The offer just made here, before the candidate's record is read again.
  const [made, setMade] = useState<Offer | null>(null);
  const offerId = candidate.offerId ?? made?.id ?? null;
  const mayOffer = !!permissions?.some((role) => role === 'hr' || role === 'admin');
  if (!offerId && candidate.stage !== 'offer') return null;
  return (
    <Box component="section" aria-labelledby={`candidate-offer-${candidate.id}-title`} data-testid="candidate-offer-panel">
      <Typography variant="subtitle1" component="h2" id={`candidate-offer-${candidate.id}-title`} sx={{ fontWeight: 600, mb: 1 }}>
        {translate('resources.offers.panel.title')}
      </Typography>
      {offerId ? (
        <OfferStatusLine id={offerId} />
      ) : mayOffer ? (
        <Stack spacing={1}>
          <Alert severity="info">{translate('resources.offers.panel.waiting')}</Alert>
          <OfferMakeForm
            candidateId={candidate.id}
            onMade={(offer) => {
              setMade(offer);
              notify(offer.status === 'pending_approval' ? 'resources.offers.create.done_pending' : 'resources.offers.create.done', { type: 'success' });
              refresh();
            }}
          />
        </Stack>
      ) : (
        <Typography variant="body2">{translate('resources.offers.panel.waiting')}</Typography>
      )}
    </Box>
  );
};

const OfferStatusLine = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data: offer, error } = useGetOne<Offer>('offers', { id });
  if (error) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      {offer && <OfferStatusChip status={offer.status} testId="candidate-offer-status" />}
      <Link to={`/offers/${encodeURIComponent(id)}/show`}>
        {translate('resources.offers.panel.open')}
      </Link>
    </Stack>
  );
};

export default CandidateOfferPanel;
