import { Box, Typography } from '@mui/material';
import { BooleanInput, FormDataConsumer, NumberInput, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import { GroupErrors, useGapHelper, usePolicyForm } from '../components/PolicyFormContext';
import type { ProbationPolicyValues } from './types';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2 } as const;
const WEIGHTS = ['dailyPerformance', 'professionalTest', 'interview'] as const;

/** Lengths, dates, weights, attendance limits and the approval timings of the policy. */
export const PolicyGeneralInputs = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  const label = (path: string) => `resources.probation-policy.fields.${path}`;
  const number = (path: string, extra: { step?: number } = {}) => (
    <NumberInput key={path} source={`values.${path}`} label={label(path)} readOnly={readOnly} helperText={gap(path)} step={extra.step ?? 1} />
  );
  return (
    <>
      <Section title={translate('resources.probation-policy.sections.months')}>
        <Box sx={grid}>
          {number('defaultMonths')}
          {number('minMonths')}
          {number('maxMonths')}
          {number('earlyConversionMinMonths')}
          {number('extensionMonths')}
          {number('applicationCutoffDay')}
          {number('reviewLeadDays')}
        </Box>
      </Section>
      <Section title={translate('resources.probation-policy.sections.weights')}>
        <Box sx={grid}>{WEIGHTS.map((w) => number(`weights.${w}`))}</Box>
        <FormDataConsumer<{ values?: Partial<ProbationPolicyValues> }>>
          {({ formData }) => {
            const sum = WEIGHTS.reduce((total, w) => total + (Number(formData.values?.weights?.[w]) || 0), 0);
            return (
              <Typography variant="body2" color={sum === 100 ? 'text.secondary' : 'error'} data-testid="weights-sum">
                {translate('resources.probation-policy.weights_sum', { sum })}
              </Typography>
            );
          }}
        </FormDataConsumer>
        <GroupErrors group="values.weights" />
      </Section>
      <Section title={translate('resources.probation-policy.sections.attendance')}>
        <Box sx={grid}>
          {number('attendance.maxPersonalLeave')}
          {number('attendance.maxLate')}
        </Box>
        <Box sx={grid}>
          <BooleanInput source="values.attendance.allowEarlyLeave" label={label('attendance.allowEarlyLeave')} readOnly={readOnly} helperText={gap('attendance.allowEarlyLeave', false)} />
          <BooleanInput
            source="values.attendance.allowDisciplinaryRecord"
            label={label('attendance.allowDisciplinaryRecord')}
            readOnly={readOnly}
            helperText={gap('attendance.allowDisciplinaryRecord', false)}
          />
        </Box>
        <GroupErrors group="values.attendance" />
      </Section>
      <Section title={translate('resources.probation-policy.sections.timing')}>
        <Box sx={grid}>
          {number('stepDueHours')}
          {number('linkExpiryDays')}
        </Box>
      </Section>
    </>
  );
};
