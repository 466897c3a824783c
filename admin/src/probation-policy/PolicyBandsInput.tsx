import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { PolicyTable } from '../components/PolicyTable';
import { Section } from '../components/Section';
import type { PolicyTableColumn, TableShape } from '../sheet/policyTable';

const BAND_OUTCOMES = ['convert_early', 'convert', 'extend', 'end'];

// A new row has no score and no outcome yet: HR fills both, and the API names what is missing.
const BANDS: TableShape = { kind: 'list', newRow: () => ({ min: null, outcome: null, gap: false }) };

const COLUMNS: PolicyTableColumn[] = [
  { field: 'min', type: 'number', precision: 1, editable: true, label: 'resources.probation-policy.fields.bands.min', width: 140 },
  {
    field: 'outcome',
    type: 'choice',
    choices: BAND_OUTCOMES,
    choiceKey: (value) => `resources.probation-reviews.choices.band.${value}`,
    editable: true,
    label: 'resources.probation-policy.fields.bands.outcome',
    width: 200,
  },
  // The gap marker belongs to the row (a range the source documents leave open) and moves with
  // it; it is ours to show, not HR's to set.
  {
    field: 'gap',
    type: 'choice',
    choices: ['gap'],
    choiceKey: () => 'app.policy_gap',
    value: (row) => ((row as unknown as { gap?: boolean }).gap ? 'gap' : null),
    tooltip: 'app.policy_gap_hint',
    label: 'resources.probation-policy.fields.bands.gap',
    width: 200,
  },
];

/**
 * The score table (§3) as a grid: rows highest first, each from its lowest score to the next
 * row's. Scores and outcomes are typed or pasted from Excel; rows are inserted and removed.
 */
export const PolicyBandsInput = () => {
  const translate = useTranslate();
  return (
    <Section title={translate('resources.probation-policy.sections.bands')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.probation-policy.bands_hint')}
      </Typography>
      <PolicyTable source="values.bands" shape={BANDS} columns={COLUMNS} resource="probation-policy" testId="policy-table-bands" />
    </Section>
  );
};
