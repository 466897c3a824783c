import { Box, Typography } from '@mui/material';
import { ArrayInput, NumberInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { PolicyEditor } from '../components/PolicyEditor';
import { GroupErrors, useGapHelper, usePolicyForm } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { OnboardingItemsInput } from './OnboardingItemsInput';
import { RecruitmentChainInput } from './RecruitmentChainInput';
import { RECRUITMENT_GROUPS, isRecruitmentPolicyInput, toRecruitmentPolicy } from './recruitmentPolicyForm';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;
const key = (path: string) => `resources.recruitment-policy.${path}`;

/**
 * 招聘制度 (POLICIES.md §2): the headcount cap, the salary range, the deadlines, the
 * requisition's approval chain (with its headcount conditions, the GM's above all), where
 * candidates come from and the onboarding checklist a hire gets on reporting. Read by everyone, saved by HR and admins as a new version.
 */
const RecruitmentPolicyPage = () => (
  <PolicyEditor name="recruitment" title={key('name')} isInput={isRecruitmentPolicyInput} toSave={toRecruitmentPolicy} groups={RECRUITMENT_GROUPS}>
    <GeneralInputs />
    <RecruitmentChainInput />
    <SourcesInput />
    <OnboardingItemsInput />
  </PolicyEditor>
);

const GeneralInputs = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const gap = useGapHelper();
  // The hint says the range; a value the documents leave open carries the 系统默认 mark after it.
  const help = (path: string) => {
    const hint = translate(key(`hints.${path}`));
    const marker = gap(path, false);
    return marker ? (
      <>
        {hint} · {marker}
      </>
    ) : (
      hint
    );
  };
  const number = (path: string) => <NumberInput key={path} source={`values.${path}`} label={key(`fields.${path}`)} step={1} readOnly={readOnly} helperText={help(path)} />;
  return (
    <Section title={translate(key('sections.general'))}>
      <Box sx={grid}>
        {number('maxHeadcount')}
        {number('salaryRangePercent')}
        {number('stepDueHours')}
        {number('reportWithinDays')}
        {number('interviewReminderHours')}
        {number('candidateRetentionDays')}
      </Box>
    </Section>
  );
};

/** 候选人来源: a key and its names in both languages, in the order the forms offer them. */
const SourcesInput = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  return (
    <Section title={translate(key('sections.sources'))}>
      <Typography variant="body2" color="text.secondary">
        {translate(key('sources_hint'))}
      </Typography>
      <ArrayInput source="values.candidateSources" label={false}>
        <SimpleFormIterator disabled={readOnly} disableClear inline getItemLabel={(index) => `${index + 1}.`}>
          <TextInput source="key" label={key('fields.candidateSources.key')} readOnly={readOnly} defaultValue="" />
          <TextInput source="labelZh" label={key('fields.candidateSources.labelZh')} readOnly={readOnly} />
          <TextInput source="labelEn" label={key('fields.candidateSources.labelEn')} readOnly={readOnly} />
        </SimpleFormIterator>
      </ArrayInput>
      <GroupErrors group="values.candidateSources" />
    </Section>
  );
};

export default RecruitmentPolicyPage;
