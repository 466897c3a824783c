import { Typography } from '@mui/material';
import { ArrayInput, BooleanInput, FormDataConsumer, NumberInput, SelectInput, SimpleFormIterator, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import { GapNote, GroupErrors, usePolicyForm } from '../components/PolicyFormContext';

const BAND_OUTCOMES = ['convert_early', 'convert', 'extend', 'end'];
const bandChoices = BAND_OUTCOMES.map((id) => ({ id, name: `resources.probation-reviews.choices.band.${id}` }));

/**
 * The score table (§3): rows highest first, each from its lowest score to the next row's.
 * A row the source documents leave open carries its own gap flag, so the mark follows the row
 * when rows are added or moved.
 */
export const PolicyBandsInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  return (
    <Section title={translate('resources.probation-policy.sections.bands')}>
      <Typography variant="body2" color="text.secondary">
        {translate('resources.probation-policy.bands_hint')}
      </Typography>
      <ArrayInput source="values.bands" label={false}>
        <SimpleFormIterator inline disabled={readOnly} disableClear>
          <FormDataConsumer<{ gap?: boolean }>>
            {({ scopedFormData }) => (
              <NumberInput
                source="min"
                label="resources.probation-policy.fields.bands.min"
                step={0.1}
                readOnly={readOnly}
                helperText={scopedFormData?.gap ? <GapNote /> : undefined}
                sx={{ width: 140 }}
              />
            )}
          </FormDataConsumer>
          <SelectInput source="outcome" label="resources.probation-policy.fields.bands.outcome" choices={bandChoices} readOnly={readOnly} sx={{ minWidth: 180 }} />
          <BooleanInput source="gap" label="resources.probation-policy.fields.bands.gap" readOnly={readOnly} sx={{ whiteSpace: 'nowrap', pt: 1 }} />
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.bands" />
    </Section>
  );
};
