import { Box } from '@mui/material';
import { BooleanInput, NumberInput, RadioButtonGroupInput, useTranslate } from 'react-admin';
import { PolicyEditor } from '../components/PolicyEditor';
import { usePolicyForm, useGapHelper } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { isApprovalsPolicyInput, toApprovalsPolicy } from './approvalsPolicyForm';

const label = (path: string) => `resources.approvals-policy.fields.${path}`;
const choices = (path: string, ids: string[]) => ids.map((id) => ({ id, name: `resources.approvals-policy.choices.${path}.${id}` }));
const requesterChoices = choices('requesterIsApprover', ['self', 'skip', 'superior']);
const leftChoices = choices('approverLeft', ['superior', 'hr']);

/** 审批规则: the rules every approval shares — reminders, repeated approvers, the requester as approver, leavers. */
const ApprovalsPolicyPage = () => (
  <PolicyEditor name="approvals" title="resources.approvals-policy.name" isInput={isApprovalsPolicyInput} toSave={toApprovalsPolicy}>
    <ApprovalsPolicyInputs />
  </PolicyEditor>
);

const ApprovalsPolicyInputs = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  // Every value here fills a gap in the source documents: the marker goes after the hint.
  const help = (path: string) => {
    const hint = translate(`resources.approvals-policy.hints.${path}`);
    const marker = gap(path, false);
    return marker ? (
      <>
        {hint} · {marker}
      </>
    ) : (
      hint
    );
  };
  return (
    <Section title={translate('resources.approvals-policy.sections.rules')}>
      <Box sx={{ display: 'grid', gap: 1, maxWidth: 720 }}>
        <NumberInput source="values.remindIntervalHours" label={label('remindIntervalHours')} step={1} readOnly={readOnly} helperText={help('remindIntervalHours')} />
        <BooleanInput source="values.sameApproverDecidesOnce" label={label('sameApproverDecidesOnce')} readOnly={readOnly} helperText={help('sameApproverDecidesOnce')} />
        <RadioButtonGroupInput source="values.requesterIsApprover" label={label('requesterIsApprover')} choices={requesterChoices} readOnly={readOnly} helperText={help('requesterIsApprover')} />
        <RadioButtonGroupInput source="values.approverLeft" label={label('approverLeft')} choices={leftChoices} readOnly={readOnly} helperText={help('approverLeft')} />
      </Box>
    </Section>
  );
};

export default ApprovalsPolicyPage;
