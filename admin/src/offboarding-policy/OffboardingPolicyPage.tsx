import { Box, Typography } from '@mui/material';
import { ArrayInput, Link, NumberInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { ApprovalChainInput } from '../components/ApprovalChainInput';
import { PolicyEditor } from '../components/PolicyEditor';
import { GroupErrors, useGapHelper, usePolicyForm } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { InventoryItemsInput } from './InventoryItemsInput';
import { OFFBOARDING_GROUPS, isOffboardingPolicyInput, toOffboardingPolicy } from './offboardingPolicyForm';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;
const key = (path: string) => `resources.offboarding-policy.${path}`;

/**
 * 离职制度 (POLICIES.md §9; 001 六): the notice a resignation gives and when final pay is
 * settled (the documents' numbers), the resignation's approval chain and its time, the
 * handover reminders, the items checked back with what a missing one costs, and the exit
 * form's reasons (ours, marked 系统默认). Read by everyone, saved by HR and admins as a new version.
 */
const OffboardingPolicyPage = () => (
  <PolicyEditor name="offboarding" title={key('name')} isInput={isOffboardingPolicyInput} toSave={toOffboardingPolicy} groups={OFFBOARDING_GROUPS}>
    <NoticeInputs />
    <TimingInputs />
    <ApprovalChainInput resource="offboarding-policy" />
    <InventoryItemsInput />
    <ExitReasonsInput />
  </PolicyEditor>
);

/** A number input whose helper text says its range and, when the API names it a gap, carries the 系统默认 mark. */
const usePolicyNumber = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  return (path: string) => {
    const hint = translate(key(`hints.${path}`));
    const marker = gap(path, false);
    return <NumberInput key={path} source={`values.${path}`} label={key(`fields.${path}`)} step={1} readOnly={readOnly} helperText={marker ? <>{hint} · {marker}</> : hint} />;
  };
};

/** 001 六(一) and (三): a month's notice (3 days in probation); pay settled on the 15th of the month after the handover. */
const NoticeInputs = () => {
  const translate = useTranslate();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.notice'))}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(key('notice_hint'))}
      </Typography>
      <Box sx={grid}>
        {number('notice.months')}
        {number('notice.probationDays')}
      </Box>
      <Box sx={grid}>
        {number('finalPay.dayOfMonth')}
        {number('finalPay.monthsAfter')}
      </Box>
      <GroupErrors group="values.notice" />
      <GroupErrors group="values.finalPay" />
    </Section>
  );
};

/**
 * The approvers' time and the handover reminders: both ours. Where a leaver's open approval
 * tasks go is not set here but by the approvals policy's `approverLeft`; the note links there.
 */
const TimingInputs = () => {
  const translate = useTranslate();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.timing'))}>
      <Box sx={grid}>
        {number('stepDueHours')}
        {number('reminderDaysBefore')}
      </Box>
      <Typography variant="body2" color="text.secondary">
        <Link to="/approvals-policy">{translate(key('tasks_note'))}</Link>
      </Typography>
    </Section>
  );
};

/** 员工离职表's reasons: a key and its names in both languages, in the order the form offers them. */
const ExitReasonsInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const marker = useGapHelper()('exitReasons', false);
  const field = (name: string) => key(`fields.exitReasons.${name}`);
  return (
    <Section title={translate(key('sections.reasons'))}>
      <Typography variant="body2" color="text.secondary">
        {translate(key('reasons_hint'))}
        {marker ? <> · {marker}</> : null}
      </Typography>
      <ArrayInput source="values.exitReasons" label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear inline getItemLabel={(index) => `${index + 1}.`}>
          <TextInput source="key" label={field('key')} readOnly={readOnly} defaultValue="" />
          <TextInput source="labelZh" label={field('labelZh')} readOnly={readOnly} />
          <TextInput source="labelEn" label={field('labelEn')} readOnly={readOnly} />
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.exitReasons" />
    </Section>
  );
};

export default OffboardingPolicyPage;
