import { Alert, Box, Typography } from '@mui/material';
import { BooleanInput, NumberInput, useTranslate } from 'react-admin';
import { ApprovalChainInput } from '../components/ApprovalChainInput';
import { PolicyEditor } from '../components/PolicyEditor';
import { GroupErrors, useGapHelper, usePolicyForm } from '../components/PolicyFormContext';
import { Section } from '../components/Section';
import { DISCIPLINE_GROUPS, isDisciplinePolicyInput, toDisciplineForm, toDisciplinePolicy } from './disciplinePolicyForm';
import { ViolationsInput } from './ViolationsInput';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(3, 1fr)' }, columnGap: 2, width: '100%' } as const;
const key = (path: string) => `resources.discipline-policy.${path}`;

/**
 * 奖惩制度 (POLICIES.md §4; 004 客户服务部奖惩管理制度): how warnings roll up (3 verbal = 1
 * written, 3 written = 1 final), the time limits of signing and appealing, fines and witnesses,
 * who approves a dismissal and how fast, and the 违纪条款 catalogue as a grid. Read by everyone,
 * saved by HR and admins as a new version.
 */
const DisciplinePolicyPage = () => (
  <PolicyEditor
    name="discipline"
    title={key('name')}
    isInput={isDisciplinePolicyInput}
    toSave={toDisciplinePolicy}
    toForm={toDisciplineForm}
    groups={DISCIPLINE_GROUPS}
  >
    <LadderInputs />
    <WindowInputs />
    <OptionInputs />
    <ApprovalChainInput resource="discipline-policy" source="dismissalChain" />
    <TimingInputs />
    <ViolationsInput />
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

/** 004 第五条(一)(二): 受三次口头警告等同一次书面警告，受三次书面警告等同一次最后警告. */
const LadderInputs = () => {
  const translate = useTranslate();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.ladder'))}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(key('ladder_hint'))}
      </Typography>
      <Box sx={grid}>
        {number('ladder.verbalToWritten')}
        {number('ladder.writtenToFinal')}
      </Box>
      <GroupErrors group="values.ladder" />
    </Section>
  );
};

/** The counting period and signing days are ours (gap); appeal in 3 days, answered in a week (004 (六)1–2). */
const WindowInputs = () => {
  const translate = useTranslate();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.windows'))}>
      <Box sx={grid}>
        {number('windows.countingMonths')}
        {number('windows.signDays')}
        {number('windows.appealDays')}
        {number('windows.appealAnswerDays')}
      </Box>
      <GroupErrors group="values.windows" />
    </Section>
  );
};

/**
 * 乐捐 may be turned off: deducting fines from wages is restricted by local labour law, so the
 * switch always carries the warning to ask the legal department first. Witnesses: 004 (六)3.
 */
const OptionInputs = () => {
  const translate = useTranslate();
  const { readOnly } = usePolicyForm();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.options'))}>
      <Alert severity="warning" sx={{ mb: 1 }} data-testid="discipline-fines-warning">
        {translate(key('fines_warning'))}
      </Alert>
      <Box sx={grid}>
        <BooleanInput source="values.options.fines" label={key('fields.options.fines')} readOnly={readOnly} helperText={key('hints.options.fines')} />
        {number('options.witnesses')}
      </Box>
      <GroupErrors group="values.options" />
    </Section>
  );
};

/** The time each approver of a dismissal has (ours, a gap). */
const TimingInputs = () => {
  const translate = useTranslate();
  const number = usePolicyNumber();
  return (
    <Section title={translate(key('sections.timing'))}>
      <Box sx={grid}>{number('stepDueHours')}</Box>
    </Section>
  );
};

export default DisciplinePolicyPage;
