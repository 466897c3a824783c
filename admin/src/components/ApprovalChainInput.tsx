import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ArrayInput, BooleanInput, FormDataConsumer, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { modeChoices } from '../approvals/stageChoices';
import { postChoices } from '../employees/employeeChoices';
import { ROLES } from '../providers/authProvider';
import { GroupErrors, useGapHelper, usePolicyForm } from './PolicyFormContext';
import { Section } from './Section';

const APPROVER_KINDS = ['superior', 'post_in_line', 'role'] as const;
const roleChoices = ROLES.map((id) => ({ id, name: `roles.${id}` }));
const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;

// The form keeps `fallback` as the API's 'superior' (or nothing); the switch shows it as on/off.
const formatFallback = (value: unknown) => value === 'superior';
const parseFallback = (checked: boolean) => (checked ? 'superior' : '');

type StepForm = { approver?: { kind?: string } };

/**
 * A policy's approval chain (`values.<source>`: `values.chain` by default, the discipline
 * policy's `values.dismissalChain`), in order: each step's key, its names in both languages and
 * who decides it — the direct superior, the nearest superior holding a post, or
 * everyone with a role (或签 any one, 会签 all) — plus what `children` adds to a step (what it
 * records, a headcount condition). Labels come from `resources.<resource>.fields.chain.*`,
 * `choices.approver.*`, `sections.chain`, `chain_hint` and `mode_hint`; when the API names the
 * chain as a gap in the source documents, the hint carries the 系统默认 mark.
 */
export const ApprovalChainInput = ({ resource, source = 'chain', children }: { resource: string; source?: string; children?: ReactNode }) => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const marker = useGapHelper()(source, false);
  const key = (path: string) => `resources.${resource}.${path}`;
  const field = (path: string) => key(`fields.chain.${path}`);
  const approverKinds = APPROVER_KINDS.map((id) => ({ id, name: key(`choices.approver.${id}`) }));
  return (
    <Section title={translate(key('sections.chain'))}>
      <Typography variant="body2" color="text.secondary">
        {translate(key('chain_hint'))}
        {marker ? <> · {marker}</> : null}
      </Typography>
      <ArrayInput source={`values.${source}`} label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear getItemLabel={(index) => `${index + 1}.`}>
          <Box sx={grid}>
            <TextInput source="key" label={field('key')} readOnly={readOnly} defaultValue="" />
            <TextInput source="labelZh" label={field('labelZh')} readOnly={readOnly} />
            <TextInput source="labelEn" label={field('labelEn')} readOnly={readOnly} />
            <SelectInput source="approver.kind" label={field('approverKind')} choices={approverKinds} readOnly={readOnly} defaultValue="superior" />
            <FormDataConsumer<StepForm>>
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
                      <SelectInput source="approver.mode" label={field('mode')} choices={modeChoices} readOnly={readOnly} defaultValue="any" helperText={key('mode_hint')} />
                    </>
                  );
                }
                return null;
              }}
            </FormDataConsumer>
            {children}
          </Box>
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group={`values.${source}`} />
    </Section>
  );
};
