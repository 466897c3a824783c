import { Box, Typography } from '@mui/material';
import { ArrayInput, NumberInput, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { GroupErrors, usePolicyForm } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { NEW_ONBOARDING_ITEM, ONBOARDING_OWNERS } from './recruitmentPolicyForm';

const field = (path: string) => `resources.recruitment-policy.fields.onboardingItems.${path}`;
const ownerChoices = ONBOARDING_OWNERS.map((id) => ({ id, name: `resources.recruitment-policy.choices.owner.${id}` }));
// The names get the room: a key, two names, the owner and a short number on one row from md up.
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '2fr 3fr 3fr 2fr 1.5fr' }, columnGap: 2, width: '100%' } as const;

/**
 * 入职清单 (POLICIES.md §2 step 6; 000 第三章第二节): the items a hire's checklist opens with when
 * they report, in order — a key, the names in both languages, who sees to it and the day it is
 * due (days after the report date). Rows are added, removed and reordered like the chain's.
 */
export const OnboardingItemsInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  return (
    <Section title={translate('resources.recruitment-policy.sections.onboarding')}>
      <Typography variant="body2" color="text.secondary">
        {translate('resources.recruitment-policy.onboarding_hint')}
      </Typography>
      <ArrayInput source="values.onboardingItems" label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear getItemLabel={(index) => `${index + 1}.`}>
          <Box sx={grid}>
            <TextInput source="key" label={field('key')} readOnly={readOnly} defaultValue="" />
            <TextInput source="labelZh" label={field('labelZh')} readOnly={readOnly} />
            <TextInput source="labelEn" label={field('labelEn')} readOnly={readOnly} />
            <SelectInput source="owner" label={field('owner')} choices={ownerChoices} readOnly={readOnly} defaultValue={NEW_ONBOARDING_ITEM.owner} />
            <NumberInput
              source="dueDays"
              label={field('dueDays')}
              step={1}
              min={0}
              max={90}
              readOnly={readOnly}
              defaultValue={NEW_ONBOARDING_ITEM.dueDays}
              helperText="resources.recruitment-policy.hints.dueDays"
            />
          </Box>
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.onboardingItems" />
    </Section>
  );
};
