import SendIcon from '@mui/icons-material/Send';
import { Alert, AlertTitle, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { DateInput, Form, TextInput, maxLength, required, useDataProvider, useLocaleState, useNotify, useRedirect, useTranslate, type HttpError } from 'react-admin';
import { useFormState, useWatch } from 'react-hook-form';
import { splitFormErrors } from '../components/formErrors';
import { ChainPreview } from '../requests/ChainPreview';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { companyToday, formatDay, isShortenedNotice, noticeTerms, type NoticeRule, type NoticeTerms } from './notice';
import { RESIGNATION_REASON_MAX, type Resignation, type ResignationInput } from './types';

const INPUTS = ['lastDay', 'reason'];
const validateDay = required();
const validateReason = [required(), maxLength(RESIGNATION_REASON_MAX)];
const label = (field: string) => `resources.resignations.fields.${field}`;

/**
 * The resignation form (申请离职; HR's 代为提交 uses it with another `employeeId`): the last day
 * and the reason, with the notice the offboarding policy asks of this employee — their probation
 * decides which — and the earliest last day, worked out here before the API has its say, and a
 * warning when the day chosen is earlier (提前离职: the approvers accept it by approving). The
 * API's field errors show under their inputs; any other refusal (another resignation still
 * open: RESIGNATION.ALREADY_OPEN) in its own words above the button. Handed in, its page opens.
 */
export const ResignationForm = ({ employeeId, onProbation }: { employeeId: string; onProbation: boolean }) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const policy = useConsoleQuery('policy:offboarding', (dp) => dp.getPolicy('offboarding'));
  const [refusal, setRefusal] = useState<string | null>(null);
  if (policy.isPending) return <CircularProgress size={24} />;
  const today = companyToday();
  const terms = noticeTerms((policy.data?.values as { notice?: Partial<NoticeRule> } | undefined)?.notice, today, onProbation);

  async function submit(values: Partial<ResignationInput>) {
    setRefusal(null);
    try {
      const { data } = await dataProvider.create<Resignation>('resignations', { data: { employeeId, lastDay: values.lastDay, reason: values.reason } });
      notify('resources.resignations.create.done', { type: 'success' });
      redirect('show', 'resignations', data.id);
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      const { inputs } = splitFormErrors((e.body as { errors?: unknown } | null)?.errors, (path) => INPUTS.includes(path));
      // An error about an input is said under it; anything else (the employee, another open resignation) on the form.
      if (!inputs) setRefusal(e.message);
      return inputs;
    }
  }

  return (
    <Form onSubmit={submit} defaultValues={{ lastDay: terms?.earliestLastDay ?? '', reason: '' }} noValidate>
      <Box sx={{ display: 'grid', gap: 1, maxWidth: 640 }}>
        <NoticeBox terms={terms} today={today} />
        <DateInput source="lastDay" label={label('lastDay')} validate={validateDay} helperText="resources.resignations.create.last_day_hint" slotProps={{ htmlInput: { min: today } }} />
        <ShortenedWarning earliestLastDay={terms?.earliestLastDay} />
        <TextInput source="reason" label={label('reason')} multiline minRows={3} validate={validateReason} helperText={<ReasonCounter />} />
        <Box sx={{ mb: 1 }}>
          <ChainPreview kind="resignation" subjectEmployeeId={employeeId} />
        </Box>
        {refusal && (
          <Alert severity="error" data-testid="resignation-refusal">
            {refusal}
          </Alert>
        )}
        <SubmitButton />
      </Box>
    </Form>
  );
};

/** 通知期: how far ahead this employee hands it in, and the earliest last day that allows. */
const NoticeBox = ({ terms, today }: { terms: NoticeTerms | undefined; today: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.resignations.notice.${key}`, options);
  if (!terms) return <Alert severity="info">{t('unknown')}</Alert>;
  const amount = terms.onProbation
    ? t('probation', { smart_count: terms.ahead })
    : t('regular', { smart_count: terms.ahead, days: terms.noticeDays });
  return (
    <Alert severity="info" data-testid="resignation-notice">
      <AlertTitle>{t('title')}</AlertTitle>
      <Typography variant="body2">{amount}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="resignation-earliest" data-day={terms.earliestLastDay}>
        {t('earliest', { day: formatDay(terms.earliestLastDay, locale) })}
      </Typography>
      <Typography variant="caption" component="p">
        {t('from', { today: formatDay(today, locale) })}
      </Typography>
    </Alert>
  );
};

/** 提前离职，需审批人同意: shown while the day chosen is before the earliest the notice allows. */
const ShortenedWarning = ({ earliestLastDay }: { earliestLastDay: string | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lastDay = useWatch({ name: 'lastDay' }) as unknown;
  if (!earliestLastDay || !isShortenedNotice(lastDay, earliestLastDay)) return null;
  return (
    <Alert severity="warning" data-testid="resignation-shortened" sx={{ mb: 1 }}>
      <AlertTitle>{translate('resources.resignations.notice.shortened_title')}</AlertTitle>
      {translate('resources.resignations.notice.shortened', { day: formatDay(earliestLastDay, locale) })}
    </Alert>
  );
};

/** “12 / 2000 字” under the reason, in red when over. */
const ReasonCounter = () => {
  const translate = useTranslate();
  const count = ((useWatch({ name: 'reason' }) as string | undefined) ?? '').length;
  return (
    <Typography component="span" variant="caption" color={count > RESIGNATION_REASON_MAX ? 'error' : 'text.secondary'}>
      {translate('resources.resignations.create.text_counter', { count, max: RESIGNATION_REASON_MAX })}
    </Typography>
  );
};

const SubmitButton = () => {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <Button type="submit" variant="contained" disabled={isSubmitting} startIcon={isSubmitting ? <CircularProgress size={18} color="inherit" /> : <SendIcon />} sx={{ minHeight: 44, alignSelf: { xs: 'stretch', sm: 'flex-start' } }}>
      {translate('resources.resignations.create.submit')}
    </Button>
  );
};
