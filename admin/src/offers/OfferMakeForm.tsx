import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { DateInput, Form, NumberInput, SelectInput, maxValue, minValue, number, required, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { choiceKey, levelChoices } from '../employees/employeeChoices';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { companyToday } from '../requisitions/requisitionForm';
import { useFormVerb } from '../components/useFormVerb';
import { ladderRangeOf, offerableCandidates, outsideLadder } from './offerForm';
import type { Offer, OfferInput } from './types';
import { useOfferPolicies, type OfferPolicies } from './useOfferPolicies';

const INPUTS = ['openingId', 'candidateId', 'startDate', 'level', 'baseSalary', 'probationMonths'] as const;
const validateRequired = required();
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2, width: '100%' } as const;

/**
 * 发录用通知 (POLICIES.md §2 step 5): start date, level, base salary — the level's range on the
 * ladder shown, and a warning that outside it the GM approves before the letter goes — and the
 * probation length (§3: the policy's default, within its bounds). With `candidateId` the offer
 * is for that candidate; without, HR picks an open opening and one of its candidates whose hire
 * the GM approved. The API checks everything; its field errors show under the inputs.
 */
export const OfferMakeForm = ({ candidateId, onMade, onCancel }: { candidateId?: string; onMade: (offer: Offer) => void; onCancel?: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const policies = useOfferPolicies();
  // The candidate's opening gives the level the requisition asked for.
  const candidate = useConsoleQuery(`offer-candidate:${candidateId ?? ''}`, (dp) => dp.getOfferCandidate(candidateId!), { enabled: !!candidateId });
  const openingId = candidate.data?.openingId;
  const opening = useConsoleQuery(`offer-opening:${openingId ?? ''}`, (dp) => dp.getOfferOpening(openingId!), { enabled: !!openingId });
  const { submit, submitting } = useFormVerb(async (values: Record<string, unknown>) => {
    const body: OfferInput = {
      candidateId: String(candidateId ?? values.candidateId ?? ''),
      startDate: String(values.startDate ?? ''),
      level: values.level as OfferInput['level'],
      baseSalary: Number(values.baseSalary),
      ...(values.probationMonths === null || values.probationMonths === undefined || values.probationMonths === '' ? {} : { probationMonths: Number(values.probationMonths) }),
    };
    const { data } = await dataProvider.create<Offer>('offers', { data: body });
    onMade(data);
  }, INPUTS);

  if (policies.error) return <Alert severity="error">{policies.error.message}</Alert>;
  const waitingForLevel = !!candidateId && !opening.data && !opening.error && !candidate.error;
  if (!policies.ready || waitingForLevel) return <CircularProgress size={24} aria-label={translate('ra.page.loading')} />;
  return (
    <Form onSubmit={submit} defaultValues={{ level: opening.data?.level ?? 'trainee', probationMonths: policies.probation.defaultMonths }}>
      <Stack spacing={1}>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.offers.create.intro')}
        </Typography>
        {!candidateId && <CandidateChooser />}
        <OfferTermInputs policies={policies} />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          {onCancel && (
            <Button onClick={onCancel} disabled={submitting}>
              {translate('ra.action.cancel')}
            </Button>
          )}
          <Button type="submit" variant="contained" disabled={submitting}>
            {translate('resources.offers.create.submit')}
          </Button>
        </Stack>
      </Stack>
    </Form>
  );
};

/** The open openings, then the chosen opening's candidates whose hire the GM approved and who have no offer yet. */
const CandidateChooser = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const openings = useConsoleQuery('offer-openings', (dp) => dp.offerOpenings());
  const openingId = useWatch({ name: 'openingId' }) as string | undefined;
  const candidates = useConsoleQuery(`offer-candidates:${openingId ?? ''}`, (dp) => dp.openingCandidates(openingId!), { enabled: !!openingId });
  const openingChoices = useMemo(
    () => (openings.data ?? []).map((o) => ({ id: o.id, name: translate('resources.offers.create.opening_label', { post: translate(choiceKey('post', o.post)), team: o.teamName, open: o.open }) })),
    [openings.data, translate],
  );
  const candidateChoices = useMemo(() => offerableCandidates(candidates.data ?? []).map((c) => ({ id: c.id, name: c.email ? `${c.name}（${c.email}）` : c.name })), [candidates.data]);
  // The opening's level is the one its requisition asked for: the form starts from it.
  const level = openings.data?.find((o) => o.id === openingId)?.level;
  useEffect(() => {
    if (level) setValue('level', level);
    setValue('candidateId', '');
  }, [openingId, level, setValue]);
  return (
    <Box sx={grid}>
      <SelectInput source="openingId" label="resources.offers.create.openingId" choices={openingChoices} isPending={openings.isPending} validate={validateRequired} />
      <SelectInput
        source="candidateId"
        label="resources.offers.create.candidateId"
        choices={candidateChoices}
        isPending={!!openingId && candidates.isPending}
        disabled={!openingId}
        validate={validateRequired}
        helperText={openingId && candidates.data && candidateChoices.length === 0 ? 'resources.offers.create.no_candidates' : false}
      />
    </Box>
  );
};

/** Start date, level, base salary with the ladder's range, and the probation length. */
const OfferTermInputs = ({ policies }: { policies: OfferPolicies }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [level, salary] = useWatch({ name: ['level', 'baseSalary'] }) as [unknown, unknown];
  const range = ladderRangeOf(level, policies.ladder, policies.salaryRangePercent);
  const outside = outsideLadder(salary, range);
  const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const { min, max, defaultMonths } = policies.probation;
  const validateMonths = useMemo(() => [required(), number(), minValue(min), maxValue(max)], [min, max]);
  return (
    <>
      <Box sx={grid}>
        <DateInput
          source="startDate"
          label="resources.offers.fields.startDate"
          validate={validateRequired}
          helperText={translate('resources.offers.create.start_hint', { days: policies.reportWithinDays })}
          slotProps={{ htmlInput: { min: companyToday() } }}
        />
        <SelectInput source="level" label="resources.offers.fields.level" choices={levelChoices} validate={validateRequired} />
        <NumberInput
          source="baseSalary"
          label="resources.offers.fields.baseSalary"
          step={1}
          min={1}
          validate={validateRequired}
          helperText={
            <span data-testid="offer-salary-range">
              {range ? translate('resources.offers.create.salary', { min: money.format(range.min), max: money.format(range.max) }) : translate('resources.offers.create.salary_unknown')}
            </span>
          }
        />
        <NumberInput
          source="probationMonths"
          label="resources.offers.fields.probationMonths"
          step={1}
          min={min}
          max={max}
          validate={validateMonths}
          helperText={translate('resources.offers.create.probation_hint', { default: defaultMonths, min, max })}
        />
      </Box>
      {outside && range && (
        <Alert severity="warning" data-testid="offer-outside-ladder">
          {translate('resources.offers.create.outside', { min: money.format(range.min), max: money.format(range.max) })}
        </Alert>
      )}
    </>
  );
};
