import { Box, Typography } from '@mui/material';
import { ArrayInput, BooleanInput, FormDataConsumer, NumberInput, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { modeChoices } from '../approvals/stageChoices';
import { GroupErrors, usePolicyForm } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { postChoices } from '../employees/employeeChoices';
import { ROLES } from '../providers/authProvider';
import { NEW_RECRUITMENT_STEP, type RecruitmentChainStep } from './recruitmentPolicyForm';

const field = (path: string) => `resources.recruitment-policy.fields.chain.${path}`;
const approverKinds = ['superior', 'post_in_line', 'role'].map((id) => ({ id, name: `resources.recruitment-policy.choices.approver.${id}` }));
const roleChoices = ROLES.map((id) => ({ id, name: `roles.${id}` }));
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;

// The form keeps `fallback` as the API's 'superior' (or nothing); the switch shows it as on/off.
const formatFallback = (value: unknown) => value === 'superior';
const parseFallback = (checked: boolean) => (checked ? 'superior' : '');

/**
 * The requisition's approval chain, in order (000 第三章: CS manager → HR; 001 adds the GM):
 * who decides each step — found up from the requester — its names, and the headcount from
 * which it is asked (empty: always; the GM's condition is this field).
 */
export const RecruitmentChainInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  return (
    <Section title={translate('resources.recruitment-policy.sections.chain')}>
      <Typography variant="body2" color="text.secondary">
        {translate('resources.recruitment-policy.chain_hint')}
      </Typography>
      <ArrayInput source="values.chain" label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear getItemLabel={(index) => `${index + 1}.`}>
          <Box sx={grid}>
            <TextInput source="key" label={field('key')} readOnly={readOnly} defaultValue="" />
            <TextInput source="labelZh" label={field('labelZh')} readOnly={readOnly} />
            <TextInput source="labelEn" label={field('labelEn')} readOnly={readOnly} />
            <SelectInput source="approver.kind" label={field('approverKind')} choices={approverKinds} readOnly={readOnly} defaultValue={NEW_RECRUITMENT_STEP.approver?.kind} />
            <FormDataConsumer<Partial<RecruitmentChainStep>>>
              {({ scopedFormData }) => {
                const kind = scopedFormData?.approver?.kind;
                if (kind === 'post_in_line') {
                  return (
                    <>
                      <SelectInput source="approver.post" label={field('post')} choices={postChoices} readOnly={readOnly} />
                      <BooleanInput source="approver.fallback" label={field('fallback')} format={formatFallback} parse={parseFallback} readOnly={readOnly} />
                    </>
                  );
                }
                if (kind === 'role') {
                  return (
                    <>
                      <SelectInput source="approver.role" label={field('role')} choices={roleChoices} readOnly={readOnly} />
                      <SelectInput source="approver.mode" label={field('mode')} choices={modeChoices} readOnly={readOnly} defaultValue="any" helperText="resources.recruitment-policy.mode_hint" />
                    </>
                  );
                }
                return null;
              }}
            </FormDataConsumer>
            <NumberInput source="minHeadcount" label={field('minHeadcount')} step={1} min={1} readOnly={readOnly} helperText="resources.recruitment-policy.hints.minHeadcount" />
          </Box>
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.chain" />
    </Section>
  );
};
