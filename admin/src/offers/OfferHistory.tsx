import { Box, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { offerChoiceKey } from './offerForm';
import type { Offer } from './types';

interface Event {
  key: string;
  at: string | null;
  text: string;
  detail?: string | null;
  employeeId?: string;
}

/**
 * What happened to an offer, oldest first: made, sent (or waiting for the GM), the candidate's
 * answer (from the letter's link or recorded by HR), the report, the withdrawal, the lapse.
 */
export function offerEvents(offer: Offer, translate: (key: string, options?: Record<string, unknown>) => string): Event[] {
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.offers.history.${key}`, options);
  const events: Event[] = [{ key: 'created', at: offer.createdAt, text: t('created', { name: offer.requesterName ?? '—' }) }];
  if (offer.sentAt) events.push({ key: 'sent', at: offer.sentAt, text: t('sent') });
  else if (offer.status === 'pending_approval') events.push({ key: 'waiting_gm', at: null, text: t('waiting_gm') });
  if (offer.status === 'rejected') events.push({ key: 'rejected', at: offer.updatedAt, text: t('rejected') });
  if (offer.response) {
    const answer = t(offer.response.answer === 'accept' ? 'accepted' : 'declined');
    events.push({
      key: 'response', at: offer.response.at,
      text: offer.response.byName ? t('by_hr', { answer, name: offer.response.byName }) : t('by_candidate', { answer }),
      detail: offer.response.reason ? t('reason', { reason: offer.response.reason }) : null,
    });
  }
  if (offer.report) {
    const documents = offer.report.documentsSeen.map((d) => translate(offerChoiceKey('documents', d))).join('、');
    events.push({ key: 'report', at: offer.report.at, text: t('reported', { date: offer.report.on, name: offer.report.byName }), detail: t('documents', { documents }), employeeId: offer.report.employeeId });
  }
  if (offer.withdrawal) {
    events.push({ key: 'withdrawal', at: offer.withdrawal.at, text: t('withdrawn', { name: offer.withdrawal.byName }), detail: offer.withdrawal.reason ? t('reason', { reason: offer.withdrawal.reason }) : null });
  } else if (offer.status === 'withdrawn') {
    // A record without `withdrawal` (who and why) is still withdrawn: its status says so.
    events.push({ key: 'withdrawal', at: offer.updatedAt, text: t('withdrawn_unknown') });
  }
  if (offer.status === 'lapsed') events.push({ key: 'lapsed', at: offer.lapseAt, text: t('lapsed') });
  return events;
}

export const OfferHistory = ({ offer }: { offer: Offer }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Box component="ol" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1.5 }} data-testid="offer-history">
      {offerEvents(offer, translate).map((e) => (
        <li key={e.key} data-event={e.key}>
          <Typography variant="body2">{e.text}</Typography>
          {e.detail && (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.detail}
            </Typography>
          )}
          {e.employeeId && (
            <Typography variant="body2">
              <Link to={`/employees/${encodeURIComponent(e.employeeId)}/show`}>{translate('resources.offers.employee_link')}</Link>
            </Typography>
          )}
          {e.at && (
            <Typography variant="caption" color="text.secondary" component="time" dateTime={e.at}>
              {when.format(new Date(e.at))}
            </Typography>
          )}
        </li>
      ))}
    </Box>
  );
};
