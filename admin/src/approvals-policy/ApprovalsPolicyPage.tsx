import { Box } from '@mui/material';
import { BooleanInput, CheckboxGroupInput, NumberInput, RadioButtonGroupInput, useTranslate } from 'react-admin';
import { PolicyEditor } from '../components/PolicyEditor';
import { GroupErrors, usePolicyForm, useGapHelper } from '../components/PolicyFormContext';
import { ATTACHMENT_TYPE_CHOICES } from '../attachments/messages';
import { Section } from '../components/Section';
import { isApprovalsPolicyInput, toApprovalsForm, toApprovalsPolicy } from './approvalsPolicyForm';

const label = (path: string) => `resources.approvals-policy.fields.${path}`;
const choices = (path: string, ids: string[]) => ids.map((id) => ({ id, name: `resources.approvals-policy.choices.${path}.${id}` }));
const requesterChoices = choices('requesterIsApprover', ['self', 'skip', 'superior']);
const leftChoices = choices('approverLeft', ['superior', 'hr']);

/** 审批规则: the rules every approval shares — reminders, repeated approvers, the requester as approver, leavers. */
const ApprovalsPolicyPage = () => (
  <PolicyEditor name="approvals" title="resources.approvals-policy.name" isInput={isApprovalsPolicyInput} toSave={toApprovalsPolicy} toForm={toApprovalsForm} groups={['values.attachments']}>
    <ApprovalsPolicyInputs />
    <AttachmentsPolicyInputs />
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

/** 附件 (#12): the largest file, the kinds of file, how many on one decision or comment; a version saved before them shows the defaults. */
const AttachmentsPolicyInputs = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  const key = (path: string) => `resources.attachments.policy.${path}`;
  const help = (path: string) => {
    const hint = translate(key(`hints.${path}`));
    const marker = gap('attachments', false);
    return marker ? (
      <>
        {hint} · {marker}
      </>
    ) : (
      hint
    );
  };
  return (
    <Section title={translate(key('section'))}>
      <Box sx={{ display: 'grid', gap: 1, maxWidth: 720 }}>
        <NumberInput source="values.attachments.maxMegabytes" label={key('maxMegabytes')} step={1} readOnly={readOnly} helperText={help('maxMegabytes')} />
        <CheckboxGroupInput source="values.attachments.allowedTypes" label={key('allowedTypes')} choices={[...ATTACHMENT_TYPE_CHOICES]} translateChoice={false} readOnly={readOnly} helperText={help('allowedTypes')} />
        <NumberInput source="values.attachments.perItem" label={key('perItem')} step={1} readOnly={readOnly} helperText={help('perItem')} />
        <GroupErrors group="values.attachments" />
      </Box>
    </Section>
  );
};

export default ApprovalsPolicyPage;
