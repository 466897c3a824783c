import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { choiceKey } from '../employees/employeeChoices';
import { Section } from '../components/Section';
import { OfferHistory } from './OfferHistory';
import { OfferReportButton } from './OfferReportButton';
import { OfferRespondButton } from './OfferRespondButton';
import { OfferStatusChip } from './OfferStatusChip';
import { OfferWithdrawButton } from './OfferWithdrawButton';
import { offerActions } from './offerForm';
import type { Offer } from './types';

const useOfferTitle = () => {
  const translate = useTranslate();
  return (offer: Offer) => translate('resources.offers.title', { name: offer.candidateName, post: translate(choiceKey('post', offer.post)), team: offer.teamName });
};

/** 录用通知：白候选（专员，客户服务中心）, in the app bar (the page's h1). */
const OfferTitle = () => {
  const record = useRecordContext<Offer>();
  const title = useOfferTitle();
  return record ? <>{title(record)}</> : null;
};

/** One offer: the letter's terms, its status and history, and what HR may do now. */
const OfferShow = () => (
  <Show actions={false} title={<OfferTitle />}>
    <OfferLayout />
  </Show>
);

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  </>
);

const OfferLayout = () => {
  const offer = useRecordContext<Offer>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = useOfferTitle();
  if (!offer) return null;
  const f = (field: string) => translate(`resources.offers.fields.${field}`);
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.offers.${key}`, options);
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const actions = offerActions(offer.status);
  const any = actions.respond || actions.withdraw || actions.report;
  return (
    <Box sx={{ p: { xs: 1.5, sm: 2 }, display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' } }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            {title(offer)}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center' }}>
            <OfferStatusChip status={offer.status} testId="offer-status" />
          </Stack>
        </Box>
        {offer.status === 'pending_approval' && <Alert severity="warning">{t('pending_gm')}</Alert>}
        {offer.report && (
          <Alert severity="success" data-testid="offer-employee">
            <Link to={`/employees/${encodeURIComponent(offer.report.employeeId)}/show`}>{t('employee_link')}</Link>
          </Alert>
        )}
        <Section title={t('sections.actions')} id="offer-actions">
          {any ? (
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              {actions.report && <OfferReportButton offer={offer} />}
              {actions.respond && <OfferRespondButton offer={offer} />}
              {actions.withdraw && <OfferWithdrawButton offer={offer} />}
            </Stack>
          ) : (
            <Typography variant="body2">{t('no_actions')}</Typography>
          )}
        </Section>
        <Section title={t('sections.terms')} id="offer-terms">
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
            <Term label={f('candidateName')}>{offer.candidateName}</Term>
            <Term label={f('post')}>{translate(choiceKey('post', offer.post))}</Term>
            <Term label={f('teamName')}>{offer.teamName}</Term>
            <Term label={f('level')}>{translate(choiceKey('level', offer.level))}</Term>
            <Term label={f('baseSalary')}>
              {money.format(offer.baseSalary)}
              {offer.outsideLadder && ` · ${t('outside_ladder')}`}
            </Term>
            <Term label={f('salaryRange')}>
              {money.format(offer.salaryMin)} – {money.format(offer.salaryMax)}
            </Term>
            <Term label={f('probationMonths')}>{offer.probationMonths}</Term>
            <Term label={f('startDate')}>{offer.startDate}</Term>
            <Term label={f('reportBy')}>{offer.reportBy}</Term>
            <Term label={f('requesterName')}>{offer.requesterName ?? '—'}</Term>
            <Term label={f('id')}>{offer.id}</Term>
          </Box>
        </Section>
      </Stack>
      <Section title={t('sections.history')} id="offer-history">
        <OfferHistory offer={offer} />
      </Section>
    </Box>
  );
};

export default OfferShow;
