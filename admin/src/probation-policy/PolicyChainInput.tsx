import { Box, Typography } from '@mui/material';
import { ArrayInput, BooleanInput, FormDataConsumer, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import { postChoices } from '../employees/employeeChoices';
import { modeChoices } from '../approvals/stageChoices';
import { ROLES } from '../providers/authProvider';
import { NEW_CHAIN_STEP } from './policyForm';
import { GroupErrors, usePolicyForm } from '../components/PolicyFormContext';
import type { ChainStep } from './types';

const approverKinds = ['superior', 'post_in_line', 'role'].map((id) => ({ id, name: `resources.probation-policy.choices.approver.${id}` }));
const recordChoices = ['scores', 'outcome'].map((id) => ({ id, name: `resources.probation-reviews.records.${id}` }));
const roleChoices = ROLES.map((id) => ({ id, name: `roles.${id}` }));
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;

// The form keeps `fallback` as the API's 'superior' (or nothing); the switch shows it as on/off.
const formatFallback = (value: unknown) => value === 'superior';
const parseFallback = (checked: boolean) => (checked ? 'superior' : '');

/**
 * The approval chain, in order: who decides each step (the direct superior, the nearest
 * superior holding a post, or everyone with a role — any one of them, 或签, or all, 会签),
 * what the step records (the first step the scores, the last the outcome) and its name in
 * both languages.
 */
export const PolicyChainInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  return (
    <Section title={translate('resources.probation-policy.sections.chain')}>
      <Typography variant="body2" color="text.secondary">
        {translate('resources.probation-policy.chain_hint')}
      </Typography>
      <ArrayInput source="values.chain" label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear getItemLabel={(index) => `${index + 1}.`}>
          <Box sx={grid}>
            <TextInput source="key" label="resources.probation-policy.fields.chain.key" readOnly={readOnly} defaultValue="" />
            <TextInput source="labelZh" label="resources.probation-policy.fields.chain.labelZh" readOnly={readOnly} />
            <TextInput source="labelEn" label="resources.probation-policy.fields.chain.labelEn" readOnly={readOnly} />
            <SelectInput source="approver.kind" label="resources.probation-policy.fields.chain.approverKind" choices={approverKinds} readOnly={readOnly} defaultValue={NEW_CHAIN_STEP.approver?.kind} />
            <FormDataConsumer<Partial<ChainStep>>>
              {({ scopedFormData }) => {
                const kind = scopedFormData?.approver?.kind;
                if (kind === 'post_in_line') {
                  return (
                    <>
                      <SelectInput source="approver.post" label="resources.probation-policy.fields.chain.post" choices={postChoices} readOnly={readOnly} />
                      <BooleanInput
                        source="approver.fallback"
                        label="resources.probation-policy.fields.chain.fallback"
                        format={formatFallback}
                        parse={parseFallback}
                        readOnly={readOnly}
                      />
                    </>
                  );
                }
                if (kind === 'role') {
                  return (
                    <>
                      <SelectInput source="approver.role" label="resources.probation-policy.fields.chain.role" choices={roleChoices} readOnly={readOnly} />
                      <SelectInput source="approver.mode" label="resources.probation-policy.fields.chain.mode" choices={modeChoices} readOnly={readOnly} defaultValue="any" helperText="resources.probation-policy.mode_hint" />
                    </>
                  );
                }
                return null;
              }}
            </FormDataConsumer>
            <SelectInput source="records" label="resources.probation-policy.fields.chain.records" choices={recordChoices} emptyText="resources.probation-reviews.records.none" readOnly={readOnly} />
          </Box>
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.chain" />
    </Section>
  );
};
